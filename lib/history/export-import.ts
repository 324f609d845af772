import { AppError } from "@/lib/errors";
import { createHash } from "node:crypto";
import type { Db } from "@/db/client";
import type { NormalizedMessage } from "@/lib/evolution/normalize";
import { ingestMessages } from "@/lib/ingest/ingest-message";
import { claimImport, finishImport } from "./import-state";
import { storableText } from "@/lib/text/storable-text";
import { withTenant } from "@/lib/tenancy/with-tenant";
import { findImportSource } from "./queries";
import { parseWhatsAppExport } from "./whatsapp-export";

export type ExportImportInput = { content: string; ownerName: string };

/**
 * Imports a WhatsApp "Export chat" file into one chat. The export has no message ids, so each message gets
 * a deterministic one (time, author, text and its repeat count): importing the same file again adds nothing.
 */
export async function importWhatsAppExport(db: Db, tenantId: string, connectionId: string, input: ExportImportInput) {
  const source = await withTenant(tenantId, (tx) => findImportSource(tx, tenantId, connectionId), db);
  if (!source) throw new ExportImportError("not_found");
  const messages = parseWhatsAppExport(storableText(input.content), source.timezone);
  const owner = input.ownerName.trim().toLowerCase();
  const contact = messages.find((m) => m.author.toLowerCase() !== owner)?.author;
  if (!contact) throw new ExportImportError(messages.length === 0 ? "no_messages" : "no_contact");
  const target = {
    tenantId,
    connectionId,
    tenantStatus: source.tenantStatus,
    tenantSettings: source.tenantSettings,
    timezone: source.timezone,
  };
  const claim = await claimImport(db, { tenantId, connectionId }, "whatsapp-export");
  if (!claim.claimed) throw new ExportImportError("import_running");
  const chatJid = `export-${createHash("sha256").update(`${connectionId}|${contact}`).digest("hex").slice(0, 24)}@export`;
  const seen = new Map<string, number>();
  const progress = {
    source: "whatsapp-export" as const,
    page: 1,
    pages: 1,
    imported: 0,
    duplicates: 0,
    startedAt: new Date().toISOString(),
  };
  const normalized: NormalizedMessage[] = messages.map((m) => {
    const base = `${m.sentAt.toISOString()}|${m.author}|${m.text}`;
    const repeat = seen.get(base) ?? 0;
    seen.set(base, repeat + 1);
    const fromMe = m.author.toLowerCase() === owner;
    return {
      externalId: `EXP${createHash("sha256").update(`${base}|${repeat}`).digest("hex").slice(0, 29).toUpperCase()}`,
      fromMe,
      chatJid,
      chatAltJid: null,
      isGroup: false,
      senderJid: fromMe ? null : chatJid,
      senderName: m.author,
      type: m.media ? "unknown" : "text",
      text: m.media ? null : m.text,
      sentAt: m.sentAt,
      sentAtReplaced: null,
      status: null,
      reaction: null,
      quotedId: null,
      media: null,
    };
  });
  Object.assign(progress, await ingestMessages(db, target, normalized));
  await finishImport(db, { tenantId, connectionId }, progress, null);
  return { contact, imported: progress.imported, duplicates: progress.duplicates };
}

/** Why a WhatsApp export was not imported; the code is a dictionary key of the connections page. */
export class ExportImportError extends AppError {
  constructor(code: "not_found" | "no_messages" | "no_contact" | "import_running") {
    super(code, code === "not_found" ? 404 : code === "import_running" ? 409 : 422);
  }
}
