import type { Db } from "@/db/client";
import { withTenant } from "@/lib/tenancy/with-tenant";
import { latencyBucket, polarityOf, satisfactionBucket } from "./polarity";
import * as q from "./queries";

type Scores = { sentiment: number; satisfaction: number; emotion: string; tone: string };

function counts(key: string | null | undefined, n: number): Record<string, number> {
  return key ? { [key]: n } : {};
}

function merge(a: Record<string, number>, b: Record<string, number>): Record<string, number> {
  const out = { ...a };
  for (const [k, v] of Object.entries(b)) out[k] = (out[k] ?? 0) + v;
  return out;
}

/** A message's contribution to the rollups, with sign +1 (add) or −1 (remove the scores it replaced). */
function contribution(s: Scores, sign: 1 | -1): q.RollupDelta {
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

function add(a: q.RollupDelta, b: q.RollupDelta): q.RollupDelta {
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

export type ApplyResult = { applied: boolean; chatId: string | null };

/**
 * Makes an inference the message's scores and moves the chat and daily rollups by exactly the difference, in one
 * transaction with the message row locked: applying the same inference twice changes nothing, and a re-analysis
 * replaces the old contribution instead of adding a second one.
 */
export async function applyInference(db: Db, tenantId: string, messageId: string, inferenceId: string, now = new Date()): Promise<ApplyResult> {
  return withTenant(
    tenantId,
    async (tx) => {
      const current = await q.lockMessage(tx, tenantId, messageId);
      if (!current || current.inferenceId === inferenceId) return { applied: false, chatId: null };
      const message = await q.findMessageForAnalysis(tx, tenantId, messageId);
      const inference = await q.findInferenceById(tx, tenantId, inferenceId);
      if (!message || !inference || inference.sentiment === null || inference.satisfaction === null) {
        throw new Error(`inference ${inferenceId} cannot be applied to message ${messageId}`);
      }
      const next: Scores = {
        sentiment: inference.sentiment,
        satisfaction: inference.satisfaction,
        emotion: inference.emotion ?? "neutral",
        tone: inference.tone ?? "neutral",
      };
      await q.writeMessageScores(tx, tenantId, messageId, {
        sentiment: next.sentiment,
        satisfaction: next.satisfaction,
        emotion: next.emotion as never,
        tone: next.tone as never,
        summary: inference.summary ?? "",
        confidence: inference.confidence ?? 0,
        rationale: inference.rationale ?? "",
        language: inference.language ?? undefined,
        inferenceId,
        promptVersionId: inference.promptVersionId,
        analyzedAt: now,
      });
      // A deleted message is out of every KPI: its scores are kept on the row but never counted.
      if (current.deletedAt) return { applied: true, chatId: message.chatId };

      const previous: Scores | null =
        current.analysisStatus === "done" && current.sentiment !== null && current.satisfaction !== null
          ? { sentiment: current.sentiment, satisfaction: current.satisfaction, emotion: current.emotion ?? "neutral", tone: current.tone ?? "neutral" }
          : null;
      let delta = contribution(next, 1);
      if (previous) delta = add(delta, contribution(previous, -1));
      else delta.latencyBuckets = { [latencyBucket(now.getTime() - message.createdAt.getTime())]: 1 };

      const negative = (polarityOf(next.sentiment) === "negative" ? 1 : 0) - (previous && polarityOf(previous.sentiment) === "negative" ? 1 : 0);
      await q.applyChatDelta(tx, tenantId, message.chatId, message.sentAt, next.sentiment, {
        count: previous ? 0 : 1,
        negative,
        sentimentSum: delta.sentimentSum,
        satisfactionSum: delta.satisfactionSum,
      });
      await q.applyRollupDelta(tx, tenantId, message.connectionId, message.sentAt, message.timezone, delta);
      return { applied: true, chatId: message.chatId };
    },
    db,
  );
}
