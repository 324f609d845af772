import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { messages } from "@/db/schema";
import { enqueueMany } from "@/lib/jobs/outbox";
import { withTenant } from "@/lib/tenancy/with-tenant";
import { findActiveTenantsWithDeferred } from "./queries";

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

/** A minute is ample for a reactivation's own re-queue to have run; anything deferred after it is swept here. */
const DEFERRED_GRACE_MS = 60_000;

export async function requeueDeferredOfActiveTenants(db: Db, now = new Date()): Promise<number> {
  let total = 0;
  for (const tenantId of await findActiveTenantsWithDeferred(db, new Date(now.getTime() - DEFERRED_GRACE_MS))) {
    total += await requeueDeferredMessages(db, tenantId);
  }
  return total;
}
