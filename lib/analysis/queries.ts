import { and, asc, desc, eq, inArray, isNull, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { rowsOf } from "@/db/rows";
import { chats, connections, experiments, inferences, messages, promptVersions, tenants } from "@/db/schema";
import { ROLLUP_SCORE_COUNTERS, ROLLUP_SCORE_HISTOGRAMS } from "@/lib/scores/rollups";
import type { AnalysisOutput } from "./schema";

export type PromptVersionRow = typeof promptVersions.$inferSelect;
export type InferenceRow = typeof inferences.$inferSelect;

export async function findMessageForAnalysis(tx: DbOrTx, tenantId: string, messageId: string) {
  const [row] = await tx
    .select({
      id: messages.id,
      tenantId: messages.tenantId,
      connectionId: messages.connectionId,
      chatId: messages.chatId,
      fromMe: messages.fromMe,
      text: messages.text,
      type: messages.type,
      senderName: messages.senderName,
      sentAt: messages.sentAt,
      createdAt: messages.createdAt,
      deletedAt: messages.deletedAt,
      analysisStatus: messages.analysisStatus,
      inferenceId: messages.inferenceId,
      embeddingModel: messages.embeddingModel,
      timezone: tenants.timezone,
      tenantStatus: tenants.status,
    })
    .from(messages)
    .innerJoin(tenants, eq(tenants.id, messages.tenantId))
    .where(and(eq(messages.tenantId, tenantId), eq(messages.id, messageId)))
    .limit(1);
  return row ?? null;
}

export type AnalysisSubject = NonNullable<Awaited<ReturnType<typeof findMessageForAnalysis>>>;

/**
 * The chat's last `limit` texts before the message, oldest first: what a human reader would have seen. Located
 * through the message id, so it can be sent in the same batch as the message's own row.
 */
export async function findContext(tx: DbOrTx, tenantId: string, messageId: string, limit = 10) {
  const self = (column: string) =>
    sql
      .raw(`(select m.${column} from messages m where m.id = `)
      .append(sql`${messageId} and m.tenant_id = ${tenantId})`);
  const rows = await tx
    .select({ id: messages.id, fromMe: messages.fromMe, text: messages.text })
    .from(messages)
    .where(
      and(
        eq(messages.tenantId, tenantId),
        sql`${messages.chatId} = ${self("chat_id")}`,
        sql`${messages.sentAt} < ${self("sent_at")}`,
        isNull(messages.deletedAt),
        sql`${messages.text} is not null`,
      ),
    )
    .orderBy(desc(messages.sentAt))
    .limit(limit);
  return rows.reverse().map((r) => ({ id: r.id, fromMe: r.fromMe, text: r.text ?? "" }));
}

/** Every version a plan for this message could name: an explicit one, or the running experiment's two. */
export async function findCandidatePromptVersions(tx: DbOrTx, tenantId: string, explicitId: string | null) {
  return tx
    .select()
    .from(promptVersions)
    .where(
      explicitId
        ? eq(promptVersions.id, explicitId)
        : sql`${promptVersions.id} in (select unnest(array[e.champion_id, e.challenger_id]) from experiments e where e.tenant_id = ${tenantId} and e.status = 'running')
              or ${promptVersions.isDefault}`,
    );
}

export async function findDefaultPromptVersion(db: DbOrTx) {
  const [row] = await db
    .select()
    .from(promptVersions)
    .where(eq(promptVersions.isDefault, true))
    .orderBy(asc(promptVersions.createdAt))
    .limit(1);
  return row ?? null;
}

export async function findPromptVersionById(db: DbOrTx, id: string) {
  const [row] = await db.select().from(promptVersions).where(eq(promptVersions.id, id)).limit(1);
  return row ?? null;
}

export async function findRunningExperiment(tx: DbOrTx, tenantId: string) {
  const [row] = await tx
    .select()
    .from(experiments)
    .where(and(eq(experiments.tenantId, tenantId), eq(experiments.status, "running")))
    .orderBy(desc(experiments.createdAt))
    .limit(1);
  return row ?? null;
}

export async function findInference(
  tx: DbOrTx,
  tenantId: string,
  messageId: string,
  promptVersionId: string,
  runKey: string,
) {
  const [row] = await tx
    .select()
    .from(inferences)
    .where(
      and(
        eq(inferences.tenantId, tenantId),
        eq(inferences.messageId, messageId),
        eq(inferences.promptVersionId, promptVersionId),
        eq(inferences.runKey, runKey),
      ),
    )
    .limit(1);
  return row ?? null;
}

/** At most one row per (message, prompt version, run key): a retried step reads back the row it wrote. */
export async function insertInferenceOnce(tx: DbOrTx, values: typeof inferences.$inferInsert): Promise<InferenceRow> {
  const [row] = await tx.insert(inferences).values(values).onConflictDoNothing().returning();
  if (row) return row;
  const existing = await findInference(tx, values.tenantId, values.messageId, values.promptVersionId, values.runKey);
  if (!existing) throw new Error("inference conflict without a row");
  return existing;
}

/** The message row locked for the rest of the transaction: concurrent applications of one message serialise. */
export async function lockMessage(tx: DbOrTx, tenantId: string, messageId: string) {
  const [row] = await tx
    .select({
      inferenceId: messages.inferenceId,
      analysisStatus: messages.analysisStatus,
      sentiment: messages.sentiment,
      satisfaction: messages.satisfaction,
      emotion: messages.emotion,
      tone: messages.tone,
      deletedAt: messages.deletedAt,
      chatId: messages.chatId,
      connectionId: messages.connectionId,
      sentAt: messages.sentAt,
      createdAt: messages.createdAt,
      analyzedAt: messages.analyzedAt,
      embeddingModel: messages.embeddingModel,
    })
    .from(messages)
    .where(and(eq(messages.tenantId, tenantId), eq(messages.id, messageId)))
    .for("update");
  return row ?? null;
}

export async function findPromptVersionsByIds(tx: DbOrTx, ids: string[]) {
  if (ids.length === 0) return [];
  return tx.select().from(promptVersions).where(inArray(promptVersions.id, ids));
}

/** Inferences already written for this message under these run keys: a retry reuses them instead of paying again. */
export async function findInferencesByRunKeys(tx: DbOrTx, tenantId: string, messageId: string, runKeys: string[]) {
  return tx
    .select()
    .from(inferences)
    .where(
      and(eq(inferences.tenantId, tenantId), eq(inferences.messageId, messageId), inArray(inferences.runKey, runKeys)),
    );
}

export async function writeMessageScores(
  tx: DbOrTx,
  tenantId: string,
  messageId: string,
  scores: AnalysisOutput & { inferenceId: string; promptVersionId: string; analyzedAt: Date },
  embedding: { vector: number[]; model: string } | null,
) {
  await tx
    .update(messages)
    .set({
      ...(embedding ? { embedding: embedding.vector, embeddingModel: embedding.model } : {}),
      analysisStatus: "done",
      analysisError: null,
      sentiment: scores.sentiment,
      emotion: scores.emotion,
      satisfaction: scores.satisfaction,
      tone: scores.tone,
      summary: scores.summary,
      confidence: scores.confidence,
      rationale: scores.rationale,
      language: scores.language ?? null,
      inferenceId: scores.inferenceId,
      promptVersionId: scores.promptVersionId,
      analyzedAt: scores.analyzedAt,
    })
    .where(and(eq(messages.tenantId, tenantId), eq(messages.id, messageId)));
}

/**
 * Adds a message's contribution to its chat; first/last follow the message's own time, whatever the arrival order.
 * A withdrawal (sentiment null) leaves first/last alone.
 */
export async function applyChatDelta(
  tx: DbOrTx,
  tenantId: string,
  chatId: string,
  sentAt: Date,
  sentiment: number | null,
  d: ChatDelta,
) {
  const at = sentAt.toISOString();
  await tx
    .update(chats)
    .set({
      analyzedCount: sql`${chats.analyzedCount} + ${d.count}`,
      negativeCount: sql`${chats.negativeCount} + ${d.negative}`,
      sentimentSum: sql`${chats.sentimentSum} + ${d.sentimentSum}`,
      satisfactionSum: sql`${chats.satisfactionSum} + ${d.satisfactionSum}`,
      ...(sentiment === null
        ? {}
        : {
            firstSentiment: sql`case when ${chats.firstSentimentAt} is null or ${at}::timestamptz <= ${chats.firstSentimentAt} then ${sentiment}::real else ${chats.firstSentiment} end`,
            firstSentimentAt: sql`least(${chats.firstSentimentAt}, ${at}::timestamptz)`,
            lastSentiment: sql`case when ${chats.lastSentimentAt} is null or ${at}::timestamptz >= ${chats.lastSentimentAt} then ${sentiment}::real else ${chats.lastSentiment} end`,
            lastSentimentAt: sql`greatest(${chats.lastSentimentAt}, ${at}::timestamptz)`,
          }),
    })
    .where(and(eq(chats.tenantId, tenantId), eq(chats.id, chatId)));
}

export type ChatDelta = { count: number; negative: number; sentimentSum: number; satisfactionSum: number };

export type RollupDelta = { [K in keyof typeof ROLLUP_SCORE_COUNTERS]: number } & {
  [K in keyof typeof ROLLUP_SCORE_HISTOGRAMS]: Record<string, number>;
};

const scoreCounters = Object.entries(ROLLUP_SCORE_COUNTERS) as [keyof typeof ROLLUP_SCORE_COUNTERS, string][];
const scoreHistograms = Object.entries(ROLLUP_SCORE_HISTOGRAMS) as [keyof typeof ROLLUP_SCORE_HISTOGRAMS, string][];
/** The columns applyRollupDelta writes after the key, and how each conflicting row takes the new values. */
const rollupDeltaColumns = sql.raw(
  [...scoreCounters.map(([, c]) => c), ...scoreHistograms.map(([, c]) => c), "hours"].join(", "),
);
const rollupDeltaUpdates = sql.raw(
  [
    ...scoreCounters.map(([, c]) => `${c} = r.${c} + excluded.${c}`),
    ...[...scoreHistograms.map(([, c]) => c), "hours"].map((c) => `${c} = jsonb_counts_add(r.${c}, excluded.${c})`),
  ].join(",\n      "),
);

/** Rollup rows are keyed by emotion, so a change moves counts between at most two rows. */
export type KeyedRollupDelta = { emotion: string; delta: RollupDelta };

/**
 * One upsert per emotion row a change touches (in its transaction's shard of it, like every rollup write): the day is the message's local day in the tenant's timezone, and
 * the row's hours count its scored messages, for the heatmap under an emotion filter.
 */
export async function applyRollupDelta(
  tx: DbOrTx,
  tenantId: string,
  connectionId: string,
  sentAt: Date,
  timezone: string,
  { emotion, delta: d }: KeyedRollupDelta,
) {
  const local = sql`(${sentAt.toISOString()}::timestamptz at time zone ${timezone})`;
  const hours =
    d.analyzed === 0
      ? sql`'{}'::jsonb`
      : sql`jsonb_build_object(extract(hour from ${local})::int::text, ${d.analyzed}::int)`;
  const values = [
    ...scoreCounters.map(([k]) => sql`${d[k]}`),
    ...scoreHistograms.map(([k]) => sql`${JSON.stringify(d[k])}::jsonb`),
    hours,
  ];
  await tx.execute(sql`
    insert into daily_rollups as r (tenant_id, connection_id, day, emotion, shard, ${rollupDeltaColumns}, updated_at)
    values (${tenantId}, ${connectionId}, to_char(${local}, 'YYYY-MM-DD'), ${emotion}, rollup_shard(), ${sql.join(values, sql`, `)}, now())
    on conflict (tenant_id, connection_id, day, emotion, shard) do update set
      ${rollupDeltaUpdates},
      updated_at = now()`);
}

export async function storeEmbedding(tx: DbOrTx, tenantId: string, messageId: string, vector: number[], model: string) {
  await tx
    .update(messages)
    .set({ embedding: vector, embeddingModel: model })
    .where(and(eq(messages.tenantId, tenantId), eq(messages.id, messageId)));
}

export async function setAnalysisStatus(
  tx: DbOrTx,
  tenantId: string,
  messageId: string,
  status: "processing" | "failed" | "pending",
  error: string | null = null,
) {
  // A message already analysed keeps its scores: a failed re-analysis does not erase a good result.
  await tx
    .update(messages)
    .set({
      analysisStatus: sql`case when ${messages.analysisStatus} = 'done' and ${status} <> 'pending' then 'done'::analysis_status else ${status}::analysis_status end`,
      analysisError: error,
    })
    .where(and(eq(messages.tenantId, tenantId), eq(messages.id, messageId)));
}

/** Failed analyses, newest first, for the tenant's admins (RLS confines them) or, unscoped, for super-admins. */
export async function listFailedAnalyses(db: DbOrTx, tenantId: string | null, limit = 100) {
  return db
    .select({
      id: messages.id,
      tenantId: messages.tenantId,
      tenantName: tenants.name,
      tenantSlug: tenants.slug,
      connectionName: connections.name,
      chatId: messages.chatId,
      text: messages.text,
      sentAt: messages.sentAt,
      error: messages.analysisError,
    })
    .from(messages)
    .innerJoin(tenants, eq(tenants.id, messages.tenantId))
    .innerJoin(connections, eq(connections.id, messages.connectionId))
    .where(and(eq(messages.analysisStatus, "failed"), tenantId ? eq(messages.tenantId, tenantId) : undefined))
    .orderBy(desc(messages.sentAt))
    .limit(limit);
}

/**
 * Messages accepted but not analysed (their event was lost with a crashed runner, or they predate the analysis
 * function) after a grace period; platform-wide, run by the maintenance job as the owner role.
 */
export async function findStrandedMessages(db: DbOrTx, olderThan: Date, limit: number) {
  const rows = await db.execute(sql`
    select m.id, m.tenant_id as "tenantId"
    from messages m join tenants t on t.id = m.tenant_id
    where m.analysis_status in ('pending', 'processing') and m.created_at < ${olderThan.toISOString()}::timestamptz
      and t.status = 'active'
      and not exists (select 1 from outbox o where o.dispatched_at is null and o.name in ('message/received', 'message/analysis.requested'))
      and not exists (select 1 from job_runs r where r.fn_id like '%analyze-message' and r.status not in ('completed', 'failed'))
    order by m.created_at
    limit ${limit}`);
  return rowsOf<{ id: string; tenantId: string }>(rows);
}

export async function findMessagesByIds(db: DbOrTx, tenantId: string, ids: string[]) {
  if (ids.length === 0) return [];
  return db
    .select({ id: messages.id, analysisStatus: messages.analysisStatus })
    .from(messages)
    .where(and(eq(messages.tenantId, tenantId), inArray(messages.id, ids)));
}
