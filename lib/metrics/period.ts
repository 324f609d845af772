/** The tenant's local calendar day of an instant, as YYYY-MM-DD. */
export function localDay(at: Date, timezone: string): string {
  const parts = new Intl.DateTimeFormat("en-CA", { timeZone: timezone, year: "numeric", month: "2-digit", day: "2-digit" }).formatToParts(at);
  const get = (t: string) => parts.find((p) => p.type === t)!.value;
  return `${get("year")}-${get("month")}-${get("day")}`;
}

/** The instant a local day starts in the tenant's timezone (midnight there), for filters on timestamps. */
export function startOfLocalDay(day: string, timezone: string): Date {
  const utcMidnight = new Date(`${day}T00:00:00Z`);
  const parts = new Intl.DateTimeFormat("en-US", { timeZone: timezone, hourCycle: "h23", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit" }).formatToParts(utcMidnight);
  const get = (t: string) => Number(parts.find((p) => p.type === t)!.value);
  const shownAsUtc = Date.UTC(get("year"), get("month") - 1, get("day"), get("hour"), get("minute"));
  // The zone's offset at that moment: local clock minus UTC.
  return new Date(utcMidnight.getTime() - (shownAsUtc - utcMidnight.getTime()));
}

export function addDays(day: string, n: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

/** Inclusive local-day period; `days` back from today when not given. */
export function resolvePeriod(timezone: string, from?: string, to?: string, days = 30, now = new Date()): { from: string; to: string } {
  const end = to ?? localDay(now, timezone);
  return { from: from ?? addDays(end, -(days - 1)), to: end };
}

export const RANGES = ["today", "7", "30", "90"] as const;
export type Range = (typeof RANGES)[number];

/** The dashboard's period from its URL: a preset range, or a custom from/to; plus the previous period of equal length. */
export function dashboardPeriod(timezone: string, params: { range?: string; from?: string; to?: string }, now = new Date()) {
  const valid = (d?: string) => (d && /^\d{4}-\d{2}-\d{2}$/.test(d) ? d : undefined);
  const from = valid(params.from);
  const to = valid(params.to);
  let period: { from: string; to: string };
  let range: Range | "custom";
  if (from && to && from <= to) {
    period = { from, to };
    range = "custom";
  } else {
    range = (RANGES as readonly string[]).includes(params.range ?? "") ? (params.range as Range) : "30";
    period = resolvePeriod(timezone, undefined, undefined, range === "today" ? 1 : Number(range), now);
  }
  const days = Math.round((Date.parse(period.to) - Date.parse(period.from)) / 86_400_000) + 1;
  const previous = { from: addDays(period.from, -days), to: addDays(period.from, -1) };
  return { range, period, previous, days };
}
