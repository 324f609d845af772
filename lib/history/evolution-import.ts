import type { Db } from "@/db/client";
import { normalizeMessage, type NormalizedMessage } from "@/lib/evolution/normalize";
import { messageDataSchema } from "@/lib/evolution/schemas";
import { ingestMessages, type IngestTarget } from "@/lib/ingest/ingest-message";
import { decryptSecret } from "@/lib/security/crypto";
import type { OutboundFetch } from "@/lib/security/outbound-fetch";
import { withTenant } from "@/lib/tenancy/with-tenant";
import { fetchMessagesPage } from "./evolution-client";
import { claimImport, finishImport, importErrorCode, newImportProgress, reportProgress } from "./import-state";
import { findImportSource } from "./queries";

export const IMPORT_PAGE_SIZE = 100;

export type PageResult = {
  imported: number;
  duplicates: number;
  skipped: number;
  pages: number;
  newest: string | null;
};

export async function loadImportSource(db: Db, tenantId: string, connectionId: string) {
  const source = await withTenant(tenantId, (tx) => findImportSource(tx, tenantId, connectionId), db);
  if (!source) throw new Error(`connection ${connectionId} not found`);
  return source;
}

/**
 * Imports one page of Evolution's message history through the same normaliser and idempotent insert as the
 * webhook, so a message seen both ways is stored once. Messages older than the watermark are skipped.
 */
export async function importEvolutionPage(
  db: Db,
  tenantId: string,
  connectionId: string,
  page: number,
  watermark: Date | null,
  fetchImpl?: OutboundFetch,
): Promise<PageResult> {
  const source = await loadImportSource(db, tenantId, connectionId);
  const target: IngestTarget = {
    tenantId,
    connectionId,
    tenantStatus: source.tenantStatus,
    tenantSettings: source.tenantSettings,
    timezone: source.timezone,
  };
  const result = await fetchMessagesPage(
    {
      baseUrl: source.evolutionBaseUrl,
      instance: source.instanceName,
      token: decryptSecret(source.instanceTokenEnc),
      page,
      pageSize: IMPORT_PAGE_SIZE,
      since: watermark,
    },
    fetchImpl,
  );
  let skipped = 0;
  let newest: number | null = null;
  const messages: NormalizedMessage[] = [];
  for (const record of result.records) {
    const parsed = messageDataSchema.safeParse(record);
    if (!parsed.success) {
      skipped++;
      continue;
    }
    const message = normalizeMessage(parsed.data);
    if ((watermark && message.sentAt < watermark) || message.type === "reaction") {
      skipped++;
      continue;
    }
    messages.push(message);
    newest = Math.max(newest ?? 0, message.sentAt.getTime());
  }
  const { imported, duplicates } = await ingestMessages(db, target, messages);
  return { imported, duplicates, skipped, pages: result.pages, newest: newest ? new Date(newest).toISOString() : null };
}

/** The whole import in one process (scripts and tests); the Inngest function runs the same steps durably. */
export async function runEvolutionImport(db: Db, tenantId: string, connectionId: string, fetchImpl?: OutboundFetch) {
  const target = { tenantId, connectionId };
  const claim = await claimImport(db, target, "evolution");
  if (!claim.claimed) return { started: false as const };
  const progress = newImportProgress("evolution");
  let newest: Date | null = null;
  try {
    for (let page = 1; ; page++) {
      const r = await importEvolutionPage(db, tenantId, connectionId, page, claim.watermark, fetchImpl);
      Object.assign(progress, {
        page,
        pages: r.pages,
        imported: progress.imported + r.imported,
        duplicates: progress.duplicates + r.duplicates,
      });
      if (r.newest && (!newest || new Date(r.newest) > newest)) newest = new Date(r.newest);
      await reportProgress(db, target, progress);
      if (page >= r.pages) break;
    }
    await finishImport(db, target, progress, newest);
    return { started: true as const, ...progress };
  } catch (error) {
    await finishImport(db, target, progress, null, (error as Error).message, importErrorCode(error));
    throw error;
  }
}
