import type { DbOrTx } from "@/db/client";
import * as q from "./queries";

/**
 * Every webhook names its instance; looking the connection up is one round trip to the database, as costly as
 * storing the message. Known instances are kept a few seconds per process. This process's own writes to
 * connections and tenants forget them at once (forgetWebhookTargets); another instance's writes are seen within
 * TTL_MS: a secret rotated elsewhere is still accepted that long, and a message stored as `deferred` after a
 * reactivation elsewhere is picked up by the analysis sweep.
 */
const TTL_MS = 5_000;
const MAX_ENTRIES = 10_000;

export type WebhookTarget = NonNullable<Awaited<ReturnType<typeof q.findWebhookTarget>>>;
type Entry = { target: WebhookTarget; until: number; generation: number };

// Per database handle: tests and tools open several databases in one process, with the same instance names.
const caches = new WeakMap<object, Map<string, Entry>>();
const holder = globalThis as unknown as { __evosenseTargetGeneration?: number };

export async function cachedWebhookTarget(
  db: DbOrTx,
  instanceName: string,
  now = Date.now(),
): Promise<WebhookTarget | null> {
  let cache = caches.get(db);
  if (!cache) caches.set(db, (cache = new Map()));
  const generation = holder.__evosenseTargetGeneration ?? 0;
  const hit = cache.get(instanceName);
  if (hit && hit.until > now && hit.generation === generation) return hit.target;
  const target = await q.findWebhookTarget(db, instanceName);
  // Unknown instances are not kept: one configured a moment later must be found at once.
  if (!target) {
    cache.delete(instanceName);
    return null;
  }
  if (cache.size >= MAX_ENTRIES) cache.clear();
  cache.set(instanceName, { target, until: now + TTL_MS, generation });
  return target;
}

/** After a committed change to a connection or a tenant (status, settings, timezone) in this process. */
export function forgetWebhookTargets(): void {
  holder.__evosenseTargetGeneration = (holder.__evosenseTargetGeneration ?? 0) + 1;
}
