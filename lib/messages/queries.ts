import { and, count, desc, eq, inArray, sql, type SQL } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { chats, connections, inferences, messages, promptVersions } from "@/db/schema";

export type MessageFilters = {
  chatId?: string;
  q?: string;
  page: number;
  pageSize: number;
  include?: { embedding?: boolean; inferences?: boolean };
};

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
  confidence: messages.confidence,
  rationale: messages.rationale,
  language: messages.language,
  analysisError: messages.analysisError,
  analyzedAt: messages.analyzedAt,
  embeddingModel: messages.embeddingModel,
  // The inference behind the scores: which model and prompt version said so, at what cost.
  inference: {
    id: inferences.id,
    provider: inferences.provider,
    model: inferences.model,
    promptVersion: promptVersions.key,
    latencyMs: inferences.latencyMs,
    inputTokens: inferences.inputTokens,
    outputTokens: inferences.outputTokens,
    costUsd: inferences.costUsd,
  },
};

const inferenceColumns = {
  id: inferences.id,
  messageId: inferences.messageId,
  provider: inferences.provider,
  model: inferences.model,
  promptVersion: promptVersions.key,
  templateHash: inferences.templateHash,
  runKey: inferences.runKey,
  isShadow: inferences.isShadow,
  experimentId: inferences.experimentId,
  latencyMs: inferences.latencyMs,
  inputTokens: inferences.inputTokens,
  outputTokens: inferences.outputTokens,
  costUsd: inferences.costUsd,
  sentiment: inferences.sentiment,
  emotion: inferences.emotion,
  satisfaction: inferences.satisfaction,
  tone: inferences.tone,
  summary: inferences.summary,
  confidence: inferences.confidence,
  rationale: inferences.rationale,
  repaired: inferences.repaired,
  createdAt: inferences.createdAt,
};

export async function listMessages(tx: DbOrTx, tenantId: string, f: MessageFilters) {
  const where: SQL[] = [eq(messages.tenantId, tenantId)];
  if (f.chatId) where.push(eq(messages.chatId, f.chatId));
  // Portuguese full-text: stems ("entregas" finds "entrega") and ignores accents' absence only as Postgres does.
  if (f.q) where.push(sql`${messages.search} @@ websearch_to_tsquery('portuguese', ${f.q})`);
  const condition = and(...where);
  const columns = f.include?.embedding ? { ...messageColumns, embedding: messages.embedding } : messageColumns;
  const [rows, [total]] = await Promise.all([
    tx
      .select(columns)
      .from(messages)
      .leftJoin(inferences, and(eq(inferences.id, messages.inferenceId), eq(inferences.tenantId, tenantId)))
      .leftJoin(promptVersions, eq(promptVersions.id, inferences.promptVersionId))
      .where(condition)
      .orderBy(desc(messages.sentAt), desc(messages.id))
      .limit(f.pageSize)
      .offset((f.page - 1) * f.pageSize),
    tx.select({ n: count() }).from(messages).where(condition),
  ]);
  const data = rows.map((r) => ({ ...r, inference: r.inference?.id ? r.inference : null }));
  if (!f.include?.inferences) return { data, page: f.page, pageSize: f.pageSize, total: total!.n };
  const all = await listInferences(
    tx,
    tenantId,
    data.map((r) => r.id),
  );
  return {
    data: data.map((r) => ({ ...r, inferences: all.filter((i) => i.messageId === r.id) })),
    page: f.page,
    pageSize: f.pageSize,
    total: total!.n,
  };
}

/** The API shape of specific messages, with their inferences. */
export async function listMessagesByIds(tx: DbOrTx, tenantId: string, ids: string[]) {
  if (ids.length === 0) return [];
  const rows = await tx
    .select(messageColumns)
    .from(messages)
    .leftJoin(inferences, and(eq(inferences.id, messages.inferenceId), eq(inferences.tenantId, tenantId)))
    .leftJoin(promptVersions, eq(promptVersions.id, inferences.promptVersionId))
    .where(and(eq(messages.tenantId, tenantId), inArray(messages.id, ids)));
  const all = await listInferences(tx, tenantId, ids);
  return rows.map((r) => ({
    ...r,
    inference: r.inference?.id ? r.inference : null,
    inferences: all.filter((i) => i.messageId === r.id),
  }));
}

/** Every inference of the given messages (champion, shadow, replays), oldest first. */
export async function listInferences(tx: DbOrTx, tenantId: string, messageIds: string[]) {
  if (messageIds.length === 0) return [];
  return tx
    .select(inferenceColumns)
    .from(inferences)
    .innerJoin(promptVersions, eq(promptVersions.id, inferences.promptVersionId))
    .where(and(eq(inferences.tenantId, tenantId), inArray(inferences.messageId, messageIds)))
    .orderBy(inferences.createdAt);
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
