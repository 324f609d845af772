import { sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { locateQuantile } from "./histogram";

/**
 * After a message of a chat was stored or deleted at `at`: recomputes the response times it can have changed and
 * moves the day rollups by the difference (db/functions/refresh_response_times.sql), in the caller's
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
  const at = locateQuantile(buckets, 0.5);
  if (!at) return null;
  const [lo, hi] = responseBucketBounds(at.bucket);
  return lo + at.fraction * (hi - lo);
}
