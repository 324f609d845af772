import { monotonicFactory } from "ulid";

// Monotonic: events queued in one millisecond keep their order, which the drainers follow.
const ulid = monotonicFactory();
import type { DbOrTx } from "@/db/client";
import { outbox } from "@/db/schema";

/** An outbox id for a row written by SQL (lib/ingest's ingest_message), ordered like the others. */
export function newOutboxId(now = Date.now()): string {
  return ulid(now);
}

export type OutboxEvent = { name: string; data: Record<string, unknown>; tenantId?: string | null };

/**
 * Queues an event in the caller's transaction, so it exists if and only if the data it describes was
 * committed. The ULID becomes the Inngest event id: a re-sent row is dropped as a duplicate.
 */
export async function enqueue(tx: DbOrTx, event: OutboxEvent): Promise<string> {
  const [id] = await enqueueMany(tx, [event]);
  return id!;
}

export async function enqueueMany(tx: DbOrTx, events: OutboxEvent[]): Promise<string[]> {
  if (events.length === 0) return [];
  const now = Date.now();
  const rows = events.map((e) => ({ id: ulid(now), name: e.name, data: e.data, ts: now, tenantId: e.tenantId ?? null }));
  await tx.insert(outbox).values(rows);
  return rows.map((r) => r.id);
}
