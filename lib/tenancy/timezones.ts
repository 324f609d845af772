/** The IANA zones this runtime knows (a tenant's days and hours are computed in one), UTC included. */
export const TIMEZONES: readonly string[] = [...new Set(["UTC", ...Intl.supportedValuesOf("timeZone")])].sort();

export const DEFAULT_TIMEZONE = "America/Sao_Paulo";

export function isTimezone(value: string): boolean {
  return TIMEZONES.includes(value);
}
