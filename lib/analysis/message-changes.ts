import { eq } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { messages, tenants } from "@/db/schema";
import { enqueue } from "@/lib/jobs/outbox";
import * as q from "./queries";
import { rollupWithdrawal } from "./rollup-delta";

type MessageRow = typeof messages.$inferSelect;

/**
 * A deleted message leaves every KPI: its analysed contribution comes out of the chat and daily rollups in the
 * transaction that marks it deleted. Its scores stay on the row, for the conversation view.
 */
export async function withdrawDeletedMessage(tx: Tx, message: MessageRow): Promise<void> {
  if (message.deletedAt || message.analysisStatus !== "done" || message.sentiment === null || message.satisfaction === null) return;
  const [tenant] = await tx.select({ timezone: tenants.timezone }).from(tenants).where(eq(tenants.id, message.tenantId));
  const delta = rollupWithdrawal({
    sentiment: message.sentiment,
    satisfaction: message.satisfaction,
    emotion: message.emotion ?? "neutral",
    tone: message.tone ?? "neutral",
  });
  await q.applyChatDelta(tx, message.tenantId, message.chatId, message.sentAt, message.sentiment, delta.chat);
  await q.applyRollupDelta(tx, message.tenantId, message.connectionId, message.sentAt, tenant?.timezone ?? "America/Sao_Paulo", delta.daily);
}

/**
 * An edited customer text is a new text: once analysed (or failed), it is analysed again under a run key named
 * after the edit, so a re-delivered edit does not pay twice. A message still pending reads the new text anyway.
 */
export async function reanalyseEditedMessage(tx: Tx, message: MessageRow, editedAt: string): Promise<void> {
  if (message.fromMe || message.deletedAt || !["done", "failed"].includes(message.analysisStatus)) return;
  await enqueue(tx, {
    name: "message/analysis.requested",
    data: { tenantId: message.tenantId, messageId: message.id, runKey: `edit:${editedAt}` },
    tenantId: message.tenantId,
  });
}
