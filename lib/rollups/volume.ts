import { sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";

/** Reactions are stored as messages (attached to their target) but are not messages anyone sent. */
export function countsAsVolume(type: string): boolean {
  return type !== "reaction";
}

/**
 * Moves the day's received/sent counters of a connection by `delta` (−1 when a message is deleted), on the
 * message's local day in the tenant's timezone, in the caller's transaction. db/functions/apply_volume_delta.sql is
 * the one definition; ingest_message adds +1 with it.
 */
export async function applyVolumeDelta(
  tx: DbOrTx,
  tenantId: string,
  connectionId: string,
  sentAt: Date,
  timezone: string,
  fromMe: boolean,
  delta: 1 | -1,
) {
  await tx.execute(
    sql`select apply_volume_delta(${tenantId}::uuid, ${connectionId}::uuid, ${sentAt.toISOString()}::timestamptz, ${timezone}, ${fromMe}, ${delta}::int)`,
  );
}
