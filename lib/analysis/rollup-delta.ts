import { latencyBucket, polarityOf, satisfactionBucket } from "./polarity";
import type { ChatDelta, RollupDelta } from "./queries";

export type Scores = { sentiment: number; satisfaction: number; emotion: string; tone: string };

function counts(key: string, n: number): Record<string, number> {
  return { [key]: n };
}

function merge(a: Record<string, number>, b: Record<string, number>): Record<string, number> {
  const out = { ...a };
  for (const [k, v] of Object.entries(b)) out[k] = (out[k] ?? 0) + v;
  return out;
}

/** A message's contribution to the daily rollup, with sign +1 (add) or −1 (remove scores it replaced). */
function contribution(s: Scores, sign: 1 | -1): RollupDelta {
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
    latencyBuckets: {},
  };
}

/**
 * What the rollups move by when `next` replaces `previous` (null on a first analysis): exactly the difference,
 * so a re-analysis never counts a message twice. First analyses also record their latency.
 */
export function rollupDelta(next: Scores, previous: Scores | null, latencyMs: number): { daily: RollupDelta; chat: ChatDelta } {
  const add = contribution(next, 1);
  if (!previous) {
    add.latencyBuckets = { [latencyBucket(latencyMs)]: 1 };
    return { daily: add, chat: { count: 1, negative: add.negative, sentimentSum: add.sentimentSum, satisfactionSum: add.satisfactionSum } };
  }
  const sub = contribution(previous, -1);
  const daily: RollupDelta = {
    analyzed: 0,
    positive: add.positive + sub.positive,
    neutral: add.neutral + sub.neutral,
    negative: add.negative + sub.negative,
    sentimentSum: add.sentimentSum + sub.sentimentSum,
    satisfactionSum: add.satisfactionSum + sub.satisfactionSum,
    satisfactionCount: 0,
    emotions: merge(add.emotions, sub.emotions),
    tones: merge(add.tones, sub.tones),
    satisfactionBuckets: merge(add.satisfactionBuckets, sub.satisfactionBuckets),
    latencyBuckets: {},
  };
  return { daily, chat: { count: 0, negative: daily.negative, sentimentSum: daily.sentimentSum, satisfactionSum: daily.satisfactionSum } };
}

/** What a message takes out of the rollups when it leaves the KPIs (deleted after it was analysed). */
export function rollupWithdrawal(previous: Scores): { daily: RollupDelta; chat: ChatDelta } {
  const daily = contribution(previous, -1);
  return { daily, chat: { count: -1, negative: daily.negative, sentimentSum: daily.sentimentSum, satisfactionSum: daily.satisfactionSum } };
}
