import { sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";

/** Reactions are stored as messages (attached to their target) but are not messages anyone sent. */
export function countsAsVolume(type: string): boolean {
  return type !== "reaction";
}

/**
 * Moves the day's received/sent counters of a connection by `delta` (+1 when stored, −1 when deleted), on the
 * message's local day in the tenant's timezone, in the caller's transaction. Volume lives in the day's '' row.
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
  const inDelta = fromMe ? 0 : delta;
  const outDelta = fromMe ? delta : 0;
  const local = sql`(${sentAt.toISOString()}::timestamptz at time zone ${timezone})`;
  const hours = fromMe ? sql`'{}'::jsonb` : sql`jsonb_build_object(extract(hour from ${local})::int::text, ${inDelta}::int)`;
  await tx.execute(sql`
    insert into daily_rollups as r (tenant_id, connection_id, day, emotion, messages_in, messages_out, hours, updated_at)
    values (${tenantId}, ${connectionId}, to_char(${local}, 'YYYY-MM-DD'), '', ${inDelta}, ${outDelta}, ${hours}, now())
    on conflict (tenant_id, connection_id, day, emotion) do update set
      messages_in = r.messages_in + excluded.messages_in,
      messages_out = r.messages_out + excluded.messages_out,
      hours = jsonb_counts_add(r.hours, excluded.hours),
      updated_at = now()`);
}
