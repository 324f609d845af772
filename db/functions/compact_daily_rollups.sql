-- Folds the shards of every day before p_before (a 'YYYY-MM-DD' local day) into shard 0; returns the rows folded.
-- Past days no longer take concurrent writes, so one row per key is all they need. Every measure column of
-- daily_rollups is summed here (lib/scores/rollups.ts lists them; db/functions.test.ts holds the two together).
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
