import { desc } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { auditLog } from "@/db/schema";
import type { AuditAction } from "./actions";

export type AuditEntry = {
  tenantId: string | null;
  actorUserId: string | null;
  actorEmail: string | null;
  action: AuditAction;
  targetType: string;
  targetId?: string | null;
  details?: Record<string, unknown>;
};

/** Written in the same transaction as the change it records, so the log never disagrees with the data. */
export async function recordAudit(tx: DbOrTx, entry: AuditEntry) {
  await tx.insert(auditLog).values({ ...entry, details: entry.details ?? {} });
}

export async function listRecentAudit(db: DbOrTx, limit = 50) {
  return db.select().from(auditLog).orderBy(desc(auditLog.createdAt), desc(auditLog.id)).limit(limit);
}
