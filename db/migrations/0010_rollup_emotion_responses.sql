DROP INDEX "daily_rollups_key";--> statement-breakpoint
ALTER TABLE "daily_rollups" ADD COLUMN "emotion" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "daily_rollups" ADD COLUMN "response_buckets" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "messages" ADD COLUMN "response_seconds" integer;--> statement-breakpoint
CREATE UNIQUE INDEX "daily_rollups_key" ON "daily_rollups" USING btree ("tenant_id","connection_id","day","emotion");--> statement-breakpoint
-- Quarter-octave buckets of seconds (bucket b holds [2^(b/4) - 1, 2^((b+1)/4) - 1)): one definition, in SQL, for
-- the incremental path and the rebuild; lib/metrics reads the bounds back for the median.
CREATE OR REPLACE FUNCTION response_bucket(seconds integer) RETURNS integer
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT floor(4 * ln(greatest(seconds, 0) + 1) / ln(2))::int
$$;
--> statement-breakpoint
-- A business reply R ends a customer turn: its response time runs from the first customer message after the
-- previous reply (strictly earlier than R) up to R. Storing or deleting a message at time t can change this only
-- for the replies in the first two reply instants at or after t, and for a deleted reply itself: those rows are
-- recomputed, and the day rollups move by exactly what changed. Reactions and deleted messages take no part.
CREATE OR REPLACE FUNCTION refresh_response_times(p_chat uuid, p_from timestamptz, p_timezone text) RETURNS void
LANGUAGE sql AS $$
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
  INSERT INTO daily_rollups AS r (tenant_id, connection_id, day, emotion, response_buckets, updated_at)
  SELECT tenant_id, connection_id, day, '', buckets, now() FROM per_day
  ON CONFLICT (tenant_id, connection_id, day, emotion) DO UPDATE SET
    response_buckets = jsonb_counts_add(r.response_buckets, excluded.response_buckets),
    updated_at = now()
$$;
--> statement-breakpoint
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
--> statement-breakpoint
SELECT rebuild_daily_rollups(NULL, 0.1);
