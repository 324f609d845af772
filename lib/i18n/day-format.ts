import type { Locale } from "./locale";

/**
 * Calendar days as a person types them: day first in Portuguese (dd/mm/aaaa), month first in English
 * (mm/dd/yyyy). The browser's own date input follows the browser's language, not the page's, so the
 * product formats and parses days itself; the URL always carries YYYY-MM-DD.
 */
const ORDER: Record<Locale, "dmy" | "mdy"> = { "pt-BR": "dmy", en: "mdy" };
export const DAY_PLACEHOLDER: Record<Locale, string> = { "pt-BR": "dd/mm/aaaa", en: "mm/dd/yyyy" };

/** A real calendar day in YYYY-MM-DD (2026-02-30 is not one). */
export function isCalendarDay(iso: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(iso)) return false;
  const d = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === iso;
}

export function formatDay(iso: string, locale: Locale): string {
  if (!isCalendarDay(iso)) return "";
  const [y, m, d] = iso.split("-");
  return ORDER[locale] === "dmy" ? `${d}/${m}/${y}` : `${m}/${d}/${y}`;
}

/** The typed text as YYYY-MM-DD; "" for empty; null when it is not a day. ISO input is accepted as well. */
export function parseDay(text: string, locale: Locale): string | null {
  const s = text.trim();
  if (!s) return "";
  if (isCalendarDay(s)) return s;
  const m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(s);
  if (!m) return null;
  const [a, b, year] = [m[1]!.padStart(2, "0"), m[2]!.padStart(2, "0"), m[3]!];
  const iso = ORDER[locale] === "dmy" ? `${year}-${b}-${a}` : `${year}-${a}-${b}`;
  return isCalendarDay(iso) ? iso : null;
}
