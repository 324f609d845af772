import { sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";

/**
 * After a message of a chat was stored or deleted at `at`: recomputes the response times it can have changed and
 * moves the day rollups by the difference (SQL refresh_response_times, migration 0010), in the caller's
 * transaction. A message stored in order touches one reply at most; one arriving late, a few.
 */
export async function refreshResponseTimes(tx: DbOrTx, chatId: string, at: Date, timezone: string) {
  await tx.execute(sql`select refresh_response_times(${chatId}, ${at.toISOString()}::timestamptz, ${timezone})`);
}

/** Lower and upper bounds in seconds of a response_bucket (quarter octaves of seconds + 1). */
export function responseBucketBounds(bucket: number): [number, number] {
  return [2 ** (bucket / 4) - 1, 2 ** ((bucket + 1) / 4) - 1];
}

/**
 * The median of a response-time histogram, interpolated inside the bucket that holds it: within ±9 % of the
 * exact median, from rollups alone.
 */
export function medianFromBuckets(buckets: Record<string, number>): number | null {
  const entries = Object.entries(buckets)
    .map(([k, n]) => [Number(k), n] as const)
    .filter(([, n]) => n > 0)
    .sort((a, b) => a[0] - b[0]);
  const total = entries.reduce((s, [, n]) => s + n, 0);
  if (total === 0) return null;
  const half = total / 2;
  let seen = 0;
  for (const [bucket, n] of entries) {
    if (seen + n >= half) {
      const [lo, hi] = responseBucketBounds(bucket);
      return lo + ((half - seen) / n) * (hi - lo);
    }
    seen += n;
  }
  return null;
}
