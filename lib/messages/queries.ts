import { and, count, desc, eq, sql, type SQL } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { chats, connections, messages } from "@/db/schema";

export type MessageFilters = { chatId?: string; q?: string; page: number; pageSize: number };

/** Public fields of a message: scores and analysis state, never the embedding or internal hashes. */
const messageColumns = {
  id: messages.id,
  chatId: messages.chatId,
  connectionId: messages.connectionId,
  externalId: messages.externalId,
  fromMe: messages.fromMe,
  senderName: messages.senderName,
  type: messages.type,
  text: messages.text,
  sentAt: messages.sentAt,
  deliveryStatus: messages.deliveryStatus,
  editedAt: messages.editedAt,
  deletedAt: messages.deletedAt,
  analysisStatus: messages.analysisStatus,
  sentiment: messages.sentiment,
  emotion: messages.emotion,
  satisfaction: messages.satisfaction,
  tone: messages.tone,
  summary: messages.summary,
  analyzedAt: messages.analyzedAt,
};

export async function listMessages(tx: DbOrTx, tenantId: string, f: MessageFilters) {
  const where: SQL[] = [eq(messages.tenantId, tenantId)];
  if (f.chatId) where.push(eq(messages.chatId, f.chatId));
  // Portuguese full-text: stems ("entregas" finds "entrega") and ignores accents' absence only as Postgres does.
  if (f.q) where.push(sql`${messages.search} @@ websearch_to_tsquery('portuguese', ${f.q})`);
  const condition = and(...where);
  const [rows, [total]] = await Promise.all([
    tx.select(messageColumns).from(messages).where(condition).orderBy(desc(messages.sentAt), desc(messages.id)).limit(f.pageSize).offset((f.page - 1) * f.pageSize),
    tx.select({ n: count() }).from(messages).where(condition),
  ]);
  return { data: rows, page: f.page, pageSize: f.pageSize, total: total!.n };
}

export async function listChats(tx: DbOrTx, tenantId: string, page: number, pageSize: number) {
  const condition = eq(chats.tenantId, tenantId);
  const [rows, [total]] = await Promise.all([
    tx
      .select({
        id: chats.id,
        connectionId: chats.connectionId,
        isGroup: chats.isGroup,
        contactName: chats.contactName,
        phoneMasked: chats.phoneMasked,
        lastMessageAt: chats.lastMessageAt,
        messageCount: chats.messageCount,
      })
      .from(chats)
      .where(condition)
      .orderBy(sql`${chats.lastMessageAt} desc nulls last`, desc(chats.id))
      .limit(pageSize)
      .offset((page - 1) * pageSize),
    tx.select({ n: count() }).from(chats).where(condition),
  ]);
  return { data: rows, page, pageSize, total: total!.n };
}

export async function listConnectionsPublic(tx: DbOrTx, tenantId: string) {
  return tx
    .select({
      id: connections.id,
      name: connections.name,
      instanceName: connections.instanceName,
      evolutionBaseUrl: connections.evolutionBaseUrl,
      state: connections.state,
      stateReason: connections.stateReason,
      stateChangedAt: connections.stateChangedAt,
      createdAt: connections.createdAt,
    })
    .from(connections)
    .where(eq(connections.tenantId, tenantId))
    .orderBy(connections.createdAt);
}
