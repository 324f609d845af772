import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { and, eq, sql } from "drizzle-orm";
import { serve } from "inngest/next";
import { afterAll, afterEach, beforeEach, describe, expect, it } from "vitest";
import { setDatabase, type Database } from "@/db/client";
import { rowsOf } from "@/db/rows";
import { chats, dailyRollups, experiments, inferences, messages, promptVersions } from "@/db/schema";
import { inngest } from "@/inngest/client";
import { analyzeMessage } from "@/lib/analysis/pipeline";
import { compactDailyRollups } from "@/lib/rollups/compact";
import { rebuildRollups } from "@/lib/rollups/rebuild";
import { listFailedAnalyses } from "@/lib/analysis/queries";
import { getTenantMetrics } from "@/lib/metrics/queries";
import { requestReanalysis, requeueStrandedAnalyses, retryFailedAnalysis } from "@/lib/analysis/requests";
import { handleEvolutionWebhook } from "@/lib/ingest/handle-webhook";
import { enqueue } from "@/lib/jobs/outbox";
import { EmbeddedRunner } from "@/inngest/embedded/runner";
import { withTenant } from "@/lib/tenancy/with-tenant";
import { createTestDatabase, dropTestTemplate } from "@/test/db";
import { withEnv } from "@/test/helpers/env";
import { json, startFakeServer } from "@/test/helpers/fake-server";
import { seedTenants } from "@/test/helpers/seed-tenants";
import { analyzeMessageFn } from "./analyze-message";

const FIXTURES = path.resolve(process.cwd(), "test", "fixtures", "evolution");
const SECRET = "loja-webhook-secret";
const quiet = { info: () => {}, warn: () => {}, error: () => {} };
/** The incremental rollups (ingest, analysis, deletion) must equal a rebuild from the messages. */
async function expectRollupsMatchRebuild(database: Database, opts: { latency: boolean; chatEnds: boolean }) {
  // A row whose counts all went back to zero (its only message deleted or re-scored elsewhere) counts nothing.
  const counts = (r: typeof dailyRollups.$inferSelect) =>
    r.messagesIn ||
    r.messagesOut ||
    r.analyzed ||
    [r.hours, r.responseBuckets, r.emotions].some((m) => Object.keys(m).length > 0);
  const days = async () =>
    (await database.db.select().from(dailyRollups))
      .filter(counts)
      .map(({ updatedAt: _u, latencyBuckets, sentimentSum, ...r }) => ({
        ...r,
        sentimentSum: Math.round(sentimentSum * 1000) / 1000,
        ...(opts.latency ? { latencyBuckets } : {}),
      }))
      .sort((a, b) => `${a.connectionId}${a.day}${a.emotion}`.localeCompare(`${b.connectionId}${b.day}${b.emotion}`));
  const chatRows = async () =>
    (await database.db.select().from(chats))
      .map((c) => ({
        id: c.id,
        analyzedCount: c.analyzedCount,
        negativeCount: c.negativeCount,
        sentimentSum: Math.round(c.sentimentSum * 1000) / 1000,
        satisfactionSum: c.satisfactionSum,
        activeDays: c.activeDays,
        emotionDays: c.emotionDays,
        ...(opts.chatEnds ? { first: c.firstSentiment, last: c.lastSentiment } : {}),
      }))
      .sort((a, b) => a.id.localeCompare(b.id));
  // Writes spread over shards; the rebuild writes one row per key, as compaction leaves every day.
  await compactDailyRollups(database.db, { before: "9999-12-31" });
  const [incrementalDays, incrementalChats] = [await days(), await chatRows()];
  await rebuildRollups(database.db);
  expect(await days()).toEqual(incrementalDays);
  expect(await chatRows()).toEqual(incrementalChats);
}

describe("analyze-message", () => {
  let database: Database;
  let tenantId: string;
  let otherTenantId: string;
  let runner: EmbeddedRunner;

  const post = (raw: string) =>
    handleEvolutionWebhook(database.db, {
      rawBody: raw,
      headers: new Headers({ "x-evosense-secret": SECRET }),
      url: new URL("http://evosense.test/api/webhooks/evolution"),
    });

  const postText = (id: string, text: string, fromMe = false) => {
    const body = JSON.parse(readFileSync(path.join(FIXTURES, "messages-upsert-text.json"), "utf8"));
    body.data.key.id = id;
    body.data.key.fromMe = fromMe;
    body.data.message = { conversation: text };
    return post(JSON.stringify(body));
  };

  beforeEach(async () => {
    database = await createTestDatabase();
    setDatabase(database);
    const [loja, other] = await seedTenants(database.db, [
      { slug: "loja-centro", name: "Loja Centro", connection: { webhookSecret: SECRET } },
      { slug: "outra", name: "Outra" },
    ]);
    tenantId = loja.tenant.id;
    otherTenantId = other.tenant.id;
    runner = new EmbeddedRunner({
      database,
      handler: serve({ client: inngest, functions: [analyzeMessageFn] }),
      logger: quiet,
      backoffMs: () => 0,
    });
    await runner.prepare();
  });
  afterEach(async () => {
    await runner.stop();
    await database.close();
  });
  afterAll(dropTestTemplate);

  it("analyses every customer text of the fixtures: scores, one inference, embedding, chat and daily rollups", async () => {
    for (const f of readdirSync(FIXTURES)
      .filter((n) => n.endsWith(".json"))
      .sort())
      await post(readFileSync(path.join(FIXTURES, f), "utf8"));
    await runner.runUntilIdle();

    const rows = await database.db.select().from(messages).where(eq(messages.tenantId, tenantId));
    const customerTexts = rows.filter((m) => !m.fromMe && m.text && m.type !== "reaction" && !m.deletedAt);
    expect(customerTexts.length).toBeGreaterThan(3);
    for (const m of customerTexts) {
      expect(m.analysisStatus, m.text ?? "").toBe("done");
      expect(m.sentiment).toBeGreaterThanOrEqual(-1);
      expect(m.sentiment).toBeLessThanOrEqual(1);
      expect(m.satisfaction).toBeGreaterThanOrEqual(0);
      expect(m.emotion).toBeTruthy();
      expect(m.summary).toBeTruthy();
      expect(m.rationale).toBeTruthy();
      expect(m.embeddingModel).toBe("local-hash-768");
      expect(m.embedding).toHaveLength(768);
    }
    // Our own messages and text-less media are context, never scored.
    for (const m of rows.filter((r) => r.fromMe || !r.text)) expect(m.sentiment).toBeNull();

    const inf = await database.db.select().from(inferences);
    const analysed = rows.filter((m) => m.analysisStatus === "done");
    expect(inf).toHaveLength(analysed.length);
    expect(inf[0]).toMatchObject({ provider: "local", model: "evosense-local-1", runKey: "analysis", isShadow: false });
    expect(inf[0]!.templateHash).toMatch(/^[0-9a-f]{64}$/);
    const [version] = await database.db.select().from(promptVersions).where(eq(promptVersions.key, "p_v1_base"));
    expect(inf.every((i) => i.promptVersionId === version!.id)).toBe(true);

    const rollups = await database.db.select().from(dailyRollups).where(eq(dailyRollups.tenantId, tenantId));
    const counted = analysed.filter((m) => !m.deletedAt);
    expect(rollups.reduce((s, r) => s + r.analyzed, 0)).toBe(counted.length);
    expect(rollups.reduce((s, r) => s + r.positive + r.neutral + r.negative, 0)).toBe(counted.length);
    expect(rollups.reduce((s, r) => s + r.satisfactionSum, 0)).toBe(counted.reduce((s, m) => s + m.satisfaction!, 0));
    const chatRows = await database.db.select().from(chats).where(eq(chats.tenantId, tenantId));
    expect(chatRows.reduce((s, c) => s + c.analyzedCount, 0)).toBe(counted.length);
    const volume = rows.filter((m) => !m.deletedAt && m.type !== "reaction");
    expect(rollups.reduce((s, r) => s + r.messagesIn, 0)).toBe(volume.filter((m) => !m.fromMe).length);
    expect(rollups.reduce((s, r) => s + r.messagesOut, 0)).toBe(volume.filter((m) => m.fromMe).length);
    await expectRollupsMatchRebuild(database, { latency: true, chatEnds: true });

    // The dashboard's emotion filter, from the emotion-keyed rollups: each emotion's figures are its messages'.
    const period = { from: "2000-01-01", to: "2100-12-31" };
    const all = await withTenant(tenantId, (tx) => getTenantMetrics(tx, tenantId, period), database.db);
    expect(Object.keys(all.emotions).length).toBeGreaterThan(1);
    for (const emotion of Object.keys(all.emotions)) {
      const one = await withTenant(
        tenantId,
        (tx) => getTenantMetrics(tx, tenantId, { ...period, emotion }),
        database.db,
      );
      const theirs = counted.filter((m) => (m.emotion ?? "neutral") === emotion);
      expect(one).toMatchObject({
        emotion,
        messagesReceived: theirs.length,
        analyzed: theirs.length,
        messagesSent: null,
        emotions: { [emotion]: theirs.length },
      });
      expect(one.avgSatisfaction).toBeCloseTo(theirs.reduce((s, m) => s + m.satisfaction!, 0) / theirs.length, 6);
      expect(one.heatmap.flat().reduce((s, n) => s + n, 0)).toBe(theirs.length);
    }
  });

  it("writes one inference and counts once however often the event is delivered", async () => {
    const r = await postText("DUP-1", "O pedido atrasou de novo, péssimo");
    const messageId = (r.body as { messageId: string }).messageId;
    await runner.runUntilIdle();
    await enqueue(database.db, { name: "message/received", data: { tenantId, messageId } });
    await enqueue(database.db, { name: "message/received", data: { tenantId, messageId } });
    await runner.runUntilIdle();
    expect(await database.db.select().from(inferences)).toHaveLength(1);
    const [inference] = await database.db.select().from(inferences);
    // Even forced through the pipeline again under the same run key: the inference is reused, nothing moves.
    const again = await analyzeMessage(database, tenantId, messageId, { runKey: "analysis" });
    expect(again).toMatchObject({ skipped: null, inferenceId: inference!.id, reused: true, applied: false });
    const rollups = await database.db.select().from(dailyRollups);
    expect(rollups.reduce((s, x) => s + x.analyzed, 0)).toBe(1);
    expect(rollups.reduce((s, x) => s + x.negative, 0)).toBe(1);
  });

  it("a re-analysis adds an inference and replaces, not adds, the message's contribution", async () => {
    const r = await postText("RE-1", "Adorei, chegou antes do prazo!");
    const messageId = (r.body as { messageId: string }).messageId;
    await runner.runUntilIdle();
    const [challenger] = await database.db
      .insert(promptVersions)
      .values({
        key: "p_local_strict",
        body: "-",
        provider: "local",
        params: { local: { neutralBand: 0.99 } },
        hash: "h-strict",
      })
      .returning();
    await requestReanalysis(database.db, tenantId, messageId, challenger!.id);
    await runner.runUntilIdle();
    expect(await database.db.select().from(inferences)).toHaveLength(2);
    const [m] = await database.db.select().from(messages).where(eq(messages.id, messageId));
    expect(m).toMatchObject({ sentiment: 0, promptVersionId: challenger!.id, satisfaction: 50 });
    // Across the day's rows (volume, and one per emotion, folded from their shards): the old scores left, the new
    // ones count once.
    await compactDailyRollups(database.db, { before: "9999-12-31" });
    const rows = await database.db.select().from(dailyRollups);
    const total = (k: "analyzed" | "positive" | "neutral" | "negative" | "satisfactionSum") =>
      rows.reduce((s, x) => s + x[k], 0);
    expect({
      analyzed: total("analyzed"),
      positive: total("positive"),
      neutral: total("neutral"),
      negative: total("negative"),
      satisfactionSum: total("satisfactionSum"),
    }).toEqual({
      analyzed: 1,
      positive: 0,
      neutral: 1,
      negative: 0,
      satisfactionSum: 50,
    });
    expect(rows.filter((x) => x.analyzed > 0).map((x) => x.emotion)).toEqual([m!.emotion]);
    await expectRollupsMatchRebuild(database, { latency: true, chatEnds: true });
    const [chat] = await database.db.select().from(chats).where(eq(chats.id, m!.chatId));
    expect(chat).toMatchObject({ analyzedCount: 1, sentimentSum: 0, lastSentiment: 0 });
  });

  it("a deleted message leaves the KPIs; an edited one is analysed again with its new words", async () => {
    const a = (await postText("DEL-1", "Péssimo atendimento, horrível")).body as { messageId: string };
    const b = (await postText("EDIT-1", "Adorei, chegou rápido!")).body as { messageId: string };
    await runner.runUntilIdle();
    const sum = async () => {
      const rows = await database.db.select().from(dailyRollups);
      return {
        analyzed: rows.reduce((s, r) => s + r.analyzed, 0),
        negative: rows.reduce((s, r) => s + r.negative, 0),
        positive: rows.reduce((s, r) => s + r.positive, 0),
      };
    };
    expect(await sum()).toEqual({ analyzed: 2, negative: 1, positive: 1 });

    const del = JSON.parse(readFileSync(path.join(FIXTURES, "messages-delete.json"), "utf8"));
    del.data.id = "DEL-1";
    await post(JSON.stringify(del));
    await post(JSON.stringify(del));
    expect(await sum()).toEqual({ analyzed: 1, negative: 0, positive: 1 });
    const [deleted] = await database.db.select().from(messages).where(eq(messages.id, a.messageId));
    expect(deleted!.sentiment).toBeLessThan(0);

    const [before] = await database.db.select().from(messages).where(eq(messages.id, b.messageId));
    const edit = JSON.parse(readFileSync(path.join(FIXTURES, "messages-edited.json"), "utf8"));
    edit.data.key = { ...edit.data.key, id: "EDIT-1", fromMe: false };
    edit.data.editedMessage = { conversation: "Na verdade veio quebrado, péssimo" };
    await post(JSON.stringify(edit));
    await runner.runUntilIdle();
    const [after] = await database.db.select().from(messages).where(eq(messages.id, b.messageId));
    expect(after!.sentiment).toBeLessThan(0);
    expect(after!.embedding).not.toEqual(before!.embedding);
    expect(after!.embeddingModel).toBe("local-hash-768");
    expect(await sum()).toEqual({ analyzed: 1, negative: 1, positive: 0 });
    expect(await database.db.select().from(inferences).where(eq(inferences.messageId, b.messageId))).toHaveLength(2);
    // A deleted message's sentiment may still mark a chat's first/last point incrementally; everything else,
    // latency of the re-analysis included, equals a rebuild.
    await expectRollupsMatchRebuild(database, { latency: true, chatEnds: false });
  });

  it("splits traffic by experiment and runs a shadow challenger without touching the scores", async () => {
    const [champion] = await database.db.select().from(promptVersions).where(eq(promptVersions.key, "p_v1_base"));
    const [shadow] = await database.db
      .insert(promptVersions)
      .values({
        key: "p_shadow",
        body: "-",
        provider: "local",
        params: { local: { neutralBand: 0.99 } },
        hash: "h-shadow",
      })
      .returning();
    await database.db.insert(experiments).values({
      tenantId,
      name: "shadow test",
      championId: champion!.id,
      challengerId: shadow!.id,
      mode: "shadow",
      status: "running",
    });
    const r = await postText("SH-1", "Excelente atendimento, obrigado!");
    await runner.runUntilIdle();
    const messageId = (r.body as { messageId: string }).messageId;
    const inf = await database.db.select().from(inferences).where(eq(inferences.messageId, messageId));
    expect(inf.map((i) => [i.promptVersionId, i.isShadow]).sort()).toEqual(
      [
        [champion!.id, false],
        [shadow!.id, true],
      ].sort(),
    );
    const [m] = await database.db.select().from(messages).where(eq(messages.id, messageId));
    expect(m!.promptVersionId).toBe(champion!.id);
    expect(m!.sentiment).toBeGreaterThan(0);

    // Split mode with the whole share: the challenger scores the message and no shadow row is written.
    await database.db.update(experiments).set({ mode: "split", share: 1 });
    const split = await postText("SP-1", "Excelente atendimento, obrigado!");
    await runner.runUntilIdle();
    const splitId = (split.body as { messageId: string }).messageId;
    const [s] = await database.db.select().from(messages).where(eq(messages.id, splitId));
    expect(s).toMatchObject({ promptVersionId: shadow!.id, sentiment: 0 });
    const splitInf = await database.db.select().from(inferences).where(eq(inferences.messageId, splitId));
    expect(splitInf.map((i) => i.isShadow)).toEqual([false]);
  });

  it("a provider that breaks the contract fails the message visibly, once, and retry re-runs it", async () => {
    let calls = 0;
    let healthy = false;
    const server = await startFakeServer((_req, res) => {
      calls++;
      json(
        res,
        200,
        healthy
          ? {
              sentiment: -0.5,
              emotion: "anger",
              satisfaction: 20,
              tone: "neutral",
              summary: "s",
              confidence: 0.7,
              rationale: "r",
              language: "pt",
            }
          : { sentiment: "very bad" },
      );
    });
    try {
      await withEnv({ N8N_AI_WEBHOOK: `${server.url}/hook` }, async () => {
        const r = await postText("N8N-1", "Vocês são uma vergonha");
        const messageId = (r.body as { messageId: string }).messageId;
        await runner.runUntilIdle();
        const [m] = await database.db.select().from(messages).where(eq(messages.id, messageId));
        expect(m!.analysisStatus).toBe("failed");
        expect(m!.analysisError).toMatch(/sentiment/);
        // One attempt plus its repair: a contract violation is not retried by the job.
        expect(calls).toBe(2);
        const failed = await withTenant(tenantId, (tx) => listFailedAnalyses(tx, tenantId), database.db);
        expect(failed.map((f) => f.id)).toEqual([messageId]);
        // Tenant B's admins never see tenant A's failures.
        expect(await withTenant(otherTenantId, (tx) => listFailedAnalyses(tx, null), database.db)).toEqual([]);

        healthy = true;
        expect(await retryFailedAnalysis(database.db, tenantId, messageId)).toBe(true);
        await runner.runUntilIdle();
        const [after] = await database.db.select().from(messages).where(eq(messages.id, messageId));
        expect(after).toMatchObject({ analysisStatus: "done", emotion: "anger", analysisError: null });
        const [inf] = await database.db.select().from(inferences).where(eq(inferences.messageId, messageId));
        expect(inf).toMatchObject({ provider: "n8n", model: "n8n-workflow" });
      });
    } finally {
      await server.close();
    }
  });

  it("an outage is retried with backoff and ends in a clear failed state, never silent loss", async () => {
    const server = await startFakeServer((_req, res) => json(res, 503, { message: "down" }));
    try {
      await withEnv({ N8N_AI_WEBHOOK: server.url }, async () => {
        const r = await postText("OUT-1", "Meu pedido não chegou");
        const messageId = (r.body as { messageId: string }).messageId;
        await runner.runUntilIdle(60_000);
        const [m] = await database.db.select().from(messages).where(eq(messages.id, messageId));
        expect(m!.analysisStatus).toBe("failed");
        expect(m!.analysisError).toMatch(/unavailable/);
        // 5 job attempts (retries: 4) × 3 quick attempts inside the provider.
        expect(server.requests).toHaveLength(15);
      });
    } finally {
      await server.close();
    }
  }, 60_000);

  it("picks up messages whose event was lost, once the queue is idle", async () => {
    const r = await postText("LOST-1", "Obrigado pela ajuda!");
    const messageId = (r.body as { messageId: string }).messageId;
    // Simulate a lost event: mark it dispatched without running anything.
    await database.db.execute(sql`update outbox set dispatched_at = now()`);
    await database.db.execute(sql`update messages set created_at = now() - interval '1 hour' where id = ${messageId}`);
    expect(await requeueStrandedAnalyses(database.db)).toBe(1);
    await runner.runUntilIdle();
    const [m] = await database.db.select().from(messages).where(eq(messages.id, messageId));
    expect(m!.analysisStatus).toBe("done");
    // Nothing left to sweep, and a fresh pending message inside the grace period is left alone.
    await postText("FRESH-1", "Oi");
    await database.db.execute(sql`update outbox set dispatched_at = now()`);
    expect(await requeueStrandedAnalyses(database.db)).toBe(0);
  });

  it("analyses only redacted text: personal data never reaches the provider", async () => {
    const server = await startFakeServer((_req, res) =>
      json(res, 200, {
        sentiment: 0,
        emotion: "neutral",
        satisfaction: 50,
        tone: "neutral",
        summary: "s",
        confidence: 0.5,
        rationale: "r",
        language: "pt",
      }),
    );
    try {
      await withEnv({ N8N_AI_WEBHOOK: server.url }, async () => {
        await postText("PII-1", "Meu CPF é 529.982.247-25 e o email ana@example.com");
        await runner.runUntilIdle();
        const sent = server.requests.map((q) => q.body).join("\n");
        expect(sent).not.toContain("529.982.247-25");
        expect(sent).not.toContain("ana@example.com");
      });
    } finally {
      await server.close();
    }
    const stored = await database.db
      .select()
      .from(messages)
      .where(and(eq(messages.tenantId, tenantId), eq(messages.externalId, "PII-1")));
    expect(rowsOf(stored)).toHaveLength(1);
  });
});
