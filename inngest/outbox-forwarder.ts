import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { rowsOf } from "@/db/rows";

type Sender = (events: { id: string; name: string; data: Record<string, unknown>; ts: number }[]) => Promise<unknown>;

/**
 * Production drainer of the outbox: sends pending rows to Inngest with the row id as event id (Inngest drops
 * a duplicate id, so a crash between send and mark only re-sends), then marks them dispatched. A failed
 * send leaves the rows pending with the error recorded, to be retried on the next pass.
 */
export async function forwardOutbox(db: Db, send: Sender, batchSize = 100): Promise<{ sent: number; failed: number }> {
  return db.transaction(async (tx) => {
    const rows = rowsOf<{ id: string; name: string; data: Record<string, unknown>; ts: string | number }>(
      await tx.execute(
        sql`select id, name, data, ts from outbox where dispatched_at is null order by id limit ${batchSize} for update skip locked`,
      ),
    );
    if (rows.length === 0) return { sent: 0, failed: 0 };
    const ids = rows.map((r) => r.id);
    try {
      await send(rows.map((r) => ({ id: r.id, name: r.name, data: r.data, ts: Number(r.ts) })));
    } catch (error) {
      await tx.execute(
        sql`update outbox set attempts = attempts + 1, last_error = ${(error as Error).message.slice(0, 500)} where id in ${ids}`,
      );
      return { sent: 0, failed: rows.length };
    }
    await tx.execute(
      sql`update outbox set dispatched_at = now(), attempts = attempts + 1, last_error = null where id in ${ids}`,
    );
    return { sent: rows.length, failed: 0 };
  });
}
