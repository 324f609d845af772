-- Recomputes response times and the daily rollups from the messages, for one tenant (or all when null). The
-- incremental paths (ingest, analysis, deletion) must always agree with this; tests hold them to it.
CREATE OR REPLACE FUNCTION rebuild_daily_rollups(p_tenant uuid, p_threshold real) RETURNS integer
LANGUAGE plpgsql AS $$
DECLARE
  written integer;
BEGIN
  WITH live AS (
    SELECT id, chat_id, from_me, sent_at,
      max(sent_at) FILTER (WHERE from_me) OVER (
        PARTITION BY chat_id ORDER BY sent_at RANGE BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW EXCLUDE GROUP
      ) AS prev_reply
    FROM messages
    WHERE deleted_at IS NULL AND type <> 'reaction' AND (p_tenant IS NULL OR tenant_id = p_tenant)
  ),
  turns AS (
    SELECT chat_id, coalesce(prev_reply, '-infinity') AS prev_reply, min(sent_at) AS started
    FROM live WHERE NOT from_me GROUP BY 1, 2
  ),
  computed AS (
    SELECT r.id, floor(extract(epoch FROM r.sent_at - t.started))::int AS secs
    FROM live r JOIN turns t ON t.chat_id = r.chat_id AND t.prev_reply = coalesce(r.prev_reply, '-infinity')
    WHERE r.from_me
  ),
  target AS (
    SELECT m.id, c.secs FROM messages m LEFT JOIN computed c ON c.id = m.id
    WHERE m.from_me AND (p_tenant IS NULL OR m.tenant_id = p_tenant)
  )
  UPDATE messages m SET response_seconds = t.secs FROM target t
  WHERE m.id = t.id AND m.response_seconds IS DISTINCT FROM t.secs;

  DELETE FROM daily_rollups WHERE p_tenant IS NULL OR tenant_id = p_tenant;

  WITH base AS (
    SELECT m.tenant_id, m.connection_id, to_char(m.sent_at AT TIME ZONE t.timezone, 'YYYY-MM-DD') AS day,
      extract(hour FROM m.sent_at AT TIME ZONE t.timezone)::int AS hour,
      m.from_me, m.type, m.sentiment, m.satisfaction, coalesce(m.emotion, 'neutral') AS emotion,
      coalesce(m.tone, 'neutral') AS tone, m.response_seconds,
      (m.analysis_status = 'done' AND m.sentiment IS NOT NULL AND m.satisfaction IS NOT NULL) AS scored,
      ceil(2 * log(2, greatest(1, extract(epoch FROM (m.analyzed_at - m.created_at)) * 1000)::numeric))::int AS latency_bucket
    FROM messages m JOIN tenants t ON t.id = m.tenant_id
    WHERE m.deleted_at IS NULL AND (p_tenant IS NULL OR m.tenant_id = p_tenant)
  ),
  -- Every message counts once in its day's '' row, and a scored one once more in its emotion's row.
  keyed AS (
    SELECT b.*, '' AS key FROM base b
    UNION ALL
    SELECT b.*, b.emotion FROM base b WHERE b.scored
  ),
  counts AS (
    SELECT tenant_id, connection_id, day, key,
      count(*) FILTER (WHERE key = '' AND NOT from_me AND type <> 'reaction')::int AS messages_in,
      count(*) FILTER (WHERE key = '' AND from_me AND type <> 'reaction')::int AS messages_out,
      count(*) FILTER (WHERE key <> '')::int AS analyzed,
      count(*) FILTER (WHERE key <> '' AND sentiment >= p_threshold)::int AS positive,
      count(*) FILTER (WHERE key <> '' AND sentiment > -p_threshold AND sentiment < p_threshold)::int AS neutral,
      count(*) FILTER (WHERE key <> '' AND sentiment <= -p_threshold)::int AS negative,
      coalesce(sum(sentiment) FILTER (WHERE key <> ''), 0)::real AS sentiment_sum,
      coalesce(sum(satisfaction) FILTER (WHERE key <> ''), 0)::int AS satisfaction_sum,
      count(*) FILTER (WHERE key <> '')::int AS satisfaction_count
    FROM keyed GROUP BY 1, 2, 3, 4
  ),
  maps AS (
    SELECT tenant_id, connection_id, day, key, kind, jsonb_object_agg(k, n) AS counts
    FROM (
      SELECT tenant_id, connection_id, day, key, 'emotions' AS kind, emotion AS k, count(*) AS n FROM keyed WHERE key <> '' GROUP BY 1, 2, 3, 4, 6
      UNION ALL
      SELECT tenant_id, connection_id, day, key, 'tones', tone, count(*) FROM keyed WHERE key <> '' GROUP BY 1, 2, 3, 4, 6
      UNION ALL
      SELECT tenant_id, connection_id, day, key, 'satisfaction', least(9, greatest(0, floor(satisfaction / 10)))::int::text, count(*) FROM keyed WHERE key <> '' GROUP BY 1, 2, 3, 4, 6
      UNION ALL
      SELECT tenant_id, connection_id, day, key, 'latency', latency_bucket::text, count(*) FROM keyed WHERE key <> '' AND latency_bucket IS NOT NULL GROUP BY 1, 2, 3, 4, 6
      UNION ALL
      -- The '' row's hours count every customer message; an emotion row's, the scored messages with that emotion.
      SELECT tenant_id, connection_id, day, key, 'hours', hour::text, count(*) FROM keyed WHERE key <> '' OR (NOT from_me AND type <> 'reaction') GROUP BY 1, 2, 3, 4, 6
      UNION ALL
      SELECT tenant_id, connection_id, day, key, 'responses', response_bucket(response_seconds)::text, count(*) FROM keyed WHERE key = '' AND response_seconds IS NOT NULL GROUP BY 1, 2, 3, 4, 6
    ) g
    GROUP BY 1, 2, 3, 4, 5
  )
  INSERT INTO daily_rollups (tenant_id, connection_id, day, emotion, messages_in, messages_out, analyzed, positive, neutral,
    negative, sentiment_sum, satisfaction_sum, satisfaction_count, emotions, tones, satisfaction_buckets, latency_buckets,
    hours, response_buckets)
  SELECT c.tenant_id, c.connection_id, c.day, c.key, c.messages_in, c.messages_out, c.analyzed, c.positive, c.neutral,
    c.negative, c.sentiment_sum, c.satisfaction_sum, c.satisfaction_count,
    coalesce((array_agg(x.counts) FILTER (WHERE x.kind = 'emotions'))[1], '{}'),
    coalesce((array_agg(x.counts) FILTER (WHERE x.kind = 'tones'))[1], '{}'),
    coalesce((array_agg(x.counts) FILTER (WHERE x.kind = 'satisfaction'))[1], '{}'),
    coalesce((array_agg(x.counts) FILTER (WHERE x.kind = 'latency'))[1], '{}'),
    coalesce((array_agg(x.counts) FILTER (WHERE x.kind = 'hours'))[1], '{}'),
    coalesce((array_agg(x.counts) FILTER (WHERE x.kind = 'responses'))[1], '{}')
  FROM counts c
  LEFT JOIN maps x ON (x.tenant_id, x.connection_id, x.day, x.key) = (c.tenant_id, c.connection_id, c.day, c.key)
  GROUP BY c.tenant_id, c.connection_id, c.day, c.key, c.messages_in, c.messages_out, c.analyzed, c.positive, c.neutral,
    c.negative, c.sentiment_sum, c.satisfaction_sum, c.satisfaction_count;
  GET DIAGNOSTICS written = ROW_COUNT;
  RETURN written;
END
$$;
