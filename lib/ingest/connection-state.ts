import { and, count, eq, gte } from "drizzle-orm";
import type { Db } from "@/db/client";
import { connectionEvents } from "@/db/schema";
import { recordAudit } from "@/lib/audit/queries";
import { withTenant } from "@/lib/tenancy/with-tenant";
import type { IngestTarget } from "./ingest-message";
import * as q from "./queries";

const HOUR_MS = 60 * 60 * 1000;

type StateChange = { state: "open" | "connecting" | "close" | "logged_out"; reason: string; ownJid: string | null };

/**
 * Records a connection state change and its history. A number that keeps dropping (by default 3 disconnects
 * within an hour) raises an alert in the audit log, once per crossing of the threshold.
 */
export async function recordConnectionState(
  db: Db,
  target: IngestTarget,
  change: StateChange,
): Promise<{ alert: boolean }> {
  return withTenant(
    target.tenantId,
    async (tx) => {
      const now = new Date();
      await q.updateConnectionState(tx, target.tenantId, target.connectionId, {
        state: change.state,
        stateReason: change.reason,
        stateChangedAt: now,
        ...(change.ownJid ? { ownJid: change.ownJid } : {}),
        ...(change.state === "open" ? { qrCode: null } : {}),
      });
      await tx.insert(connectionEvents).values({
        tenantId: target.tenantId,
        connectionId: target.connectionId,
        state: change.state,
        reason: change.reason,
        at: now,
      });
      if (change.state !== "close" && change.state !== "logged_out") return { alert: false };
      const [recent] = await tx
        .select({ n: count() })
        .from(connectionEvents)
        .where(
          and(
            eq(connectionEvents.connectionId, target.connectionId),
            gte(connectionEvents.at, new Date(now.getTime() - HOUR_MS)),
            eq(connectionEvents.state, "close"),
          ),
        );
      const threshold = target.tenantSettings.disconnectAlertThreshold ?? 3;
      const alert = change.state === "close" && recent!.n === threshold;
      if (alert) {
        await recordAudit(tx, {
          tenantId: target.tenantId,
          actorUserId: null,
          actorEmail: null,
          action: "connection.unstable",
          targetType: "connection",
          targetId: target.connectionId,
          details: { disconnectsInLastHour: recent!.n },
        });
      }
      return { alert };
    },
    db,
  );
}
