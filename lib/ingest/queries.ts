import { and, eq, or, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { rowsOf } from "@/db/rows";
import { chats, connections, messages, tenants, unclaimedInstances } from "@/db/schema";

/** Webhooks name only the instance, so this lookup runs as the owner role, before any tenant is known. */
export async function findWebhookTarget(db: DbOrTx, instanceName: string) {
  const [row] = await db
    .select({
      connectionId: connections.id,
      tenantId: connections.tenantId,
      instanceTokenEnc: connections.instanceTokenEnc,
      webhookSecretEnc: connections.webhookSecretEnc,
      tenantStatus: tenants.status,
      tenantSettings: tenants.settings,
      timezone: tenants.timezone,
    })
    .from(connections)
    .innerJoin(tenants, eq(tenants.id, connections.tenantId))
    .where(eq(connections.instanceName, instanceName))
    .limit(1);
  return row ?? null;
}

export async function findMessageByExternalId(tx: DbOrTx, tenantId: string, connectionId: string, externalId: string) {
  const [row] = await tx
    .select()
    .from(messages)
    .where(
      and(
        eq(messages.tenantId, tenantId),
        eq(messages.connectionId, connectionId),
        eq(messages.externalId, externalId),
      ),
    )
    .limit(1);
  return row ?? null;
}

export async function updateMessage(
  tx: DbOrTx,
  tenantId: string,
  id: string,
  values: Partial<typeof messages.$inferInsert>,
) {
  await tx
    .update(messages)
    .set(values)
    .where(and(eq(messages.tenantId, tenantId), eq(messages.id, id)));
}

export async function updateConnectionState(
  tx: DbOrTx,
  tenantId: string,
  connectionId: string,
  values: Partial<typeof connections.$inferInsert>,
) {
  await tx
    .update(connections)
    .set({ ...values, updatedAt: new Date() })
    .where(and(eq(connections.tenantId, tenantId), eq(connections.id, connectionId)));
}

export async function setContactName(tx: DbOrTx, tenantId: string, connectionId: string, jid: string, name: string) {
  await tx
    .update(chats)
    .set({ contactName: name })
    .where(
      and(
        eq(chats.tenantId, tenantId),
        eq(chats.connectionId, connectionId),
        or(eq(chats.remoteJid, jid), eq(chats.altJid, jid)),
      ),
    );
}

/** Owner role: an unknown instance belongs to no tenant. */
export async function recordUnclaimedInstance(db: DbOrTx, instanceName: string, event: string) {
  await db
    .insert(unclaimedInstances)
    .values({ instanceName: instanceName.slice(0, 200), lastEvent: event.slice(0, 100) })
    .onConflictDoUpdate({
      target: unclaimedInstances.instanceName,
      set: { hits: sql`${unclaimedInstances.hits} + 1`, lastEvent: event.slice(0, 100), lastSeenAt: new Date() },
    });
}

export async function listUnclaimedInstances(db: DbOrTx, limit = 20) {
  return db
    .select()
    .from(unclaimedInstances)
    .orderBy(sql`${unclaimedInstances.lastSeenAt} desc`)
    .limit(limit);
}

/**
 * Owner role, across tenants: active tenants that still hold `deferred` messages older than `olderThan` (stored
 * while a reactivation was committing, or under a status cached by another instance). Reads the partial index of
 * open analyses.
 */
export async function findActiveTenantsWithDeferred(db: DbOrTx, olderThan: Date): Promise<string[]> {
  const rows = await db.execute(sql`
    select distinct m.tenant_id as "tenantId"
    from messages m join tenants t on t.id = m.tenant_id
    where m.analysis_status = 'deferred' and m.created_at < ${olderThan.toISOString()}::timestamptz and t.status = 'active'`);
  return rowsOf<{ tenantId: string }>(rows).map((r) => r.tenantId);
}
