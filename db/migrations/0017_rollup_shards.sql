DROP INDEX "daily_rollups_key";--> statement-breakpoint
ALTER TABLE "daily_rollups" ADD COLUMN "shard" smallint DEFAULT 0 NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "daily_rollups_key" ON "daily_rollups" USING btree ("tenant_id","connection_id","day","emotion","shard");--> statement-breakpoint
-- Which of a day's 8 row shards a write goes to: at random, so concurrent writers rarely queue on one row.
CREATE OR REPLACE FUNCTION rollup_shard() RETURNS smallint
LANGUAGE plpgsql VOLATILE AS $$
BEGIN
  RETURN floor(random() * 8)::smallint;
END
$$;
--> statement-breakpoint
CREATE AGGREGATE jsonb_counts_sum(jsonb) (SFUNC = jsonb_counts_add, STYPE = jsonb, INITCOND = '{}');
--> statement-breakpoint
-- As in migration 0016, writing to a random shard.
CREATE OR REPLACE FUNCTION apply_volume_delta(p_tenant uuid, p_connection uuid, p_sent_at timestamptz, p_timezone text, p_from_me boolean, p_delta integer)
RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  v_local timestamp := p_sent_at AT TIME ZONE p_timezone;
BEGIN
  INSERT INTO daily_rollups AS r (tenant_id, connection_id, day, emotion, shard, messages_in, messages_out, hours, updated_at)
  VALUES (p_tenant, p_connection, to_char(v_local, 'YYYY-MM-DD'), '', rollup_shard(), CASE WHEN p_from_me THEN 0 ELSE p_delta END,
    CASE WHEN p_from_me THEN p_delta ELSE 0 END,
    CASE WHEN p_from_me THEN '{}'::jsonb ELSE jsonb_build_object(extract(hour FROM v_local)::int::text, p_delta) END, now())
  ON CONFLICT (tenant_id, connection_id, day, emotion, shard) DO UPDATE SET
    messages_in = r.messages_in + excluded.messages_in,
    messages_out = r.messages_out + excluded.messages_out,
    hours = jsonb_counts_add(r.hours, excluded.hours),
    updated_at = now();
END
$$;
--> statement-breakpoint
-- As in migration 0011, writing to a random shard.
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
--> statement-breakpoint
-- Folds the shards of every day before p_before (a 'YYYY-MM-DD' local day) into shard 0; returns the rows folded.
-- Past days no longer take concurrent writes, so one row per key is all they need.
CREATE OR REPLACE FUNCTION compact_daily_rollups(p_before text) RETURNS integer
LANGUAGE plpgsql AS $$
DECLARE
  folded integer;
BEGIN
  WITH moved AS (
    DELETE FROM daily_rollups WHERE shard <> 0 AND day < p_before RETURNING *
  ),
  summed AS (
    SELECT tenant_id, connection_id, day, emotion, count(*) AS n, sum(messages_in)::int AS messages_in,
      sum(messages_out)::int AS messages_out, sum(analyzed)::int AS analyzed, sum(positive)::int AS positive,
      sum(neutral)::int AS neutral, sum(negative)::int AS negative, sum(sentiment_sum)::real AS sentiment_sum,
      sum(satisfaction_sum)::int AS satisfaction_sum, sum(satisfaction_count)::int AS satisfaction_count,
      jsonb_counts_sum(emotions) AS emotions, jsonb_counts_sum(tones) AS tones,
      jsonb_counts_sum(satisfaction_buckets) AS satisfaction_buckets, jsonb_counts_sum(hours) AS hours,
      jsonb_counts_sum(latency_buckets) AS latency_buckets, jsonb_counts_sum(response_buckets) AS response_buckets
    FROM moved GROUP BY 1, 2, 3, 4
  ),
  merged AS (
    INSERT INTO daily_rollups AS r (tenant_id, connection_id, day, emotion, shard, messages_in, messages_out, analyzed,
      positive, neutral, negative, sentiment_sum, satisfaction_sum, satisfaction_count, emotions, tones,
      satisfaction_buckets, hours, latency_buckets, response_buckets, updated_at)
    SELECT tenant_id, connection_id, day, emotion, 0, messages_in, messages_out, analyzed, positive, neutral, negative,
      sentiment_sum, satisfaction_sum, satisfaction_count, emotions, tones, satisfaction_buckets, hours, latency_buckets,
      response_buckets, now()
    FROM summed
    ON CONFLICT (tenant_id, connection_id, day, emotion, shard) DO UPDATE SET
      messages_in = r.messages_in + excluded.messages_in,
      messages_out = r.messages_out + excluded.messages_out,
      analyzed = r.analyzed + excluded.analyzed,
      positive = r.positive + excluded.positive,
      neutral = r.neutral + excluded.neutral,
      negative = r.negative + excluded.negative,
      sentiment_sum = r.sentiment_sum + excluded.sentiment_sum,
      satisfaction_sum = r.satisfaction_sum + excluded.satisfaction_sum,
      satisfaction_count = r.satisfaction_count + excluded.satisfaction_count,
      emotions = jsonb_counts_add(r.emotions, excluded.emotions),
      tones = jsonb_counts_add(r.tones, excluded.tones),
      satisfaction_buckets = jsonb_counts_add(r.satisfaction_buckets, excluded.satisfaction_buckets),
      hours = jsonb_counts_add(r.hours, excluded.hours),
      latency_buckets = jsonb_counts_add(r.latency_buckets, excluded.latency_buckets),
      response_buckets = jsonb_counts_add(r.response_buckets, excluded.response_buckets),
      updated_at = now()
    RETURNING 1
  )
  SELECT coalesce(sum(n), 0)::int INTO folded FROM summed;
  RETURN folded;
END
$$;
