import { latencyBucket, polarityOf, satisfactionBucket } from "./polarity";
import type { ChatDelta, KeyedRollupDelta, RollupDelta } from "./queries";

export type Scores = { sentiment: number; satisfaction: number; emotion: string; tone: string };

function counts(key: string, n: number): Record<string, number> {
  return { [key]: n };
}

function merge(a: Record<string, number>, b: Record<string, number>): Record<string, number> {
  const out = { ...a };
  for (const [k, v] of Object.entries(b)) out[k] = (out[k] ?? 0) + v;
  return out;
}

/** A message's contribution to its emotion's daily rollup row, with sign +1 (add) or −1 (take out). */
function contribution(s: Scores, sign: 1 | -1, latencyMs: number | null): RollupDelta {
  const polarity = polarityOf(s.sentiment);
  return {
    analyzed: sign,
    positive: polarity === "positive" ? sign : 0,
    neutral: polarity === "neutral" ? sign : 0,
    negative: polarity === "negative" ? sign : 0,
    sentimentSum: sign * s.sentiment,
    satisfactionSum: sign * s.satisfaction,
    satisfactionCount: sign,
    emotions: counts(s.emotion, sign),
    tones: counts(s.tone, sign),
    satisfactionBuckets: counts(satisfactionBucket(s.satisfaction), sign),
    latencyBuckets: latencyMs === null ? {} : counts(latencyBucket(latencyMs), sign),
  };
}

function sum(a: RollupDelta, b: RollupDelta): RollupDelta {
  return {
    analyzed: a.analyzed + b.analyzed,
    positive: a.positive + b.positive,
    neutral: a.neutral + b.neutral,
    negative: a.negative + b.negative,
    sentimentSum: a.sentimentSum + b.sentimentSum,
    satisfactionSum: a.satisfactionSum + b.satisfactionSum,
    satisfactionCount: a.satisfactionCount + b.satisfactionCount,
    emotions: merge(a.emotions, b.emotions),
    tones: merge(a.tones, b.tones),
    satisfactionBuckets: merge(a.satisfactionBuckets, b.satisfactionBuckets),
    latencyBuckets: merge(a.latencyBuckets, b.latencyBuckets),
  };
}

export type PreviousScores = Scores & { latencyMs: number | null };

/**
 * What the rollups move by when `next` replaces `previous` (null on a first analysis): exactly the difference,
 * so a re-analysis never counts a message twice. The latency is acceptance to this analysis, as a rebuild reads
 * it from the row.
 */
export function rollupDelta(
  next: Scores,
  previous: PreviousScores | null,
  latencyMs: number,
): { daily: KeyedRollupDelta[]; chat: ChatDelta } {
  const add = contribution(next, 1, latencyMs);
  if (!previous) {
    return {
      daily: [{ emotion: next.emotion, delta: add }],
      chat: { count: 1, negative: add.negative, sentimentSum: add.sentimentSum, satisfactionSum: add.satisfactionSum },
    };
  }
  const sub = contribution(previous, -1, previous.latencyMs);
  const net = sum(add, sub);
  const daily =
    previous.emotion === next.emotion
      ? [{ emotion: next.emotion, delta: net }]
      : [
          { emotion: previous.emotion, delta: sub },
          { emotion: next.emotion, delta: add },
        ];
  return {
    daily,
    chat: { count: 0, negative: net.negative, sentimentSum: net.sentimentSum, satisfactionSum: net.satisfactionSum },
  };
}

/** What a message takes out of the rollups when it leaves the KPIs (deleted after it was analysed). */
export function rollupWithdrawal(previous: PreviousScores): { daily: KeyedRollupDelta[]; chat: ChatDelta } {
  const daily = contribution(previous, -1, previous.latencyMs);
  return {
    daily: [{ emotion: previous.emotion, delta: daily }],
    chat: {
      count: -1,
      negative: daily.negative,
      sentimentSum: daily.sentimentSum,
      satisfactionSum: daily.satisfactionSum,
    },
  };
}

/** Acceptance to analysis, as the rollups bucket it; null when the row was never analysed. */
export function analysisLatencyMs(row: { createdAt: Date; analyzedAt: Date | null }): number | null {
  return row.analyzedAt ? row.analyzedAt.getTime() - row.createdAt.getTime() : null;
}
