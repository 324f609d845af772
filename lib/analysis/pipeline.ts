import type { Database, Tx } from "@/db/client";
import { announceTenantEvent } from "@/lib/realtime/bus";
import { withTenant } from "@/lib/tenancy/with-tenant";
import { redactedContextText, redactMessageText } from "./context-redaction";
import { estimateCostUsd } from "./cost";
import { planAnalysis, skipReason, type InferenceTask, type PlanOptions } from "./plan";
import { sha256 } from "./prompt-template";
import { analysisProviderFor, embeddingProvider } from "./providers/resolve";
import type { AnalysisRequest, AnalysisResult } from "./providers/types";
import * as q from "./queries";
import { refreshChatDay } from "@/lib/rollups/chat-days";
import { analysisLatencyMs, rollupDelta, type PreviousScores, type Scores } from "./rollup-delta";

export type AnalysisOutcome =
  | { skipped: string }
  | {
      skipped: null;
      inferenceId: string;
      provider: string;
      model: string;
      reused: boolean;
      applied: boolean;
      embeddingModel: string | null;
      shadowError: string | null;
    };

type Prepared = {
  message: q.AnalysisSubject;
  tasks: { task: InferenceTask; version: q.PromptVersionRow; existing: q.InferenceRow | null }[];
  request: Omit<AnalysisRequest, "prompt">;
};

/**
 * The reads, sent as one batch: the message, the running experiment, candidate prompt
 * versions, inferences already paid for (under either run key the plan may use), and the chat context.
 */
async function prepare(
  tx: Tx,
  tenantId: string,
  messageId: string,
  opts: PlanOptions,
): Promise<Prepared | { skip: string }> {
  const runKey = opts.runKey ?? "analysis";
  const [message, experiment, versions, existing, context] = await Promise.all([
    q.findMessageForAnalysis(tx, tenantId, messageId),
    opts.promptVersionId ? null : q.findRunningExperiment(tx, tenantId),
    q.findCandidatePromptVersions(tx, tenantId, opts.promptVersionId ?? null),
    q.findInferencesByRunKeys(tx, tenantId, messageId, [runKey, `${runKey}:shadow`]),
    q.findContext(tx, tenantId, messageId),
  ]);
  if (!message) return { skip: "message not found" };
  const reason = skipReason(message, Boolean(opts.runKey));
  if (reason) return { skip: reason };
  const plan = planAnalysis(messageId, opts, experiment, versions.find((v) => v.isDefault)?.id ?? null);
  const wanted = plan.shadow ? [plan.primary, plan.shadow] : [plan.primary];
  const tasks = wanted.map((task) => {
    const version = versions.find((v) => v.id === task.promptVersionId);
    if (!version) throw new Error(`prompt version ${task.promptVersionId} not found`);
    const done = existing.find((i) => i.runKey === task.runKey && i.promptVersionId === task.promptVersionId) ?? null;
    return { task, version, existing: done };
  });
  // Models and their logs only ever see redacted text, whatever the tenant chose to store.
  const request = {
    tenantId,
    messageId,
    chatId: message.chatId,
    sender: message.senderName,
    text: redactMessageText(messageId, message.text!),
    context: context.map((c) => ({ fromMe: c.fromMe, text: redactedContextText(c.id, c.text) })),
  };
  return { message, tasks, request };
}

function inferenceValues(
  tenantId: string,
  messageId: string,
  task: InferenceTask,
  version: q.PromptVersionRow,
  r: AnalysisResult,
) {
  return {
    tenantId,
    messageId,
    promptVersionId: version.id,
    experimentId: task.experimentId,
    provider: r.provider,
    model: r.model,
    templateHash: sha256(version.body),
    runKey: task.runKey,
    isShadow: task.isShadow,
    latencyMs: Math.max(0, Math.round(r.latencyMs)),
    inputTokens: r.inputTokens,
    outputTokens: r.outputTokens,
    costUsd: (() => {
      const cost = estimateCostUsd(r.provider, r.model, r.inputTokens, r.outputTokens);
      return cost === null ? null : cost.toFixed(8);
    })(),
    ...r.output,
    language: r.output.language ?? null,
    repaired: r.repaired,
  };
}

type Locked = NonNullable<Awaited<ReturnType<typeof q.lockMessage>>>;

/**
 * Makes the inference the message's scores and moves chat and daily rollups by the difference; with the row
 * locked by the caller, applying the same inference twice changes nothing. The three writes go as one batch.
 */
async function apply(
  tx: Tx,
  tenantId: string,
  messageId: string,
  current: Locked,
  timezone: string,
  inference: q.InferenceRow,
  embedding: { vector: number[]; model: string } | null,
  now: Date,
): Promise<boolean> {
  if (current.inferenceId === inference.id) {
    if (embedding) await q.storeEmbedding(tx, tenantId, messageId, embedding.vector, embedding.model);
    return false;
  }
  const next: Scores = {
    sentiment: inference.sentiment!,
    satisfaction: inference.satisfaction!,
    emotion: inference.emotion ?? "neutral",
    tone: inference.tone ?? "neutral",
  };
  const scores = q.writeMessageScores(
    tx,
    tenantId,
    messageId,
    {
      sentiment: next.sentiment,
      satisfaction: next.satisfaction,
      emotion: next.emotion as never,
      tone: next.tone as never,
      summary: inference.summary ?? "",
      confidence: inference.confidence ?? 0,
      rationale: inference.rationale ?? "",
      language: inference.language ?? undefined,
      inferenceId: inference.id,
      promptVersionId: inference.promptVersionId,
      analyzedAt: now,
    },
    embedding,
  );
  // A deleted message keeps its scores on the row but is out of every KPI.
  if (current.deletedAt) {
    await scores;
    return true;
  }
  const previous: PreviousScores | null =
    current.analysisStatus === "done" && current.sentiment !== null && current.satisfaction !== null
      ? {
          sentiment: current.sentiment,
          satisfaction: current.satisfaction,
          emotion: current.emotion ?? "neutral",
          tone: current.tone ?? "neutral",
          latencyMs: analysisLatencyMs(current),
        }
      : null;
  const delta = rollupDelta(next, previous, now.getTime() - current.createdAt.getTime());
  await Promise.all([
    scores,
    q.applyChatDelta(tx, tenantId, current.chatId, current.sentAt, next.sentiment, delta.chat),
    ...delta.daily.map((d) => q.applyRollupDelta(tx, tenantId, current.connectionId, current.sentAt, timezone, d)),
  ]);
  // After the scores: the chat's emotions of that day are read back from its messages.
  await refreshChatDay(tx, current.chatId, current.sentAt, timezone);
  return true;
}

type ModelResults = {
  primary: AnalysisResult | null;
  shadow: AnalysisResult | null;
  shadowError: string | null;
  embedding: { vector: number[]; model: string } | null;
};

/** The model calls: the champion (unless already paid for), the shadow challenger, and the embedding. */
async function runModels({ message, tasks, request }: Prepared): Promise<ModelResults> {
  const [primary, shadow] = tasks;
  const call = (t: NonNullable<typeof primary>) =>
    analysisProviderFor(t.version).analyze({
      ...request,
      prompt: { key: t.version.key, body: t.version.body, params: t.version.params },
    });
  const primaryResult = primary!.existing ? null : await call(primary!);
  let shadowResult: AnalysisResult | null = null;
  let shadowError: string | null = null;
  if (shadow && !shadow.existing) {
    // A failing challenger must not cost the customer's message its champion analysis.
    shadowResult = await call(shadow).catch((e: Error) => {
      shadowError = e.message;
      return null;
    });
  }
  const embedder = embeddingProvider();
  let embedding: ModelResults["embedding"] = null;
  if (message.embeddingModel !== embedder.model) {
    const [vector] = await embedder.embed([request.text]);
    // An all-zero vector (no features) is not stored: cosine distance to it is undefined.
    if (vector && vector.some((v) => v !== 0)) embedding = { vector, model: embedder.model };
  }
  return { primary: primaryResult, shadow: shadowResult, shadowError, embedding };
}

/** Nothing in this analysis leaves the process: reading, scoring and writing may share one transaction. */
function inProcess({ tasks, message }: Prepared): boolean {
  const embedder = embeddingProvider();
  const models = tasks.every((t) => t.existing || analysisProviderFor(t.version).inProcess);
  return models && (embedder.inProcess || message.embeddingModel === embedder.model);
}

async function write(
  tx: Tx,
  tenantId: string,
  messageId: string,
  prepared: Prepared,
  results: ModelResults,
  now: Date,
) {
  const [primary, shadow] = prepared.tasks;
  // Inserts and the row lock are independent: one batch.
  const [row, , current] = await Promise.all([
    primary!.existing ??
      q.insertInferenceOnce(
        tx,
        inferenceValues(tenantId, messageId, primary!.task, primary!.version, results.primary!),
      ),
    shadow && results.shadow
      ? q.insertInferenceOnce(tx, inferenceValues(tenantId, messageId, shadow.task, shadow.version, results.shadow))
      : null,
    q.lockMessage(tx, tenantId, messageId),
  ]);
  if (!current) return { row, applied: false, chatId: null };
  const applied = await apply(tx, tenantId, messageId, current, prepared.message.timezone, row, results.embedding, now);
  return { row, applied, chatId: current.chatId };
}

/**
 * The whole analysis of one message. Remote models are called outside any transaction, between a read and a write
 * transaction; the in-process local model runs inside a single one. Every part is idempotent, so a retry after a
 * crash at any point neither pays for a model call twice (inferences are looked up by run key first) nor counts
 * twice (the same inference applied again changes nothing).
 */
export async function analyzeMessage(
  database: Database,
  tenantId: string,
  messageId: string,
  opts: PlanOptions = {},
  now = () => new Date(),
): Promise<AnalysisOutcome> {
  type Written = Awaited<ReturnType<typeof write>>;
  const first = await withTenant(
    tenantId,
    async (tx): Promise<{ skip: string } | { prepared: Prepared; results?: ModelResults; written?: Written }> => {
      const prepared = await prepare(tx, tenantId, messageId, opts);
      if ("skip" in prepared) return prepared;
      if (!inProcess(prepared)) return { prepared };
      const results = await runModels(prepared);
      return { prepared, results, written: await write(tx, tenantId, messageId, prepared, results, now()) };
    },
    database.db,
  );
  if ("skip" in first) return { skipped: first.skip };
  const { prepared } = first;
  const results = first.results ?? (await runModels(prepared));
  const written =
    first.written ??
    (await withTenant(tenantId, (tx) => write(tx, tenantId, messageId, prepared, results, now()), database.db));
  // Announced once committed: live views never show scores that were rolled back.
  if (written.applied && written.chatId)
    announceTenantEvent(database, tenantId, { type: "message.analyzed", messageId, chatId: written.chatId });
  return {
    skipped: null,
    inferenceId: written.row.id,
    provider: written.row.provider,
    model: written.row.model,
    reused: Boolean(prepared.tasks[0]!.existing),
    applied: written.applied,
    embeddingModel: results.embedding?.model ?? prepared.message.embeddingModel,
    shadowError: results.shadowError,
  };
}
