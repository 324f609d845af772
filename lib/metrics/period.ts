/** The tenant's local calendar day of an instant, as YYYY-MM-DD. */
export function localDay(at: Date, timezone: string): string {
  const parts = new Intl.DateTimeFormat("en-CA", {
    timeZone: timezone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).formatToParts(at);
  const get = (t: string) => parts.find((p) => p.type === t)!.value;
  return `${get("year")}-${get("month")}-${get("day")}`;
}

/** The wall clock of `timezone` at an instant, with the zone's offset from UTC then (local minus UTC, in minutes). */
export function wallClock(at: Date, timezone: string) {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone: timezone,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  }).formatToParts(at);
  const get = (type: string) => parts.find((p) => p.type === type)!.value;
  const [year, month, day, hour, minute, second] = [
    get("year"),
    get("month"),
    get("day"),
    get("hour"),
    get("minute"),
    get("second"),
  ];
  const shownAsUtc = Date.UTC(
    Number(year),
    Number(month) - 1,
    Number(day),
    Number(hour),
    Number(minute),
    Number(second),
  );
  const offsetMinutes = Math.round((shownAsUtc - Math.floor(at.getTime() / 1000) * 1000) / 60_000);
  return { year, month, day, hour, minute, second, offsetMinutes };
}

/** The instant a local day starts in the tenant's timezone (midnight there), for filters on timestamps. */
export function startOfLocalDay(day: string, timezone: string): Date {
  const utcMidnight = new Date(`${day}T00:00:00Z`);
  return new Date(utcMidnight.getTime() - wallClock(utcMidnight, timezone).offsetMinutes * 60_000);
}

export function addDays(day: string, n: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

/** Inclusive local-day period; `days` back from today when not given. */
export function resolvePeriod(
  timezone: string,
  from?: string,
  to?: string,
  days = 30,
  now = new Date(),
): { from: string; to: string } {
  const end = to ?? localDay(now, timezone);
  return { from: from ?? addDays(end, -(days - 1)), to: end };
}

export const RANGES = ["today", "7", "30", "90"] as const;
export type Range = (typeof RANGES)[number];
