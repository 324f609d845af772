/**
 * The columns of daily_rollups. SQL writes them in several places (ingest, analysis, compaction, rebuild);
 * db/functions.test.ts holds the table and the SQL functions that list every measure to these lists.
 */

/** A row is one tenant, connection, local day, emotion ('' for what every message counts) and write shard. */
export const ROLLUP_KEY = ["tenant_id", "connection_id", "day", "emotion", "shard"] as const;

/** What a message's scores add to its emotion's row, by field of the delta that carries them: numbers, summed. */
export const ROLLUP_SCORE_COUNTERS = {
  analyzed: "analyzed",
  positive: "positive",
  neutral: "neutral",
  negative: "negative",
  sentimentSum: "sentiment_sum",
  satisfactionSum: "satisfaction_sum",
  satisfactionCount: "satisfaction_count",
} as const;

/** What they add as count maps, merged key by key (SQL jsonb_counts_add); the row's `hours` counts them too. */
export const ROLLUP_SCORE_HISTOGRAMS = {
  emotions: "emotions",
  tones: "tones",
  satisfactionBuckets: "satisfaction_buckets",
  latencyBuckets: "latency_buckets",
} as const;

/** Every numeric measure of a row: volume (ingest and deletion), then scores. */
export const ROLLUP_COUNTERS = ["messages_in", "messages_out", ...Object.values(ROLLUP_SCORE_COUNTERS)] as const;

/** Every count-map measure of a row: the scores' maps, customer messages by local hour, and reply times. */
export const ROLLUP_HISTOGRAMS = [...Object.values(ROLLUP_SCORE_HISTOGRAMS), "hours", "response_buckets"] as const;
