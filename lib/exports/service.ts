import { AppError } from "@/lib/errors";
import { and, asc, eq, gte, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { dataExports, messages, type PlanLimits } from "@/db/schema";
import { conversationIds, listConversations } from "@/lib/conversations/queries";
import type { ConversationQuery } from "@/lib/conversations/schemas";
import { withTenant } from "@/lib/tenancy/with-tenant";
import { toCsv } from "./csv";
import { localIsoTime } from "./local-time";

export const EXPORT_KINDS = ["conversations", "messages"] as const;
export type ExportKind = (typeof EXPORT_KINDS)[number];

const MAX_CONVERSATIONS = 50_000;
const MAX_MESSAGES = 200_000;

export class ExportLimitError extends AppError {
  constructor(readonly limit: number) {
    super(
      "export_limit",
      429,
      `This plan allows ${limit} exports a day; the limit is reached. It resets at midnight (tenant time), or upgrade the plan.`,
    );
  }
}

type Tenant = { id: string; timezone: string; planLimits: PlanLimits };

const round = (n: number | null, digits = 3) =>
  n === null ? null : Math.round(Number(n) * 10 ** digits) / 10 ** digits;

/**
 * One CSV export under the plan's daily limit: counted and recorded in the same transaction, serialised per
 * tenant, so two clicks at once cannot both take the last export of the day.
 */
export async function exportCsv(
  db: Db,
  tenant: Tenant,
  userId: string | null,
  kind: ExportKind,
  query: ConversationQuery,
): Promise<{ csv: string; rows: number }> {
  return withTenant(
    tenant.id,
    async (tx) => {
      await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`export:${tenant.id}`}))`);
      const limit = tenant.planLimits.exportsPerDay;
      if (limit !== null) {
        const [{ n } = { n: 0 }] = await tx
          .select({ n: sql<number>`count(*)`.mapWith(Number) })
          .from(dataExports)
          .where(
            and(
              eq(dataExports.tenantId, tenant.id),
              gte(
                dataExports.createdAt,
                sql`date_trunc('day', now() at time zone ${tenant.timezone}) at time zone ${tenant.timezone}`,
              ),
            ),
          );
        if (n >= limit) throw new ExportLimitError(limit);
      }
      const iso = (d: Date | null) => (d ? localIsoTime(d, tenant.timezone) : "");
      let header: string[];
      let body: (string | number | null)[][];
      if (kind === "conversations") {
        const { rows } = await listConversations(tx, tenant.id, query, tenant.timezone, {
          limit: MAX_CONVERSATIONS,
          offset: 0,
        });
        header = [
          "conversation_id",
          "contact",
          "phone_masked",
          "connection",
          "last_message_at",
          "messages",
          "analyzed",
          "negative_messages",
          "avg_sentiment",
          "avg_satisfaction",
          "first_sentiment",
          "last_sentiment",
          "trend",
        ];
        body = rows.map((r) => [
          r.id,
          r.contactName,
          r.phoneMasked,
          r.connectionName,
          iso(r.lastMessageAt),
          r.messageCount,
          r.analyzedCount,
          r.negativeCount,
          round(r.avgSentiment),
          round(r.avgSatisfaction, 1),
          round(r.firstSentiment),
          round(r.lastSentiment),
          r.trend,
        ]);
      } else {
        const rows = await tx
          .select({
            chatId: messages.chatId,
            id: messages.id,
            sentAt: messages.sentAt,
            fromMe: messages.fromMe,
            senderName: messages.senderName,
            type: messages.type,
            text: messages.text,
            sentiment: messages.sentiment,
            emotion: messages.emotion,
            satisfaction: messages.satisfaction,
            tone: messages.tone,
            summary: messages.summary,
            editedAt: messages.editedAt,
            deletedAt: messages.deletedAt,
          })
          .from(messages)
          .where(
            and(
              eq(messages.tenantId, tenant.id),
              sql`${messages.chatId} in (${conversationIds(tenant.id, query, tenant.timezone)})`,
            ),
          )
          .orderBy(asc(messages.chatId), asc(messages.sentAt))
          .limit(MAX_MESSAGES);
        header = [
          "conversation_id",
          "message_id",
          "sent_at",
          "from",
          "sender",
          "type",
          "text",
          "sentiment",
          "emotion",
          "satisfaction",
          "tone",
          "summary",
          "edited_at",
          "deleted_at",
        ];
        body = rows.map((m) => [
          m.chatId,
          m.id,
          iso(m.sentAt),
          m.fromMe ? "business" : "customer",
          m.senderName,
          m.type,
          m.text,
          round(m.sentiment),
          m.emotion,
          m.satisfaction,
          m.tone,
          m.summary,
          iso(m.editedAt),
          iso(m.deletedAt),
        ]);
      }
      await tx.insert(dataExports).values({ tenantId: tenant.id, userId, kind, rows: body.length });
      return { csv: toCsv(header, body), rows: body.length };
    },
    db,
  );
}
