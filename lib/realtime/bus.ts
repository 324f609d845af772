import { EventEmitter } from "node:events";
import { sql } from "drizzle-orm";
import type { Logger } from "pino";
import type { Database } from "@/db/client";
import { logger } from "@/lib/log";

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

// NOTIFY payloads must stay under 8000 bytes; an event is ~150.
const MAX_PAYLOAD_BYTES = 7000;
// How long announcements gather before one NOTIFY carries them: live views refresh at most once a second anyway.
const BATCH_WINDOW_MS = 50;

type Pending = { json: string; bytes: number; done: (error?: Error) => void };

/**
 * One NOTIFY for every event gathered in a short window. A transaction that notifies holds PostgreSQL's global
 * notify lock through its commit's WAL flush, so a NOTIFY per stored message made every webhook wait for the one
 * before it (bench:ingest); batched, they are a few small transactions a second, apart from the stores.
 */
class NotifyBatcher {
  private queue: Pending[] = [];
  private timer: NodeJS.Timeout | null = null;
  private sending = Promise.resolve();

  constructor(private readonly send: (payload: string) => Promise<unknown>) {}

  add(envelope: Envelope): Promise<void> {
    return new Promise((resolve, reject) => {
      const json = JSON.stringify(envelope);
      this.queue.push({ json, bytes: Buffer.byteLength(json), done: (error) => (error ? reject(error) : resolve()) });
      this.timer ??= setTimeout(() => {
        this.timer = null;
        const batch = this.queue.splice(0);
        // One batch at a time, so events leave in the order they were announced.
        this.sending = this.sending.then(() => this.flush(batch));
      }, BATCH_WINDOW_MS);
    });
  }

  private async flush(batch: Pending[]): Promise<void> {
    while (batch.length > 0) {
      const chunk: Pending[] = [];
      let bytes = 2;
      while (batch.length > 0 && (chunk.length === 0 || bytes + batch[0]!.bytes + 1 <= MAX_PAYLOAD_BYTES)) {
        bytes += batch[0]!.bytes + 1;
        chunk.push(batch.shift()!);
      }
      try {
        await this.send(`[${chunk.map((p) => p.json).join(",")}]`);
        for (const p of chunk) p.done();
      } catch (error) {
        for (const p of chunk) p.done(error as Error);
      }
    }
  }
}

const batchers = new WeakMap<Database, NotifyBatcher>();

/**
 * Announces a tenant event once its work is committed. On a PostgreSQL server it goes through NOTIFY, batched, so
 * every app instance hears it; PGlite's NOTIFY does not cross connections, and embedded mode is one process, so
 * there it stays in-process. Resolves when the event has left.
 */
export function publishTenantEvent(database: Database, tenantId: string, event: TenantEvent): Promise<void> {
  const envelope: Envelope = { tenantId, event };
  if (database.kind === "postgres") {
    let batcher = batchers.get(database);
    if (!batcher) {
      batcher = new NotifyBatcher((payload) =>
        database.db.execute(sql`select pg_notify(${NOTIFY_CHANNEL}, ${payload})`),
      );
      batchers.set(database, batcher);
    }
    return batcher.add(envelope);
  }
  emitter().emit("event", envelope);
  return Promise.resolve();
}

/**
 * Announces without waiting for the batch to leave: live views are a convenience, so neither a webhook's answer nor
 * an analysis waits on them, and a failed NOTIFY is logged, never thrown at work that is already committed.
 */
export function announceTenantEvent(
  database: Database,
  tenantId: string,
  event: TenantEvent,
  log: Pick<Logger, "warn"> = logger(),
): void {
  publishTenantEvent(database, tenantId, event).catch((err: Error) =>
    log.warn({ tenantId, err }, "realtime publish failed"),
  );
}

const isEnvelope = (e: unknown): e is Envelope =>
  typeof e === "object" && e !== null && typeof (e as Envelope).tenantId === "string";

/** Delivers a NOTIFY payload (a batch of envelopes, or one from an older instance) to this process's subscribers. */
export function deliverLocally(payload: string): void {
  let parsed: unknown;
  try {
    parsed = JSON.parse(payload);
  } catch {
    return; // A malformed notification is not ours to act on.
  }
  for (const envelope of Array.isArray(parsed) ? parsed : [parsed])
    if (isEnvelope(envelope)) emitter().emit("event", envelope);
}

/** Subscribes to one tenant's events; returns the unsubscribe function. */
export function subscribeTenant(tenantId: string, listener: (event: TenantEvent) => void): () => void {
  const handler = (e: Envelope) => {
    if (e.tenantId === tenantId) listener(e.event);
  };
  emitter().on("event", handler);
  return () => emitter().off("event", handler);
}
