import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { messages } from "@/db/schema";
import { enqueueMany } from "@/lib/jobs/outbox";
import { withTenant } from "@/lib/tenancy/with-tenant";

/**
 * After reactivation, the messages a suspended tenant kept receiving go to analysis. The status flip and
 * the events share a transaction, so a retried step finds nothing left to re-queue.
 */
export async function requeueDeferredMessages(db: Db, tenantId: string): Promise<number> {
  return withTenant(
    tenantId,
    async (tx) => {
      const rows = await tx
        .update(messages)
        .set({ analysisStatus: "pending" })
        .where(and(eq(messages.tenantId, tenantId), eq(messages.analysisStatus, "deferred")))
        .returning({ id: messages.id });
      await enqueueMany(
        tx,
        rows.map((r) => ({ name: "message/received", data: { tenantId, messageId: r.id }, tenantId })),
      );
      return rows.length;
    },
    db,
  );
}
