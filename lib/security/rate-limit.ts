import { sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { rowsOf } from "@/db/rows";

export type RateLimitResult = { allowed: boolean; count: number; retryAfterSeconds: number };

/**
 * Counts a hit in a fixed window shared by every app instance (one upsert). The window restarts when the
 * previous one has expired, so a blocked key is released after at most `windowSeconds`.
 */
export async function hitRateLimit(
  db: DbOrTx,
  key: string,
  limit: number,
  windowSeconds: number,
): Promise<RateLimitResult> {
  const result = await db.execute<{ count: number; window_start: string | Date }>(sql`
    insert into rate_limits (key, window_start, count) values (${key}, now(), 1)
    on conflict (key) do update set
      count = case when rate_limits.window_start < now() - make_interval(secs => ${windowSeconds}) then 1 else rate_limits.count + 1 end,
      window_start = case when rate_limits.window_start < now() - make_interval(secs => ${windowSeconds}) then now() else rate_limits.window_start end
    returning count, window_start`);
  const row = rowsOf<{ count: number; window_start: string | Date }>(result)[0]!;
  const started = new Date(row.window_start).getTime();
  const retryAfterSeconds = Math.max(1, Math.ceil((started + windowSeconds * 1000 - Date.now()) / 1000));
  return { allowed: row.count <= limit, count: row.count, retryAfterSeconds };
}

export async function clearRateLimit(db: DbOrTx, key: string): Promise<void> {
  await db.execute(sql`delete from rate_limits where key = ${key}`);
}

/** Gives back a hit counted before the outcome was known (a login that turned out to be right). */
export async function refundRateLimit(db: DbOrTx, key: string): Promise<void> {
  await db.execute(sql`update rate_limits set count = greatest(count - 1, 0) where key = ${key}`);
}

export type LockoutPolicy = {
  /** Attempts admitted before the first lock. */
  freeAttempts: number;
  /** The first lock; every attempt admitted after a lock doubles the next one. */
  baseLockSeconds: number;
  maxLockSeconds: number;
  /** Quiet time after the last lock ends (or the last attempt) before the key's history is forgotten. */
  memorySeconds: number;
};

export type LockoutResult = { admitted: true; attempt: number } | { admitted: false; retryAfterSeconds: number };

// For lockout keys a row's `count` is the attempts admitted since the key was last forgotten or cleared and its
// `window_start` the moment of the latest one; the lock runs from there. One formula, in SQL, serves both the
// admission and the wait reported, so they cannot disagree.
function lockEnd(policy: LockoutPolicy) {
  const seconds = sql`case when rate_limits.count < ${policy.freeAttempts} then 0
    else least(${policy.maxLockSeconds}::float8, ${policy.baseLockSeconds}::float8 * power(2, least(rate_limits.count - ${policy.freeAttempts}, 30))) end`;
  return sql`(rate_limits.window_start + make_interval(secs => ${seconds}))`;
}

/**
 * Admits one attempt unless the key is locked, counting it in the same statement: concurrent attempts cannot all
 * pass a check made before any of them is counted. A refused attempt is not counted, so waiting out a lock always
 * earns the next attempt. The caller clears the key when the attempt succeeds.
 */
export async function admitAttempt(db: DbOrTx, key: string, policy: LockoutPolicy): Promise<LockoutResult> {
  const end = lockEnd(policy);
  const admitted = rowsOf<{ count: number }>(
    await db.execute<{ count: number }>(sql`
      insert into rate_limits (key, window_start, count) values (${key}, now(), 1)
      on conflict (key) do update set
        count = case when ${end} + make_interval(secs => ${policy.memorySeconds}) <= now() then 1 else rate_limits.count + 1 end,
        window_start = now()
      where ${end} <= now()
      returning count`),
  )[0];
  if (admitted) return { admitted: true, attempt: Number(admitted.count) };
  const locked = rowsOf<{ seconds: number | string | null }>(
    await db.execute<{ seconds: number | string | null }>(sql`
      select ceil(extract(epoch from ${end} - now())) as seconds from rate_limits where key = ${key}`),
  )[0];
  // The lock can end between the two statements; the client then simply tries again.
  return { admitted: false, retryAfterSeconds: Math.max(1, Number(locked?.seconds ?? 1)) };
}
