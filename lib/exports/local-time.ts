import { wallClock } from "@/lib/metrics/period";

/**
 * An instant as the tenant's wall clock with its UTC offset, ISO 8601 (2026-12-07T10:05:00-03:00): a spreadsheet
 * shows the hour the business lived, and the offset keeps the instant exact across daylight-saving changes.
 */
export function localIsoTime(at: Date, timezone: string): string {
  const { year, month, day, hour, minute, second, offsetMinutes } = wallClock(at, timezone);
  const abs = Math.abs(offsetMinutes);
  const offset = `${offsetMinutes < 0 ? "-" : "+"}${String(Math.floor(abs / 60)).padStart(2, "0")}:${String(abs % 60).padStart(2, "0")}`;
  return `${year}-${month}-${day}T${hour}:${minute}:${second}${offset}`;
}
