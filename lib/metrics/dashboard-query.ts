import { z } from "zod";
import { EMOTIONS, type Emotion } from "@/lib/scores/vocabulary";
import { isCalendarDay } from "@/lib/i18n/day-format";
import { addDays, RANGES, resolvePeriod, type Range } from "./period";

const loose = z.string().optional().catch(undefined);

/** The dashboard's URL: a preset range or a custom from/to (local days of the tenant), a connection, an emotion. */
export const dashboardQuerySchema = z.object({
  range: z.enum(RANGES).optional().catch(undefined),
  from: loose,
  to: loose,
  connection: z.uuid().optional().catch(undefined),
  emotion: z.enum(EMOTIONS).optional().catch(undefined),
});

export type DashboardProblem = "invalid_date" | "inverted_dates";
export type DashboardQuery = {
  range: Range | "custom";
  period: { from: string; to: string };
  previous: { from: string; to: string };
  connectionId?: string;
  emotion?: Emotion;
  /** Set when the URL asked for dates that cannot be shown; the page says so and shows the default period. */
  problem?: DashboardProblem;
};

/** Reads the URL; what cannot be read becomes a `problem` to show, never a silent fallback. */
export function readDashboardQuery(
  timezone: string,
  params: Record<string, string | undefined>,
  now = new Date(),
): DashboardQuery {
  const q = dashboardQuerySchema.parse(params);
  const from = q.from || undefined;
  const to = q.to || undefined;
  const problem: DashboardProblem | undefined =
    (from && !isCalendarDay(from)) || (to && !isCalendarDay(to))
      ? "invalid_date"
      : from && to && from > to
        ? "inverted_dates"
        : undefined;
  const custom = Boolean(from || to) && !problem;
  const preset: Range = q.range ?? "30";
  const range: Range | "custom" = custom ? "custom" : preset;
  const period = custom
    ? resolvePeriod(timezone, from, to, 30, now)
    : resolvePeriod(timezone, undefined, undefined, preset === "today" ? 1 : Number(preset), now);
  const days = Math.round((Date.parse(period.to) - Date.parse(period.from)) / 86_400_000) + 1;
  const previous = { from: addDays(period.from, -days), to: addDays(period.from, -1) };
  return { range, period, previous, connectionId: q.connection, emotion: q.emotion, problem };
}
