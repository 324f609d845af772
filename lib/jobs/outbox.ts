import { randomBytes } from "node:crypto";
import { monotonicFactory } from "ulid";
import type { DbOrTx } from "@/db/client";
import { outbox } from "@/db/schema";

// ulid's own source of randomness calls crypto.getRandomValues once per character, 16 times an id: 4 % of the
// server's time under bench:ingest. One read of the system's generator serves 256 ids here.
const POOL_BYTES = 4096;
let pool = randomBytes(POOL_BYTES);
let used = 0;
function pooledRandom(): number {
  if (used === POOL_BYTES) {
    pool = randomBytes(POOL_BYTES);
    used = 0;
  }
  return pool[used++]! / 256;
}

// Monotonic: events queued in one millisecond keep their order, which the drainers follow.
const ulid = monotonicFactory(pooledRandom);

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
  const rows = events.map((e) => ({
    id: ulid(now),
    name: e.name,
    data: e.data,
    ts: now,
    tenantId: e.tenantId ?? null,
  }));
  await tx.insert(outbox).values(rows);
  return rows.map((r) => r.id);
}
