-- A business reply R ends a customer turn: its response time runs from the first customer message after the
-- previous reply (strictly earlier than R) up to R. Storing or deleting a message at time t can change this only
-- for the replies in the first two reply instants at or after t, and for a deleted reply itself: those rows are
-- recomputed, and the day rollups move by exactly what changed, in the transaction's shard (rollup_shard).
-- Reactions and deleted messages take no part. PL/pgSQL so that its statements keep a plan per session: it runs
-- on every stored message.
CREATE OR REPLACE FUNCTION refresh_response_times(p_chat uuid, p_from timestamptz, p_timezone text) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  WITH bound AS (
    SELECT coalesce(max(sent_at), p_from) AS upto FROM (
      SELECT DISTINCT sent_at FROM messages
      WHERE chat_id = p_chat AND from_me AND type <> 'reaction' AND deleted_at IS NULL AND sent_at >= p_from
      ORDER BY sent_at LIMIT 2
    ) b
  ),
  affected AS (
    SELECT m.id, m.tenant_id, m.connection_id, m.sent_at, m.response_seconds AS old,
      CASE WHEN m.deleted_at IS NOT NULL OR m.type = 'reaction' THEN NULL ELSE (
        SELECT floor(extract(epoch FROM m.sent_at - min(c.sent_at)))::int FROM messages c
        WHERE c.chat_id = m.chat_id AND NOT c.from_me AND c.type <> 'reaction' AND c.deleted_at IS NULL
          AND c.sent_at <= m.sent_at
          AND c.sent_at > coalesce((
            SELECT max(p.sent_at) FROM messages p
            WHERE p.chat_id = m.chat_id AND p.from_me AND p.type <> 'reaction' AND p.deleted_at IS NULL AND p.sent_at < m.sent_at
          ), '-infinity')
      ) END AS new
    FROM messages m, bound
    WHERE m.chat_id = p_chat AND m.from_me AND m.sent_at >= p_from AND m.sent_at <= bound.upto
  ),
  changed AS (
    UPDATE messages m SET response_seconds = a.new FROM affected a
    WHERE m.id = a.id AND m.response_seconds IS DISTINCT FROM a.new
    RETURNING a.tenant_id, a.connection_id, to_char(a.sent_at AT TIME ZONE p_timezone, 'YYYY-MM-DD') AS day, a.old, a.new
  ),
  moves AS (
    SELECT tenant_id, connection_id, day, response_bucket(old)::text AS k, -1 AS n FROM changed WHERE old IS NOT NULL
    UNION ALL
    SELECT tenant_id, connection_id, day, response_bucket(new)::text, 1 FROM changed WHERE new IS NOT NULL
  ),
  per_day AS (
    SELECT tenant_id, connection_id, day, jsonb_object_agg(k, n) AS buckets
    FROM (SELECT tenant_id, connection_id, day, k, sum(n)::int AS n FROM moves GROUP BY 1, 2, 3, 4) s
    GROUP BY 1, 2, 3
  )
  INSERT INTO daily_rollups AS r (tenant_id, connection_id, day, emotion, shard, response_buckets, updated_at)
  SELECT tenant_id, connection_id, day, '', rollup_shard(), buckets, now() FROM per_day
  ON CONFLICT (tenant_id, connection_id, day, emotion, shard) DO UPDATE SET
    response_buckets = jsonb_counts_add(r.response_buckets, excluded.response_buckets),
    updated_at = now();
END
$$;
