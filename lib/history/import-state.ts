import { and, eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { connections, type ImportProgress } from "@/db/schema";
import { withTenant } from "@/lib/tenancy/with-tenant";

type Target = { tenantId: string; connectionId: string };
// An import that stopped reporting for this long (a crashed process) may be claimed again.
const STALE = sql`interval '15 minutes'`;

/**
 * Claims the connection's import. The claim runs under a transaction-scoped advisory lock on the connection,
 * so two concurrent claims serialise and exactly one sees the connection idle.
 */
export async function claimImport(db: Db, target: Target, source: ImportProgress["source"]): Promise<{ claimed: boolean; watermark: Date | null }> {
  return withTenant(
    target.tenantId,
    async (tx) => {
      await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`history-import:${target.connectionId}`}))`);
      const progress: ImportProgress = { source, page: 0, pages: null, imported: 0, duplicates: 0, startedAt: new Date().toISOString() };
      const [row] = await tx
        .update(connections)
        .set({ importStatus: "running", importProgress: progress, updatedAt: new Date() })
        .where(
          and(
            eq(connections.tenantId, target.tenantId),
            eq(connections.id, target.connectionId),
            sql`(${connections.importStatus} <> 'running' or ${connections.updatedAt} < now() - ${STALE})`,
          ),
        )
        .returning({ watermark: connections.historyWatermark });
      return { claimed: Boolean(row), watermark: row?.watermark ?? null };
    },
    db,
  );
}

export async function reportProgress(db: Db, target: Target, progress: ImportProgress) {
  await withTenant(
    target.tenantId,
    (tx) =>
      tx
        .update(connections)
        .set({ importProgress: progress, updatedAt: new Date() })
        .where(and(eq(connections.tenantId, target.tenantId), eq(connections.id, target.connectionId))),
    db,
  );
}

/** Ends the import; the watermark only moves forward, and only on success. */
export async function finishImport(db: Db, target: Target, progress: ImportProgress, watermark: Date | null, error?: string) {
  await withTenant(
    target.tenantId,
    (tx) =>
      tx
        .update(connections)
        .set({
          importStatus: error ? "failed" : "done",
          importProgress: { ...progress, finishedAt: new Date().toISOString(), ...(error ? { error } : {}) },
          ...(watermark && !error ? { historyWatermark: sql`greatest(${connections.historyWatermark}, ${watermark.toISOString()}::timestamptz)` } : {}),
          updatedAt: new Date(),
        })
        .where(and(eq(connections.tenantId, target.tenantId), eq(connections.id, target.connectionId))),
    db,
  );
}
