/**
 * One platform-wide rule for calling a score positive or negative, so every KPI, filter and chart agrees with
 * the others whatever model produced the score.
 */
export const POLARITY_THRESHOLD = 0.1;

export type Polarity = "positive" | "neutral" | "negative";

export function polarityOf(sentiment: number): Polarity {
  if (sentiment >= POLARITY_THRESHOLD) return "positive";
  if (sentiment <= -POLARITY_THRESHOLD) return "negative";
  return "neutral";
}

/** Satisfaction histogram bucket "0".."9" (100 falls in "9"). */
export function satisfactionBucket(satisfaction: number): string {
  return String(Math.min(9, Math.max(0, Math.floor(satisfaction / 10))));
}

/** Half-octave buckets of milliseconds: bucket k holds latencies up to 2^(k/2) ms. */
export function latencyBucket(ms: number): string {
  return String(Math.max(0, Math.ceil(2 * Math.log2(Math.max(1, ms)))));
}

export function latencyBucketUpperMs(bucket: number): number {
  return 2 ** (bucket / 2);
}
