import { sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { rowsOf } from "@/db/rows";
import { addDays, localDay } from "@/lib/metrics/period";

/**
 * Folds the write shards of past days' rollup rows into one row per key (SQL compact_daily_rollups). Days are
 * tenants' local days, so "past" starts two UTC days back: no timezone is that far ahead. Runs as the owner,
 * across tenants; `before` (a 'YYYY-MM-DD' day, exclusive) overrides the cut-off.
 */
export async function compactDailyRollups(
  db: DbOrTx,
  options: { now?: Date; before?: string } = {},
): Promise<{ folded: number }> {
  const before = options.before ?? addDays(localDay(options.now ?? new Date(), "UTC"), -2);
  const [row] = rowsOf<{ folded: number }>(await db.execute(sql`select compact_daily_rollups(${before}) as folded`));
  return { folded: Number(row?.folded ?? 0) };
}
