/**
 * Where quantile `q` (0..1) of a histogram of numbered buckets ("3": 12, …) falls: the bucket, and how far into
 * that bucket's count the quantile lies (0..1). Rollups keep latency and response times this way.
 */
export function locateQuantile(
  buckets: Record<string, number>,
  q: number,
): { bucket: number; fraction: number } | null {
  const entries = Object.entries(buckets)
    .map(([k, n]) => [Number(k), n] as const)
    .filter(([, n]) => n > 0)
    .sort((a, b) => a[0] - b[0]);
  const total = entries.reduce((s, [, n]) => s + n, 0);
  if (total === 0) return null;
  const target = q * total;
  let seen = 0;
  for (const [bucket, n] of entries) {
    if (seen + n >= target) return { bucket, fraction: (target - seen) / n };
    seen += n;
  }
  return { bucket: entries.at(-1)![0], fraction: 1 };
}
