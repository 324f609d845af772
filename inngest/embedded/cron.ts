/**
 * Standard 5-field cron (minute hour day-of-month month day-of-week) with `*`, lists, ranges and steps,
 * optionally prefixed `TZ=Area/City`. Enough for scheduled maintenance; no seconds, no `L`/`W`/`#`.
 */
const FIELDS = [
  { min: 0, max: 59 },
  { min: 0, max: 23 },
  { min: 1, max: 31 },
  { min: 1, max: 12 },
  { min: 0, max: 6 },
];

function parseField(spec: string, { min, max }: { min: number; max: number }): Set<number> {
  const values = new Set<number>();
  for (const part of spec.split(",")) {
    const [range, stepText] = part.split("/");
    const step = stepText ? Number(stepText) : 1;
    const [from, upTo] = range === "*" ? [min, max] : (range!.split("-").map(Number) as [number, number?]);
    const to = upTo ?? (stepText ? max : from);
    if (
      !Number.isInteger(from) ||
      !Number.isInteger(to) ||
      !Number.isInteger(step) ||
      step < 1 ||
      from < min ||
      to > max
    ) {
      throw new Error(`invalid cron field "${spec}"`);
    }
    for (let v = from; v <= to; v += step) values.add(v);
  }
  return values;
}

export type CronSchedule = { timezone: string; fields: Set<number>[] };

export function parseCron(expression: string): CronSchedule {
  let text = expression.trim();
  let timezone = "UTC";
  const tz = /^(?:CRON_)?TZ=(\S+)\s+(.*)$/.exec(text);
  if (tz) [, timezone, text] = tz as unknown as [string, string, string];
  const parts = text.split(/\s+/);
  if (parts.length !== 5) throw new Error(`cron "${expression}" must have 5 fields`);
  return { timezone, fields: parts.map((p, i) => parseField(p, FIELDS[i]!)) };
}

/** Whether the schedule fires in the minute that contains `at`. */
export function cronMatches(schedule: CronSchedule, at: Date): boolean {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone: schedule.timezone,
    hourCycle: "h23",
    minute: "numeric",
    hour: "numeric",
    day: "numeric",
    month: "numeric",
    weekday: "short",
  }).formatToParts(at);
  const get = (type: string) => parts.find((p) => p.type === type)!.value;
  const weekday = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"].indexOf(get("weekday"));
  const values = [Number(get("minute")), Number(get("hour")), Number(get("day")), Number(get("month")), weekday];
  return schedule.fields.every((set, i) => set.has(values[i]!));
}
