import { eq } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { messages, tenants } from "@/db/schema";
import { enqueue } from "@/lib/jobs/outbox";
import { refreshChatDay } from "@/lib/rollups/chat-days";
import { refreshResponseTimes } from "@/lib/rollups/response-times";
import { applyVolumeDelta, countsAsVolume } from "@/lib/rollups/volume";
import * as q from "./queries";
import { analysisLatencyMs, rollupWithdrawal } from "./rollup-delta";

type MessageRow = typeof messages.$inferSelect;

/**
 * A deleted message leaves every KPI: it comes out of the day's volume and response times and, once analysed, its
 * scores come out of the chat and daily rollups, in the transaction that marks it deleted (after the mark). Its scores stay on the row, for the
 * conversation view.
 */
export async function withdrawDeletedMessage(tx: Tx, message: MessageRow): Promise<void> {
  if (message.deletedAt) return;
  const scored = message.analysisStatus === "done" && message.sentiment !== null && message.satisfaction !== null;
  const counted = countsAsVolume(message.type);
  const [tenant] = await tx
    .select({ timezone: tenants.timezone })
    .from(tenants)
    .where(eq(tenants.id, message.tenantId));
  const timezone = tenant?.timezone ?? "America/Sao_Paulo";
  // Any message, a reaction too, made its chat active that day.
  const writes: Promise<unknown>[] = [refreshChatDay(tx, message.chatId, message.sentAt, timezone)];
  // The caller has marked the row deleted: the replies around it are recomputed without it.
  if (counted) {
    writes.push(
      applyVolumeDelta(tx, message.tenantId, message.connectionId, message.sentAt, timezone, message.fromMe, -1),
      refreshResponseTimes(tx, message.chatId, message.sentAt, timezone),
    );
  }
  if (scored) {
    const delta = rollupWithdrawal({
      sentiment: message.sentiment!,
      satisfaction: message.satisfaction!,
      emotion: message.emotion ?? "neutral",
      tone: message.tone ?? "neutral",
      latencyMs: analysisLatencyMs(message),
    });
    writes.push(
      q.applyChatDelta(tx, message.tenantId, message.chatId, message.sentAt, null, delta.chat),
      ...delta.daily.map((d) =>
        q.applyRollupDelta(tx, message.tenantId, message.connectionId, message.sentAt, timezone, d),
      ),
    );
  }
  await Promise.all(writes);
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
