import { and, eq, inArray, or, sql } from "drizzle-orm";
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

/** `jids` are hashed addresses (lib/security/phone hashJid), as chats store them. */
export async function findChatByJids(tx: DbOrTx, tenantId: string, connectionId: string, jids: string[]) {
  const [row] = await tx
    .select()
    .from(chats)
    .where(and(eq(chats.tenantId, tenantId), eq(chats.connectionId, connectionId), or(inArray(chats.remoteJid, jids), inArray(chats.altJid, jids))))
    .limit(1);
  return row ?? null;
}

export async function insertChat(tx: DbOrTx, values: typeof chats.$inferInsert) {
  // A concurrent delivery may have created the chat a moment ago: then read it back.
  const [row] = await tx.insert(chats).values(values).onConflictDoNothing().returning();
  if (row) return row;
  const [existing] = await tx
    .select()
    .from(chats)
    .where(and(eq(chats.connectionId, values.connectionId), eq(chats.remoteJid, values.remoteJid)));
  return existing!;
}

export async function recordChatMessage(tx: DbOrTx, tenantId: string, chatId: string, sentAt: Date, patch: { contactName?: string | null; altJid?: string | null }) {
  await tx
    .update(chats)
    .set({
      lastMessageAt: sql`greatest(${chats.lastMessageAt}, ${sentAt.toISOString()}::timestamptz)`,
      messageCount: sql`${chats.messageCount} + 1`,
      ...(patch.contactName ? { contactName: sql`coalesce(${chats.contactName}, ${patch.contactName})` } : {}),
      ...(patch.altJid ? { altJid: sql`coalesce(${chats.altJid}, ${patch.altJid})` } : {}),
    })
    .where(and(eq(chats.tenantId, tenantId), eq(chats.id, chatId)));
}

/** Returns the new row, or null when (connection, external id) was already stored: the duplicate case. */
export async function insertMessageOnce(tx: DbOrTx, values: typeof messages.$inferInsert) {
  const [row] = await tx.insert(messages).values(values).onConflictDoNothing({ target: [messages.connectionId, messages.externalId] }).returning();
  return row ?? null;
}

export async function findMessageByExternalId(tx: DbOrTx, tenantId: string, connectionId: string, externalId: string) {
  const [row] = await tx
    .select()
    .from(messages)
    .where(and(eq(messages.tenantId, tenantId), eq(messages.connectionId, connectionId), eq(messages.externalId, externalId)))
    .limit(1);
  return row ?? null;
}

export async function updateMessage(tx: DbOrTx, tenantId: string, id: string, values: Partial<typeof messages.$inferInsert>) {
  await tx.update(messages).set(values).where(and(eq(messages.tenantId, tenantId), eq(messages.id, id)));
}

export async function updateConnectionState(tx: DbOrTx, tenantId: string, connectionId: string, values: Partial<typeof connections.$inferInsert>) {
  await tx
    .update(connections)
    .set({ ...values, updatedAt: new Date() })
    .where(and(eq(connections.tenantId, tenantId), eq(connections.id, connectionId)));
}

export async function setContactName(tx: DbOrTx, tenantId: string, connectionId: string, jid: string, name: string) {
  await tx
    .update(chats)
    .set({ contactName: name })
    .where(and(eq(chats.tenantId, tenantId), eq(chats.connectionId, connectionId), or(eq(chats.remoteJid, jid), eq(chats.altJid, jid))));
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
  return db.select().from(unclaimedInstances).orderBy(sql`${unclaimedInstances.lastSeenAt} desc`).limit(limit);
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
