import { EventEmitter } from "node:events";
import { sql } from "drizzle-orm";
import type { Database, DbOrTx } from "@/db/client";

export type TenantEvent =
  | { type: "message.received"; messageId: string; chatId: string }
  | { type: "message.analyzed"; messageId: string; chatId: string };

export const NOTIFY_CHANNEL = "evosense_tenant_events";

type Envelope = { tenantId: string; event: TenantEvent };

// One emitter per process: route handlers and the embedded runner may be bundled separately but share globalThis.
const holder = globalThis as unknown as { __evosenseBus?: EventEmitter };
function emitter(): EventEmitter {
  holder.__evosenseBus ??= new EventEmitter().setMaxListeners(0);
  return holder.__evosenseBus;
}

/**
 * On a PostgreSQL server the event goes through NOTIFY so every app instance hears it; PGlite's NOTIFY does not
 * cross connections, and embedded mode is one process, so there it stays in-process.
 */
export async function publishTenantEvent(database: Database, tenantId: string, event: TenantEvent): Promise<void> {
  const envelope: Envelope = { tenantId, event };
  if (database.kind === "postgres") {
    await database.db.execute(sql`select pg_notify(${NOTIFY_CHANNEL}, ${JSON.stringify(envelope)})`);
    return;
  }
  emitter().emit("event", envelope);
}

/** NOTIFY as part of the caller's transaction (PostgreSQL only): listeners hear it only if the work commits. */
export async function notifyInTransaction(tx: DbOrTx, tenantId: string, event: TenantEvent): Promise<void> {
  const envelope: Envelope = { tenantId, event };
  await tx.execute(sql`select pg_notify(${NOTIFY_CHANNEL}, ${JSON.stringify(envelope)})`);
}

/** Delivers an envelope heard from NOTIFY to this process's subscribers. */
export function deliverLocally(payload: string): void {
  try {
    const envelope = JSON.parse(payload) as Envelope;
    if (envelope && typeof envelope.tenantId === "string") emitter().emit("event", envelope);
  } catch {
    // A malformed notification is not ours to act on.
  }
}

/** Subscribes to one tenant's events; returns the unsubscribe function. */
export function subscribeTenant(tenantId: string, listener: (event: TenantEvent) => void): () => void {
  const handler = (e: Envelope) => {
    if (e.tenantId === tenantId) listener(e.event);
  };
  emitter().on("event", handler);
  return () => emitter().off("event", handler);
}
