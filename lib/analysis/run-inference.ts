import type { Db } from "@/db/client";
import { redactPii } from "@/lib/security/pii";
import { withTenant } from "@/lib/tenancy/with-tenant";
import { estimateCostUsd } from "./cost";
import { sha256 } from "./prompt-template";
import { analysisProviderFor } from "./providers/resolve";
import type { AnalysisRequest } from "./providers/types";
import * as q from "./queries";
import type { InferenceTask } from "./plan";

/** What a step returns: small and JSON-safe, since it is memoised in the run's state. */
export type InferenceSummary = { inferenceId: string; promptVersionId: string; provider: string; model: string; reused: boolean };

/**
 * One model call recorded as one inference row. The row is looked up first and written with ON CONFLICT, so a
 * retried step neither pays for a second call that already succeeded nor writes a second row.
 */
export async function runInference(db: Db, tenantId: string, messageId: string, task: InferenceTask): Promise<InferenceSummary> {
  const existing = await withTenant(tenantId, (tx) => q.findInference(tx, tenantId, messageId, task.promptVersionId, task.runKey), db);
  if (existing) return summary(existing, true);

  const { request, version } = await withTenant(
    tenantId,
    async (tx) => {
      const message = await q.findMessageForAnalysis(tx, tenantId, messageId);
      if (!message?.text) throw new Error(`message ${messageId} has no text to analyse`);
      const version = await q.findPromptVersionById(tx, task.promptVersionId);
      if (!version) throw new Error(`prompt version ${task.promptVersionId} not found`);
      const context = await q.findContext(tx, tenantId, message.chatId, message.sentAt);
      // Models and their logs only ever see redacted text, whatever the tenant chose to store.
      const request: AnalysisRequest = {
        tenantId,
        messageId,
        chatId: message.chatId,
        sender: message.senderName,
        text: redactPii(message.text).text,
        context: context.map((c) => ({ fromMe: c.fromMe, text: redactPii(c.text).text })),
        prompt: { key: version.key, body: version.body, params: version.params },
      };
      return { request, version };
    },
    db,
  );

  const provider = analysisProviderFor(version);
  const result = await provider.analyze(request);
  const row = await withTenant(
    tenantId,
    (tx) =>
      q.insertInferenceOnce(tx, {
        tenantId,
        messageId,
        promptVersionId: version.id,
        experimentId: task.experimentId,
        provider: result.provider,
        model: result.model,
        templateHash: sha256(version.body),
        runKey: task.runKey,
        isShadow: task.isShadow,
        latencyMs: Math.max(0, Math.round(result.latencyMs)),
        inputTokens: result.inputTokens,
        outputTokens: result.outputTokens,
        costUsd: costString(estimateCostUsd(result.provider, result.model, result.inputTokens, result.outputTokens)),
        sentiment: result.output.sentiment,
        emotion: result.output.emotion,
        satisfaction: result.output.satisfaction,
        tone: result.output.tone,
        summary: result.output.summary,
        confidence: result.output.confidence,
        rationale: result.output.rationale,
        language: result.output.language ?? null,
        repaired: result.repaired,
      }),
    db,
  );
  return summary(row, false);
}

function costString(cost: number | null): string | null {
  return cost === null ? null : cost.toFixed(8);
}

function summary(row: q.InferenceRow, reused: boolean): InferenceSummary {
  return { inferenceId: row.id, promptVersionId: row.promptVersionId, provider: row.provider, model: row.model, reused };
}
