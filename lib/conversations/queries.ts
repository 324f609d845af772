import { and, asc, desc, eq, sql, type SQL } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { chats, connections, messages } from "@/db/schema";
import { POLARITY_THRESHOLD } from "@/lib/analysis/polarity";
import { localDay } from "@/lib/metrics/period";
import { dayNumbers, emotionDayCode } from "@/lib/rollups/chat-days";
import type { ConversationQuery } from "./schemas";

export const PAGE_SIZE = 25;
const MAX_PERIOD_DAYS = 1_000;

const avgSentiment = sql<
  number | null
>`case when ${chats.analyzedCount} > 0 then ${chats.sentimentSum} / ${chats.analyzedCount} end`;
const avgSatisfaction = sql<
  number | null
>`case when ${chats.analyzedCount} > 0 then ${chats.satisfactionSum}::real / ${chats.analyzedCount} end`;

function conditions(tenantId: string, q: ConversationQuery, timezone: string): SQL[] {
  const where: SQL[] = [eq(chats.tenantId, tenantId)];
  // Per-message conditions stay on the chat's own messages (indexed by chat and time) that are not deleted.
  const hasMessage = (...conds: SQL[]) =>
    sql`exists (select 1 from ${messages} m where m.chat_id = ${chats.id} and m.tenant_id = ${tenantId} and m.deleted_at is null ${sql.join(conds, sql` `)})`;
  const inPeriod = [
    ...(q.from ? [sql`and m.sent_at >= (${q.from}::date)::timestamp at time zone ${timezone}`] : []),
    ...(q.to ? [sql`and m.sent_at < (${q.to}::date + 1)::timestamp at time zone ${timezone}`] : []),
  ];
  // A conversation is in the period if the customer or the business wrote in it then (local days of the tenant):
  // its active days overlap the period's, read from the chat row rather than its messages. Periods of years (API
  // callers) read the messages instead, rather than compare thousands of days.
  const span = q.from || q.to ? dayNumbers(q.from ?? "2000-01-01", q.to ?? localDay(new Date(), timezone)) : null;
  const days = span && span.length <= MAX_PERIOD_DAYS ? span : null;
  if (span && !days) where.push(hasMessage(...inPeriod, ...(q.emotion ? [sql`and m.emotion = ${q.emotion}`] : [])));
  // With an emotion, its emotion-days imply the activity: one overlap test, not two.
  if (days && !q.emotion) where.push(sql`${chats.activeDays} && ${`{${days.join(",")}}`}::integer[]`);
  if (q.connection) where.push(eq(chats.connectionId, q.connection));
  if (q.sentimentMin !== undefined) where.push(sql`${avgSentiment} >= ${q.sentimentMin}`);
  if (q.sentimentMax !== undefined) where.push(sql`${avgSentiment} <= ${q.sentimentMax}`);
  if (q.satisfactionMin !== undefined) where.push(sql`${avgSatisfaction} >= ${q.satisfactionMin}`);
  if (q.satisfactionMax !== undefined) where.push(sql`${avgSatisfaction} <= ${q.satisfactionMax}`);
  if (q.negative) where.push(sql`${chats.negativeCount} > 0`);
  if (q.emotion && days) {
    // Within a period: a message with that emotion on one of its days.
    where.push(
      sql`${chats.emotionDays} && ${`{${days.map((d) => emotionDayCode(q.emotion!, d)).join(",")}}`}::integer[]`,
    );
  } else if (q.emotion && !span) {
    where.push(hasMessage(sql`and m.emotion = ${q.emotion}`));
  }
  if (q.tone) where.push(hasMessage(sql`and m.tone = ${q.tone}`));
  // A heatmap cell: a customer message at that local weekday and hour, inside the period when one is given.
  if (q.weekday !== undefined || q.hour !== undefined) {
    const local = sql`(m.sent_at at time zone ${timezone})`;
    where.push(
      hasMessage(
        sql`and not m.from_me and m.type <> 'reaction'`,
        ...inPeriod,
        ...(q.weekday !== undefined ? [sql`and extract(dow from ${local}) = ${q.weekday}`] : []),
        ...(q.hour !== undefined ? [sql`and extract(hour from ${local}) = ${q.hour}`] : []),
      ),
    );
  }
  if (q.q) {
    where.push(
      sql`exists (select 1 from ${messages} m where m.chat_id = ${chats.id} and m.tenant_id = ${tenantId} and m.search @@ websearch_to_tsquery('portuguese', ${q.q}))`,
    );
  }
  return where;
}

const ORDER = {
  last: chats.lastMessageAt,
  sentiment: avgSentiment,
  satisfaction: avgSatisfaction,
  messages: chats.messageCount,
} as const;

/** The filtered chats as a subquery, for exports of their messages. */
export function conversationIds(tenantId: string, q: ConversationQuery, timezone: string) {
  return sql`select ${chats.id} from ${chats} where ${and(...conditions(tenantId, q, timezone))}`;
}

/** Conversations (chats) of a tenant with their analysis rollups, filtered, sorted and paginated on the server. */
export async function listConversations(
  tx: DbOrTx,
  tenantId: string,
  q: ConversationQuery,
  timezone: string,
  page: { limit: number; offset: number } = { limit: PAGE_SIZE, offset: (q.page - 1) * PAGE_SIZE },
) {
  const where = and(...conditions(tenantId, q, timezone));
  const order = ORDER[q.sort];
  const direction = q.dir === "asc" ? asc : desc;
  const [rows, total] = await Promise.all([
    tx
      .select({
        id: chats.id,
        contactName: chats.contactName,
        phoneMasked: chats.phoneMasked,
        isGroup: chats.isGroup,
        connectionId: chats.connectionId,
        connectionName: connections.name,
        lastMessageAt: chats.lastMessageAt,
        messageCount: chats.messageCount,
        analyzedCount: chats.analyzedCount,
        negativeCount: chats.negativeCount,
        avgSentiment,
        avgSatisfaction,
        firstSentiment: chats.firstSentiment,
        lastSentiment: chats.lastSentiment,
      })
      .from(chats)
      .innerJoin(connections, eq(connections.id, chats.connectionId))
      .where(where)
      .orderBy(sql`${direction(order)} nulls last`, desc(chats.id))
      .limit(page.limit)
      .offset(page.offset),
    countConversations(tx, tenantId, q, timezone),
  ]);
  return {
    rows: rows.map((r) => ({ ...r, trend: trendOf(r.firstSentiment, r.lastSentiment, r.analyzedCount) })),
    total,
    pageSize: PAGE_SIZE,
  };
}

/** How many conversations the list holds for these filters: the dashboard's conversations card. */
export async function countConversations(
  tx: DbOrTx,
  tenantId: string,
  q: ConversationQuery,
  timezone: string,
): Promise<number> {
  const [total] = await tx
    .select({ n: sql<number>`count(*)`.mapWith(Number) })
    .from(chats)
    .where(and(...conditions(tenantId, q, timezone)));
  return total!.n;
}

export type Trend = "recovered" | "deteriorated" | null;

/** Started negative and ended positive (recovered), or the reverse (deteriorated). */
export function trendOf(first: number | null, last: number | null, analyzed: number): Trend {
  if (analyzed < 2 || first === null || last === null) return null;
  if (first <= -POLARITY_THRESHOLD && last >= POLARITY_THRESHOLD) return "recovered";
  if (first >= POLARITY_THRESHOLD && last <= -POLARITY_THRESHOLD) return "deteriorated";
  return null;
}

export async function findConversation(tx: DbOrTx, tenantId: string, chatId: string) {
  const [chat] = await tx
    .select({
      id: chats.id,
      contactName: chats.contactName,
      phoneMasked: chats.phoneMasked,
      isGroup: chats.isGroup,
      connectionName: connections.name,
      analyzedCount: chats.analyzedCount,
      firstSentiment: chats.firstSentiment,
      lastSentiment: chats.lastSentiment,
      avgSentiment,
      avgSatisfaction,
    })
    .from(chats)
    .innerJoin(connections, eq(connections.id, chats.connectionId))
    .where(and(eq(chats.tenantId, tenantId), eq(chats.id, chatId)));
  if (!chat) return null;
  const rows = await tx
    .select({
      id: messages.id,
      fromMe: messages.fromMe,
      senderName: messages.senderName,
      type: messages.type,
      text: messages.text,
      sentAt: messages.sentAt,
      editedAt: messages.editedAt,
      deletedAt: messages.deletedAt,
      analysisStatus: messages.analysisStatus,
      sentiment: messages.sentiment,
      emotion: messages.emotion,
      satisfaction: messages.satisfaction,
      tone: messages.tone,
      rationale: messages.rationale,
      meta: messages.meta,
    })
    .from(messages)
    .where(and(eq(messages.tenantId, tenantId), eq(messages.chatId, chatId)))
    .orderBy(asc(messages.sentAt), asc(messages.id))
    .limit(1000);
  return {
    chat: { ...chat, trend: trendOf(chat.firstSentiment, chat.lastSentiment, chat.analyzedCount) },
    messages: rows,
  };
}

export type ConversationMessage = NonNullable<Awaited<ReturnType<typeof findConversation>>>["messages"][number];
