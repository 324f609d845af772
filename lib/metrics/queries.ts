import { and, eq, gte, lte } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { dailyRollups } from "@/db/schema";
import { latencyBucketUpperMs } from "@/lib/analysis/polarity";
import { locateQuantile } from "@/lib/rollups/histogram";
import { medianFromBuckets } from "@/lib/rollups/response-times";

export type DailyPoint = { day: string; received: number; sent: number; analyzed: number; avgSentiment: number | null };

export type TenantMetrics = {
  from: string;
  to: string;
  /** Under an emotion filter every figure counts the customer messages analysed with that emotion. */
  emotion: string | null;
  messagesReceived: number;
  /** Null under an emotion filter: the business's own messages carry no emotion. */
  messagesSent: number | null;
  analyzed: number;
  positive: number;
  neutral: number;
  negative: number;
  avgSentiment: number | null;
  pctPositive: number | null;
  pctNegative: number | null;
  avgSatisfaction: number | null;
  /** Upper bound of the half-octave bucket holding the 95th percentile of acceptance-to-analysis time. */
  p95AnalysisLatencyMs: number | null;
  /**
   * Median time from the first message of a customer turn to the business reply that ends it, over the replies
   * sent in the period, interpolated from rollup buckets; null under an emotion filter.
   */
  medianFirstResponseSeconds: number | null;
  emotions: Record<string, number>;
  tones: Record<string, number>;
  satisfactionDistribution: Record<string, number>;
  daily: DailyPoint[];
  byConnection: Record<string, { received: number; sent: number; analyzed: number; avgSentiment: number | null }>;
  /** Customer messages by weekday (0 = Sunday) and local hour. */
  heatmap: number[][];
};

function addCounts(into: Record<string, number>, from: Record<string, number>) {
  for (const [k, v] of Object.entries(from)) into[k] = (into[k] ?? 0) + v;
}

/** The upper bound of the half-octave bucket that holds the quantile: latency is reported as "at most". */
function percentileFromBuckets(buckets: Record<string, number>, p: number): number | null {
  const at = locateQuantile(buckets, p);
  return at ? Math.round(latencyBucketUpperMs(at.bucket)) : null;
}

const ratio = (a: number, b: number) => (b === 0 ? null : a / b);

/**
 * The tenant's KPIs for a period of local days, read from the daily rollups (never by scanning messages): the
 * same numbers for the dashboard cards and the metrics API.
 */
export async function getTenantMetrics(
  tx: DbOrTx,
  tenantId: string,
  period: { from: string; to: string; connectionId?: string; emotion?: string },
): Promise<TenantMetrics> {
  const emotion = period.emotion ?? null;
  const rows = await tx
    .select()
    .from(dailyRollups)
    .where(
      and(
        eq(dailyRollups.tenantId, tenantId),
        gte(dailyRollups.day, period.from),
        lte(dailyRollups.day, period.to),
        period.connectionId ? eq(dailyRollups.connectionId, period.connectionId) : undefined,
        emotion ? eq(dailyRollups.emotion, emotion) : undefined,
      ),
    );
  const byDay = new Map<string, DailyPoint & { sentimentSum: number }>();
  const emotions: Record<string, number> = {};
  const tones: Record<string, number> = {};
  const satisfactionDistribution: Record<string, number> = {};
  const latency: Record<string, number> = {};
  const responses: Record<string, number> = {};
  const heatmap = Array.from({ length: 7 }, () => new Array<number>(24).fill(0));
  const connectionSums = new Map<string, { received: number; sent: number; analyzed: number; sentimentSum: number }>();
  let received = 0,
    sent = 0,
    analyzed = 0,
    positive = 0,
    neutral = 0,
    negative = 0,
    sentimentSum = 0,
    satisfactionSum = 0,
    satisfactionCount = 0;
  for (const r of rows) {
    // Unfiltered, volume and hours come from the '' rows; filtered, the emotion's scored messages are the volume.
    const volumeIn = emotion ? r.analyzed : r.messagesIn;
    const countsHours = emotion ? true : r.emotion === "";
    received += volumeIn;
    sent += r.messagesOut;
    analyzed += r.analyzed;
    positive += r.positive;
    neutral += r.neutral;
    negative += r.negative;
    sentimentSum += r.sentimentSum;
    satisfactionSum += r.satisfactionSum;
    satisfactionCount += r.satisfactionCount;
    addCounts(emotions, r.emotions);
    addCounts(tones, r.tones);
    addCounts(satisfactionDistribution, r.satisfactionBuckets);
    addCounts(latency, r.latencyBuckets);
    addCounts(responses, r.responseBuckets);
    const weekday = new Date(`${r.day}T12:00:00Z`).getUTCDay();
    if (countsHours) for (const [hour, count] of Object.entries(r.hours)) heatmap[weekday]![Number(hour)]! += count;
    const c = connectionSums.get(r.connectionId) ?? { received: 0, sent: 0, analyzed: 0, sentimentSum: 0 };
    c.received += volumeIn;
    c.sent += r.messagesOut;
    c.analyzed += r.analyzed;
    c.sentimentSum += r.sentimentSum;
    connectionSums.set(r.connectionId, c);
    const d = byDay.get(r.day) ?? {
      day: r.day,
      received: 0,
      sent: 0,
      analyzed: 0,
      avgSentiment: null,
      sentimentSum: 0,
    };
    d.received += volumeIn;
    d.sent += r.messagesOut;
    d.analyzed += r.analyzed;
    d.sentimentSum += r.sentimentSum;
    byDay.set(r.day, d);
  }
  const daily = [...byDay.values()]
    .sort((a, b) => a.day.localeCompare(b.day))
    .map(({ sentimentSum: s, ...d }) => ({ ...d, avgSentiment: d.analyzed ? s / d.analyzed : null }));
  return {
    from: period.from,
    to: period.to,
    emotion,
    messagesReceived: received,
    messagesSent: emotion ? null : sent,
    analyzed,
    positive,
    neutral,
    negative,
    avgSentiment: ratio(sentimentSum, analyzed),
    pctPositive: ratio(positive * 100, analyzed),
    pctNegative: ratio(negative * 100, analyzed),
    avgSatisfaction: ratio(satisfactionSum, satisfactionCount),
    p95AnalysisLatencyMs: percentileFromBuckets(latency, 0.95),
    medianFirstResponseSeconds: emotion ? null : medianFromBuckets(responses),
    emotions,
    tones,
    satisfactionDistribution,
    daily,
    heatmap,
    byConnection: Object.fromEntries(
      [...connectionSums].map(([id, c]) => [
        id,
        { received: c.received, sent: c.sent, analyzed: c.analyzed, avgSentiment: ratio(c.sentimentSum, c.analyzed) },
      ]),
    ),
  };
}
