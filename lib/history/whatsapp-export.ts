import { zonedTimeToUtc } from "./zoned-time";

export type ExportedMessage = { sentAt: Date; author: string; text: string; media: boolean };

// Android: "22/11/2026 14:05 - Mariana: texto"; iOS: "[22/11/2026, 14:05:31] Mariana: texto". Years may be 2-digit.
const ANDROID = /^(\d{1,2})\/(\d{1,2})\/(\d{2,4}),? (\d{1,2}):(\d{2})(?::(\d{2}))? - (.*)$/;
const IOS = /^\u200e?\[(\d{1,2})\/(\d{1,2})\/(\d{2,4}),? (\d{1,2}):(\d{2})(?::(\d{2}))?\] (.*)$/;
const MEDIA =
  /^(<m[íi]dia oculta>|<media omitted>|.*\(arquivo anexado\)|.*\(file attached\)|imagem ocultada|áudio ocultado|\u200e?(image|audio|video|sticker|document) omitted)$/i;

/**
 * Parses a WhatsApp "Export chat" .txt in the Brazilian format. Lines that do not start a message continue the
 * previous one (multi-line messages); lines with a date but no "Name: " are system notices and are skipped.
 */
export function parseWhatsAppExport(content: string, timeZone: string): ExportedMessage[] {
  const out: ExportedMessage[] = [];
  let current: ExportedMessage | null = null;
  for (const rawLine of content.replace(/^\uFEFF/, "").split(/\r?\n/)) {
    const m = ANDROID.exec(rawLine) ?? IOS.exec(rawLine);
    if (!m) {
      if (current && rawLine.length > 0) current.text += `\n${rawLine}`;
      else if (current) current.text += "\n";
      continue;
    }
    const [, d, mo, y, h, mi, s, rest] = m;
    const sep = rest!.indexOf(": ");
    if (sep <= 0) {
      current = null; // system line: "As mensagens e as ligações são protegidas…", "Fulano entrou", etc.
      continue;
    }
    const year = Number(y!.length === 2 ? `20${y}` : y);
    const sentAt = zonedTimeToUtc(
      { year, month: Number(mo), day: Number(d), hour: Number(h), minute: Number(mi), second: s ? Number(s) : 0 },
      timeZone,
    );
    const text = rest!.slice(sep + 2);
    current = {
      sentAt,
      author: rest!
        .slice(0, sep)
        .replace(/^\u200e/, "")
        .trim(),
      text,
      media: MEDIA.test(text.trim()),
    };
    out.push(current);
  }
  for (const message of out) message.text = message.text.replace(/\n+$/, "");
  return out;
}
