import { and, eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { connections, type ImportProgress } from "@/db/schema";
import { EvolutionApiError } from "@/lib/history/evolution-client";
import { OutboundUrlRefusedError } from "@/lib/security/outbound-url";
import { withTenant } from "@/lib/tenancy/with-tenant";

type Target = { tenantId: string; connectionId: string };
// An import that stopped reporting for this long (a crashed process) may be claimed again.
const STALE = sql`interval '15 minutes'`;

/**
 * Claims the connection's import. The claim runs under a transaction-scoped advisory lock on the connection,
 * so two concurrent claims serialise and exactly one sees the connection idle.
 */
/** An import's progress before its first page: nothing read, nothing stored, started now. */
export function newImportProgress(source: ImportProgress["source"]): ImportProgress {
  return { source, page: 0, pages: null, imported: 0, duplicates: 0, startedAt: new Date().toISOString() };
}

export async function claimImport(
  db: Db,
  target: Target,
  source: ImportProgress["source"],
): Promise<{ claimed: boolean; watermark: Date | null }> {
  return withTenant(
    target.tenantId,
    async (tx) => {
      await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`history-import:${target.connectionId}`}))`);
      const progress = newImportProgress(source);
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

export type ImportErrorCode = NonNullable<ImportProgress["errorCode"]>;
const ERROR_CODES: readonly ImportErrorCode[] = [
  "evolution_rejected",
  "evolution_not_found",
  "evolution_unreachable",
  "outbound_url_refused",
  "unknown",
];

/**
 * What the tenant can act on. An error that crossed a job boundary keeps its code as the message's prefix
 * (`evolution_rejected: …`), since only the message survives serialisation.
 */
export function importErrorCode(error: unknown): ImportErrorCode {
  if (error instanceof OutboundUrlRefusedError) return error.code;
  if (error instanceof EvolutionApiError) {
    if (error.status === 401 || error.status === 403) return "evolution_rejected";
    if (error.status === 404) return "evolution_not_found";
    return "evolution_unreachable";
  }
  const message = error instanceof Error ? error.message : String(error);
  const prefixed = ERROR_CODES.find((c) => message.startsWith(`${c}:`));
  if (prefixed) return prefixed;
  // undici's network failures: refused, reset, DNS, timeouts.
  if (error instanceof TypeError && /fetch failed/i.test(message)) return "evolution_unreachable";
  return "unknown";
}

/** Ends the import; the watermark only moves forward, and only on success. */
export async function finishImport(
  db: Db,
  target: Target,
  progress: ImportProgress,
  watermark: Date | null,
  error?: string,
  errorCode?: ImportErrorCode,
) {
  await withTenant(
    target.tenantId,
    (tx) =>
      tx
        .update(connections)
        .set({
          importStatus: error ? "failed" : "done",
          importProgress: {
            ...progress,
            finishedAt: new Date().toISOString(),
            ...(error ? { error, errorCode: errorCode ?? "unknown" } : {}),
          },
          ...(watermark && !error
            ? {
                historyWatermark: sql`greatest(${connections.historyWatermark}, ${watermark.toISOString()}::timestamptz)`,
              }
            : {}),
          updatedAt: new Date(),
        })
        .where(and(eq(connections.tenantId, target.tenantId), eq(connections.id, target.connectionId))),
    db,
  );
}
