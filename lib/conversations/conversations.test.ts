import { serve } from "inngest/next";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setDatabase, type Database } from "@/db/client";
import { seedDemoData } from "@/lib/demo/seed";
import { inngest } from "@/inngest/client";
import { analyzeMessageFn } from "@/inngest/functions/analyze-message";
import { EmbeddedRunner } from "@/inngest/embedded/runner";
import { sql } from "drizzle-orm";
import { rowsOf } from "@/db/rows";
import { addDays, localDay } from "@/lib/metrics/period";
import { getTenantMetrics } from "@/lib/metrics/queries";
import { findTenantBySlug } from "@/lib/tenancy/queries";
import { withTenant } from "@/lib/tenancy/with-tenant";
import { createTestDatabase, dropTestTemplate } from "@/test/db";
import { findConversation, listConversations, trendOf } from "./queries";
import { responseTimes } from "./response-times";
import { conversationQuerySchema } from "./schemas";

const q = (params: Record<string, string> = {}) => conversationQuerySchema.parse(params);

describe("conversations", () => {
  let database: Database;
  let loja: string;
  let clinica: string;
  beforeAll(async () => {
    database = await createTestDatabase();
    setDatabase(database);
    await seedDemoData(database.db, { now: new Date() });
    const runner = new EmbeddedRunner({
      database,
      handler: serve({ client: inngest, functions: [analyzeMessageFn] }),
      logger: { info() {}, warn() {}, error() {} },
      backoffMs: () => 0,
    });
    await runner.prepare();
    await runner.runUntilIdle(120_000);
    await runner.stop();
    loja = (await findTenantBySlug(database.db, "loja-centro"))!.id;
    clinica = (await findTenantBySlug(database.db, "clinica-vida"))!.id;
  }, 180_000);
  afterAll(async () => {
    await database.close();
    await dropTestTemplate();
  });

  const list = (tenantId: string, params: Record<string, string> = {}) =>
    withTenant(tenantId, (tx) => listConversations(tx, tenantId, q(params), "America/Sao_Paulo"), database.db);

  it("lists a tenant's conversations with their rollups, sorted and paginated on the server", async () => {
    const all = await list(loja);
    expect(all.total).toBeGreaterThan(20);
    expect(all.rows).toHaveLength(Math.min(25, all.total));
    const last = all.rows.map((r) => r.lastMessageAt!.getTime());
    expect([...last].sort((a, b) => b - a)).toEqual(last);
    const bySentiment = await list(loja, { sort: "sentiment", dir: "asc" });
    const values = bySentiment.rows
      .map((r) => r.avgSentiment)
      .filter((v): v is number => v !== null)
      .map(Number);
    expect([...values].sort((a, b) => a - b)).toEqual(values);
    const page2 = await list(loja, { page: "2" });
    expect(page2.rows.some((r) => all.rows.some((a) => a.id === r.id))).toBe(false);
  });

  it("filters by negative messages, sentiment range, emotion and words", async () => {
    const negative = await list(loja, { negative: "1" });
    expect(negative.total).toBeGreaterThan(0);
    expect(negative.rows.every((r) => r.negativeCount > 0)).toBe(true);
    const low = await list(loja, { sentimentMax: "-0.2" });
    expect(low.rows.every((r) => r.avgSentiment !== null && Number(r.avgSentiment) <= -0.2)).toBe(true);
    const frustrated = await list(loja, { emotion: "frustration" });
    for (const row of frustrated.rows.slice(0, 5)) {
      const c = await withTenant(loja, (tx) => findConversation(tx, loja, row.id), database.db);
      expect(c!.messages.some((m) => m.emotion === "frustration")).toBe(true);
    }
    // Within a period, the chat's emotion-days (coded in TypeScript and SQL alike) must hold one of its days.
    const to = localDay(new Date(), "America/Sao_Paulo");
    const from = addDays(to, -60);
    const inPeriod = await list(loja, { emotion: "frustration", from, to });
    expect(inPeriod.total).toBeGreaterThan(0);
    const dayOf = (d: Date) => new Intl.DateTimeFormat("en-CA", { timeZone: "America/Sao_Paulo" }).format(d);
    for (const row of inPeriod.rows.slice(0, 5)) {
      const c = await withTenant(loja, (tx) => findConversation(tx, loja, row.id), database.db);
      expect(
        c!.messages.some(
          (m) => m.emotion === "frustration" && !m.deletedAt && dayOf(m.sentAt) >= from && dayOf(m.sentAt) <= to,
        ),
      ).toBe(true);
    }
    const [{ n } = { n: -1 }] = rowsOf<{ n: number }>(
      await database.db
        .execute(sql`select count(distinct m.chat_id)::int as n from messages m where m.tenant_id = ${loja} and m.emotion = 'frustration'
        and m.deleted_at is null and (m.sent_at at time zone 'America/Sao_Paulo')::date between ${from}::date and ${to}::date`),
    );
    expect(inPeriod.total).toBe(n);
    const words = await list(loja, { q: "entrega" });
    expect(words.total).toBeGreaterThan(0);
    expect(words.total).toBeLessThan((await list(loja)).total);
  });

  it("a heatmap cell and a tone bar open the conversations behind them", async () => {
    const period = { from: "2000-01-01", to: "2100-12-31" };
    const metrics = await withTenant(loja, (tx) => getTenantMetrics(tx, loja, period), database.db);
    const cells = metrics.heatmap
      .flatMap((row, weekday) => row.map((n, hour) => ({ weekday, hour, n })))
      .filter((c) => c.n > 0);
    const cell = cells.sort((a, b) => b.n - a.n)[0]!;
    const local = (d: Date) => {
      const parts = new Intl.DateTimeFormat("en-US", {
        timeZone: "America/Sao_Paulo",
        weekday: "short",
        hour: "numeric",
        hourCycle: "h23",
      }).formatToParts(d);
      const weekday = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"].indexOf(
        parts.find((p) => p.type === "weekday")!.value,
      );
      return { weekday, hour: Number(parts.find((p) => p.type === "hour")!.value) };
    };
    const atCell = await list(loja, { ...period, weekday: String(cell.weekday), hour: String(cell.hour) });
    expect(atCell.total).toBeGreaterThan(0);
    expect(atCell.total).toBeLessThanOrEqual(cell.n);
    for (const row of atCell.rows) {
      const c = await withTenant(loja, (tx) => findConversation(tx, loja, row.id), database.db);
      const hits = c!.messages
        .filter((m) => !m.fromMe && m.type !== "reaction" && !m.deletedAt)
        .map((m) => local(m.sentAt));
      expect(hits).toContainEqual({ weekday: cell.weekday, hour: cell.hour });
    }
    // An empty cell opens nothing.
    const empty = metrics.heatmap
      .flatMap((row, weekday) => row.map((n, hour) => ({ weekday, hour, n })))
      .find((c) => c.n === 0);
    if (empty)
      expect((await list(loja, { ...period, weekday: String(empty.weekday), hour: String(empty.hour) })).total).toBe(0);

    const polite = await list(loja, { tone: "polite" });
    expect(polite.total).toBeGreaterThan(0);
    for (const row of polite.rows.slice(0, 5)) {
      const c = await withTenant(loja, (tx) => findConversation(tx, loja, row.id), database.db);
      expect(c!.messages.some((m) => m.tone === "polite")).toBe(true);
    }
  });

  it("a period keeps the conversations with a message on those local days", async () => {
    const sample = (await list(loja)).rows[3]!;
    const c = await withTenant(loja, (tx) => findConversation(tx, loja, sample.id), database.db);
    const day = new Intl.DateTimeFormat("en-CA", { timeZone: "America/Sao_Paulo" }).format(c!.messages[0]!.sentAt);
    const onDay = await list(loja, { from: day, to: day });
    expect(onDay.rows.map((r) => r.id)).toContain(sample.id);
    for (const row of onDay.rows) {
      const conv = await withTenant(loja, (tx) => findConversation(tx, loja, row.id), database.db);
      expect(
        conv!.messages.some(
          (m) => new Intl.DateTimeFormat("en-CA", { timeZone: "America/Sao_Paulo" }).format(m.sentAt) === day,
        ),
      ).toBe(true);
    }
  });

  it("never shows one tenant's conversation to another", async () => {
    const lojaRows = (await list(loja)).rows;
    const clinicaRows = (await list(clinica)).rows;
    expect(clinicaRows.some((r) => lojaRows.some((l) => l.id === r.id))).toBe(false);
    expect(await withTenant(clinica, (tx) => findConversation(tx, clinica, lojaRows[0]!.id), database.db)).toBeNull();
    const own = await withTenant(loja, (tx) => findConversation(tx, loja, lojaRows[0]!.id), database.db);
    expect(own!.messages.length).toBeGreaterThan(0);
  });

  it("flags recovered and deteriorated conversations", () => {
    expect(trendOf(-0.6, 0.7, 3)).toBe("recovered");
    expect(trendOf(0.5, -0.4, 2)).toBe("deteriorated");
    expect(trendOf(-0.5, -0.4, 4)).toBeNull();
    expect(trendOf(-0.6, 0.7, 1)).toBeNull();
  });

  it("measures first response and median reply from the turns", () => {
    const at = (min: number) => new Date(Date.UTC(2026, 0, 1, 10, min));
    const m = (fromMe: boolean, min: number) => ({ fromMe, sentAt: at(min), deletedAt: null, type: "text" });
    expect(
      responseTimes([m(false, 0), m(false, 1), m(true, 5), m(false, 10), m(true, 12), m(false, 20), m(true, 50)]),
    ).toEqual({
      firstResponseMs: 5 * 60_000,
      medianReplyMs: 5 * 60_000,
      replies: 3,
    });
    expect(responseTimes([m(false, 0)])).toEqual({ firstResponseMs: null, medianReplyMs: null, replies: 0 });
  });
});
