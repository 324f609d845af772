import { eq } from "drizzle-orm";
import { serve } from "inngest/next";
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { setDatabase, type Database } from "@/db/client";
import { dailyRollups, inferences, messages } from "@/db/schema";
import { seedDemoData } from "@/lib/demo/seed";
import { POST as analyze } from "@/app/api/v1/ai/analyze/route";
import { GET as getMessages } from "@/app/api/v1/messages/route";
import { GET as getMe } from "@/app/api/v1/me/route";
import { POST as semanticSearch } from "@/app/api/v1/messages/semantic-search/route";
import { GET as getMetrics } from "@/app/api/v1/tenants/[id]/metrics/route";
import { inngest } from "@/inngest/client";
import { analyzeMessageFn } from "@/inngest/functions/analyze-message";
import { createApiKey } from "@/lib/api-keys/service";
import { DEMO_API_KEY } from "@/lib/api-keys/keys";
import { EmbeddedRunner } from "@/inngest/embedded/runner";
import { findTenantBySlug } from "@/lib/tenancy/queries";
import { createTestDatabase, dropTestTemplate } from "@/test/db";

const session = vi.hoisted(() => ({ current: null as null | { user: Record<string, unknown> } }));
vi.mock("@/lib/auth/auth", () => ({ auth: async () => session.current }));

type ApiMessage = {
  id: string;
  fromMe: boolean;
  text: string | null;
  analysisStatus: string;
  sentiment: number | null;
  emotion: string | null;
  satisfaction: number | null;
  rationale: string | null;
  embeddingModel: string | null;
  embedding?: number[] | null;
  inference: { provider: string; model: string; promptVersion: string } | null;
  inferences?: { provider: string; runKey: string }[];
};

const get = (path: string, key: string) =>
  getMessages(new Request(`http://evosense.test${path}`, { headers: { authorization: `Bearer ${key}` } }));
const post = (body: unknown) =>
  analyze(
    new Request("http://evosense.test/api/v1/ai/analyze", {
      method: "POST",
      headers: { "content-type": "application/json", origin: "http://evosense.test" },
      body: typeof body === "string" ? body : JSON.stringify(body),
    }),
  );

describe("analysed messages through the API", () => {
  let database: Database;
  let clinicaKey: string;

  beforeEach(async () => {
    database = await createTestDatabase();
    setDatabase(database);
    await seedDemoData(database.db, { now: new Date() });
    const clinicaId = (await findTenantBySlug(database.db, "clinica-vida"))!.id;
    clinicaKey = (await createApiKey(database.db, clinicaId, { id: null as unknown as string, email: "test" }, "tests"))
      .key;
    // The demo seed queues one event per customer message; the runner analyses them all.
    const runner = new EmbeddedRunner({
      database,
      handler: serve({ client: inngest, functions: [analyzeMessageFn] }),
      logger: { info() {}, warn() {}, error() {} },
      backoffMs: () => 0,
    });
    await runner.prepare();
    await runner.runUntilIdle(120_000);
    await runner.stop();
    session.current = null;
  }, 180_000);
  afterEach(async () => database.close());
  afterAll(dropTestTemplate);

  it("GET /api/v1/messages returns scores, the inference behind them and, on request, the embedding", async () => {
    const res = await get("/api/v1/messages?page_size=50&include=embedding,inferences", DEMO_API_KEY);
    expect(res.status).toBe(200);
    const { data } = (await res.json()) as { data: ApiMessage[] };
    const scored = data.filter((m) => !m.fromMe && m.text);
    expect(scored.length).toBeGreaterThan(5);
    for (const m of scored) {
      expect(m.analysisStatus).toBe("done");
      expect(typeof m.sentiment).toBe("number");
      expect(m.inference).toMatchObject({ provider: "local", model: "evosense-local-1", promptVersion: "p_v1_base" });
      expect(m.inferences).toHaveLength(1);
      expect(m.embeddingModel).toBe("local-hash-768");
      expect(m.embedding).toHaveLength(768);
    }
    for (const m of data.filter((x) => x.fromMe)) expect(m).toMatchObject({ sentiment: null, inference: null });
    const plain = (await (await get("/api/v1/messages?page_size=5", DEMO_API_KEY)).json()) as { data: ApiMessage[] };
    expect(plain.data[0]).not.toHaveProperty("embedding");
    expect((await get("/api/v1/messages?include=secrets", DEMO_API_KEY)).status).toBe(422);
  });

  it("GET /api/v1/tenants/:id/metrics gives the rollups' numbers, equal to counting the messages", async () => {
    const loja = (await findTenantBySlug(database.db, "loja-centro"))!;
    const metrics = (path: string, key: string) =>
      getMetrics(new Request(`http://evosense.test${path}`, { headers: { authorization: `Bearer ${key}` } }), {
        params: Promise.resolve({ id: path.split("/")[4]! }),
      });
    const res = await metrics(`/api/v1/tenants/${loja.id}/metrics?from=2000-01-01&to=2100-12-31`, DEMO_API_KEY);
    expect(res.status).toBe(200);
    const { data } = (await res.json()) as {
      data: {
        messagesReceived: number;
        messagesSent: number;
        analyzed: number;
        avgSentiment: number;
        avgSatisfaction: number;
        pctNegative: number;
        p95AnalysisLatencyMs: number;
        daily: { day: string }[];
        emotions: Record<string, number>;
      };
    };
    const rows = (await database.db.select().from(messages).where(eq(messages.tenantId, loja.id))).filter(
      (m) => !m.deletedAt && m.type !== "reaction",
    );
    const scored = rows.filter((m) => m.analysisStatus === "done");
    expect(data.messagesReceived).toBe(rows.filter((m) => !m.fromMe).length);
    expect(data.messagesSent).toBe(rows.filter((m) => m.fromMe).length);
    expect(data.analyzed).toBe(scored.length);
    expect(data.avgSentiment).toBeCloseTo(scored.reduce((s, m) => s + m.sentiment!, 0) / scored.length, 4);
    expect(data.avgSatisfaction).toBeCloseTo(scored.reduce((s, m) => s + m.satisfaction!, 0) / scored.length, 6);
    expect(data.pctNegative).toBeCloseTo((100 * scored.filter((m) => m.sentiment! <= -0.1).length) / scored.length, 6);
    expect(Object.values(data.emotions).reduce((a, b) => a + b, 0)).toBe(scored.length);
    expect(data.p95AnalysisLatencyMs).toBeGreaterThan(0);
    expect(data.daily.length).toBeGreaterThan(5);
    // Conversations: every chat with a message that is not deleted (a century-long period takes the exact slow path).
    const withMessages = new Set(
      (await database.db.select().from(messages).where(eq(messages.tenantId, loja.id)))
        .filter((m) => !m.deletedAt)
        .map((m) => m.chatId),
    );
    expect((data as unknown as { conversations: number }).conversations).toBe(withMessages.size);
    const recent = (await (await metrics(`/api/v1/tenants/${loja.id}/metrics`, DEMO_API_KEY)).json()) as {
      data: { conversations: number; from: string; to: string };
    };
    const inRecent = new Set(
      (await database.db.select().from(messages).where(eq(messages.tenantId, loja.id)))
        .filter((m) => !m.deletedAt)
        .filter((m) => {
          const day = new Intl.DateTimeFormat("en-CA", { timeZone: loja.timezone }).format(m.sentAt);
          return day >= recent.data.from && day <= recent.data.to;
        })
        .map((m) => m.chatId),
    );
    expect(recent.data.conversations).toBe(inRecent.size);
    // The heatmap holds every received message once, in its local weekday and hour.
    expect((data as unknown as { heatmap: number[][] }).heatmap.flat().reduce((a, b) => a + b, 0)).toBe(
      data.messagesReceived,
    );

    // The default period is the last 30 local days; another tenant's id is a 404, a bad date a 422.
    expect((await metrics(`/api/v1/tenants/${loja.id}/metrics`, DEMO_API_KEY)).status).toBe(200);
    expect((await metrics(`/api/v1/tenants/${loja.id}/metrics`, clinicaKey)).status).toBe(404);
    expect((await metrics(`/api/v1/tenants/${loja.id}/metrics?from=ontem`, DEMO_API_KEY)).status).toBe(422);
    // A day the calendar does not have is refused as the dashboard refuses it, not rolled over into March.
    expect((await metrics(`/api/v1/tenants/${loja.id}/metrics?from=2026-02-31`, DEMO_API_KEY)).status).toBe(422);
    const me = (await (
      await getMe(new Request("http://evosense.test/api/v1/me", { headers: { authorization: `Bearer ${clinicaKey}` } }))
    ).json()) as { data: { tenant: { slug: string }; via: string } };
    expect(me.data).toMatchObject({ via: "api_key", tenant: { slug: "clinica-vida" } });
  });

  it("POST /api/v1/messages/semantic-search finds the tenant's messages by meaning, within its plan", async () => {
    const search = (body: unknown, key: string) =>
      semanticSearch(
        new Request("http://evosense.test/api/v1/messages/semantic-search", {
          method: "POST",
          headers: { authorization: `Bearer ${key}`, "content-type": "application/json" },
          body: JSON.stringify(body),
        }),
      );
    const res = await search({ query: "entrega atrasada", limit: 5 }, DEMO_API_KEY);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { data: { id: string; text: string; matchedBy: string[] }[]; model: string };
    expect(body.model).toBe("local-hash-768");
    expect(body.data.length).toBeGreaterThan(0);
    const loja = (await findTenantBySlug(database.db, "loja-centro"))!;
    const own = new Set(
      (await database.db.select({ id: messages.id }).from(messages).where(eq(messages.tenantId, loja.id))).map(
        (m) => m.id,
      ),
    );
    expect(body.data.every((r) => own.has(r.id))).toBe(true);
    // Clínica Vida is on Starter: no semantic search, with a message that says why.
    const starter = await search({ query: "consulta remarcada" }, clinicaKey);
    expect(starter.status).toBe(403);
    expect(await starter.json()).toMatchObject({ error: { code: "plan_limit" } });
    expect((await search({ query: "x" }, DEMO_API_KEY)).status).toBe(422);
    expect((await search({ query: "entrega", filters: { tenant_id: "other" } }, DEMO_API_KEY)).status).toBe(422);
  });

  it("another tenant's key never sees these inferences", async () => {
    const loja = (await (await get("/api/v1/messages?page_size=200&include=inferences", DEMO_API_KEY)).json()) as {
      data: ApiMessage[];
    };
    const clinica = (await (await get("/api/v1/messages?page_size=200&include=inferences", clinicaKey)).json()) as {
      data: ApiMessage[];
    };
    const lojaIds = new Set(loja.data.map((m) => m.id));
    expect(clinica.data.some((m) => lojaIds.has(m.id))).toBe(false);
  });

  it("POST /api/v1/ai/analyze re-analyses one message for super-admins only", async () => {
    const [target] = await database.db.select().from(messages).where(eq(messages.analysisStatus, "done")).limit(1);
    const before = await database.db.select().from(dailyRollups);

    expect((await post({ message_id: target!.id })).status).toBe(401);
    session.current = { user: { id: "u1", role: "admin", tenantId: target!.tenantId, tenantSlug: "loja-centro" } };
    expect((await post({ message_id: target!.id })).status).toBe(403);

    session.current = { user: { id: "u0", role: "super_admin" } };
    expect((await post("not json")).status).toBe(400);
    expect((await post({ message_id: "nope" })).status).toBe(422);
    const missing = await post({ message_id: "00000000-0000-4000-8000-000000000000" });
    expect(missing.status).toBe(404);
    expect(await missing.json()).toMatchObject({ error: { code: "message_not_found" } });

    const res = await post({ message_id: target!.id });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { data: ApiMessage & { inferences: { runKey: string }[] }; runKey: string };
    expect(body.runKey).toMatch(/^api:/);
    expect(body.data.inferences.map((i) => i.runKey)).toEqual(["analysis", body.runKey]);
    expect(await database.db.select().from(inferences).where(eq(inferences.messageId, target!.id))).toHaveLength(2);
    // Same model, same text: the rollups do not move.
    const after = await database.db.select().from(dailyRollups);
    const total = (rows: typeof before) => rows.reduce((s, r) => s + r.analyzed + r.satisfactionSum, 0);
    expect(total(after)).toBe(total(before));

    const [outgoing] = await database.db.select().from(messages).where(eq(messages.fromMe, true)).limit(1);
    expect((await post({ message_id: outgoing!.id })).status).toBe(409);
  });
});
