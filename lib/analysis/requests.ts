import { and, eq } from "drizzle-orm";
import { ulid } from "ulid";
import type { Db, DbOrTx } from "@/db/client";
import { messages } from "@/db/schema";
import { enqueue, enqueueMany } from "@/lib/jobs/outbox";
import { withTenant } from "@/lib/tenancy/with-tenant";
import { findStrandedMessages } from "./queries";

/** A failed analysis goes back to pending with a new event; an inference already paid for is reused, not redone. */
export async function retryFailedAnalysis(db: Db, tenantId: string, messageId: string): Promise<boolean> {
  return withTenant(
    tenantId,
    async (tx) => {
      const reset = await tx
        .update(messages)
        .set({ analysisStatus: "pending", analysisError: null })
        .where(and(eq(messages.tenantId, tenantId), eq(messages.id, messageId), eq(messages.analysisStatus, "failed")))
        .returning({ id: messages.id });
      if (reset.length === 0) return false;
      await enqueue(tx, { name: "message/received", data: { tenantId, messageId }, tenantId });
      return true;
    },
    db,
  );
}

/** A fresh analysis under a new run key (optionally with another prompt version): a new inference row. */
export async function requestReanalysis(
  db: DbOrTx,
  tenantId: string,
  messageId: string,
  promptVersionId?: string,
): Promise<string> {
  const runKey = `manual:${ulid()}`;
  await enqueue(db, {
    name: "message/analysis.requested",
    data: { tenantId, messageId, runKey, ...(promptVersionId ? { promptVersionId } : {}) },
    tenantId,
  });
  return runKey;
}

export const STRANDED_AFTER_MS = 10 * 60_000;

/**
 * Re-queues messages still pending long after they were accepted (an event lost with a crashed worker, or rows
 * from before the analysis function existed). Only while no analysis work is queued: a backlog is slow, not
 * lost, and must not be doubled. Duplicates would be harmless anyway: runs are idempotent per message.
 */
export async function requeueStrandedAnalyses(db: Db, now = new Date(), limit = 1000): Promise<number> {
  const stranded = await findStrandedMessages(db, new Date(now.getTime() - STRANDED_AFTER_MS), limit);
  if (stranded.length === 0) return 0;
  await enqueueMany(
    db,
    stranded.map((m) => ({
      name: "message/received",
      data: { tenantId: m.tenantId, messageId: m.id },
      tenantId: m.tenantId,
    })),
  );
  return stranded.length;
}
