/** A wait as people read it: seconds under a minute, minutes under two hours, then hours. */
export function formatDuration(ms: number | null, locale: string): string {
  if (ms === null) return "—";
  const minutes = ms / 60_000;
  const fmt = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
  if (minutes < 1) return `${fmt.format(ms / 1000)} s`;
  if (minutes < 120) return `${fmt.format(minutes)} min`;
  return `${fmt.format(minutes / 60)} h`;
}
