/** The tenant's local calendar day of an instant, as YYYY-MM-DD. */
export function localDay(at: Date, timezone: string): string {
  const parts = new Intl.DateTimeFormat("en-CA", { timeZone: timezone, year: "numeric", month: "2-digit", day: "2-digit" }).formatToParts(at);
  const get = (t: string) => parts.find((p) => p.type === t)!.value;
  return `${get("year")}-${get("month")}-${get("day")}`;
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
