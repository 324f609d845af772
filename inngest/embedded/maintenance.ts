import { sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { rowsOf } from "@/db/rows";

/** Dispatched outbox rows and finished runs are history; keep a week and a month of them. */
export async function pruneJobHistory(db: DbOrTx, now = new Date()) {
  const outbox = await db.execute(sql`
    delete from outbox where dispatched_at is not null and dispatched_at < ${new Date(now.getTime() - 7 * 86_400_000).toISOString()}::timestamptz
    returning id`);
  const runs = await db.execute(sql`
    delete from job_runs where status in ('completed', 'failed') and updated_at < ${new Date(now.getTime() - 30 * 86_400_000).toISOString()}::timestamptz
    returning run_id`);
  return { outbox: rowsOf(outbox).length, runs: rowsOf(runs).length };
}
