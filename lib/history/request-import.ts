import type { Db } from "@/db/client";
import { recordAudit } from "@/lib/audit/queries";
import { findConnection } from "@/lib/connections/queries";
import { enqueue } from "@/lib/jobs/outbox";
import { withTenant } from "@/lib/tenancy/with-tenant";

/** Queues a history import; the request and its audit entry are written together, the work runs in the background. */
export async function requestHistoryImport(
  db: Db,
  tenantId: string,
  actor: { id: string | null; email: string | null },
  connectionId: string,
): Promise<boolean> {
  return withTenant(
    tenantId,
    async (tx) => {
      const connection = await findConnection(tx, tenantId, connectionId);
      if (!connection) return false;
      await enqueue(tx, { name: "connection/history.import.requested", data: { tenantId, connectionId }, tenantId });
      await recordAudit(tx, {
        tenantId,
        actorUserId: actor.id,
        actorEmail: actor.email,
        action: "connection.import_history",
        targetType: "connection",
        targetId: connectionId,
      });
      return true;
    },
    db,
  );
}
