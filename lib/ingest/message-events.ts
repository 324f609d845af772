import { and, asc, eq } from "drizzle-orm";
import type { Db, Tx } from "@/db/client";
import { messages, pendingMessageEvents } from "@/db/schema";
import { reanalyseEditedMessage, withdrawDeletedMessage } from "@/lib/analysis/message-changes";
import { withTenant } from "@/lib/tenancy/with-tenant";
import * as q from "./queries";

/** Something that happens to a message after it was sent: a receipt, an edit, a deletion, a reaction. */
export type MessageEvent =
  | { kind: "status"; status: string; at: string }
  | { kind: "edit"; text: string | null; at: string }
  | { kind: "delete"; at: string }
  | { kind: "reaction"; emoji: string | null; fromMe: boolean; at: string };

type MessageRow = typeof messages.$inferSelect;
type Target = { tenantId: string; connectionId: string };

function changes(message: MessageRow, event: MessageEvent): Partial<typeof messages.$inferInsert> {
  const meta = message.meta;
  switch (event.kind) {
    case "status": {
      const statusTimes = { ...((meta.statusTimes as Record<string, string>) ?? {}), [event.status]: event.at };
      return { deliveryStatus: event.status, meta: { ...meta, statusTimes } };
    }
    case "edit": {
      const editHistory = [...((meta.editHistory as unknown[]) ?? []), { text: message.text, replacedAt: event.at }];
      // The vector described the old words: cleared, so the re-analysis embeds the new text.
      return {
        text: event.text ?? message.text,
        editedAt: new Date(event.at),
        embedding: null,
        embeddingModel: null,
        meta: { ...meta, editHistory },
      };
    }
    case "delete":
      // The row stays (the conversation must still read right); KPIs skip deleted messages.
      return { deletedAt: message.deletedAt ?? new Date(event.at) };
    case "reaction": {
      const reactions = {
        ...((meta.reactions as Record<string, string | null>) ?? {}),
        [event.fromMe ? "business" : "customer"]: event.emoji,
      };
      return { meta: { ...meta, reactions } };
    }
  }
}

export async function applyEvent(
  tx: Tx,
  target: Target,
  message: MessageRow,
  event: MessageEvent,
): Promise<MessageRow> {
  const values = changes(message, event);
  await q.updateMessage(tx, target.tenantId, message.id, values);
  if (event.kind === "delete") await withdrawDeletedMessage(tx, message);
  if (event.kind === "edit" && event.text && event.text !== message.text)
    await reanalyseEditedMessage(tx, message, event.at);
  return { ...message, ...values } as MessageRow;
}

/**
 * Applies the event to its message, or keeps it until the message arrives (Evolution delivers out of order);
 * either way the event is never lost.
 */
export async function applyOrKeep(
  db: Db,
  target: Target,
  externalId: string,
  event: MessageEvent,
): Promise<"applied" | "pending"> {
  return withTenant(
    target.tenantId,
    async (tx) => {
      const message = await q.findMessageByExternalId(tx, target.tenantId, target.connectionId, externalId);
      if (message) {
        await applyEvent(tx, target, message, event);
        return "applied";
      }
      await tx.insert(pendingMessageEvents).values({ ...target, externalId, kind: event.kind, payload: event });
      return "pending";
    },
    db,
  );
}

/** Called in the transaction that stores a message: what arrived before it is applied in arrival order. */
export async function applyPendingEvents(tx: Tx, target: Target, message: MessageRow): Promise<void> {
  const waiting = await tx
    .select()
    .from(pendingMessageEvents)
    .where(
      and(
        eq(pendingMessageEvents.tenantId, target.tenantId),
        eq(pendingMessageEvents.connectionId, target.connectionId),
        eq(pendingMessageEvents.externalId, message.externalId),
      ),
    )
    .orderBy(asc(pendingMessageEvents.id));
  let current = message;
  for (const row of waiting) current = await applyEvent(tx, target, current, row.payload as MessageEvent);
  if (waiting.length) {
    await tx
      .delete(pendingMessageEvents)
      .where(
        and(
          eq(pendingMessageEvents.connectionId, target.connectionId),
          eq(pendingMessageEvents.externalId, message.externalId),
        ),
      );
  }
}
