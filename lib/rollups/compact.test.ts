import { and, eq, ne } from "drizzle-orm";
import { afterAll, afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { dailyRollups } from "@/db/schema";
import { applyRollupDelta } from "@/lib/analysis/queries";
import { getTenantMetrics } from "@/lib/metrics/queries";
import { withTenant } from "@/lib/tenancy/with-tenant";
import { createTestDatabase, dropTestTemplate } from "@/test/db";
import { seedTenants } from "@/test/helpers/seed-tenants";
import { compactDailyRollups } from "./compact";
import { applyVolumeDelta } from "./volume";

const TZ = "America/Sao_Paulo";
const NOW = new Date("2026-03-10T15:00:00Z");
const OLD = new Date("2026-03-01T15:00:00Z"); // local day 2026-03-01
const TODAY = new Date("2026-03-10T14:00:00Z"); // local day 2026-03-10

describe("rollup shards", () => {
  let database: Database;
  const tenant: Record<"a" | "b", { id: string; connectionId: string }> = {} as never;

  beforeEach(async () => {
    database = await createTestDatabase();
    const [a, b] = await seedTenants(database.db, [
      { slug: "loja-a", name: "Loja a", connection: true },
      { slug: "loja-b", name: "Loja b", connection: true },
    ]);
    tenant.a = { id: a.tenant.id, connectionId: a.connection.id };
    tenant.b = { id: b.tenant.id, connectionId: b.connection.id };
  });
  afterEach(async () => database.close());
  afterAll(dropTestTemplate);

  /** Volume and scores on one local day, as ingest and analysis write them. */
  async function write(key: "a" | "b", at: Date, messages: number) {
    const { id, connectionId } = tenant[key];
    for (let i = 0; i < messages; i++) {
      await applyVolumeDelta(database.db, id, connectionId, at, TZ, i % 3 === 0, 1);
      await applyRollupDelta(database.db, id, connectionId, at, TZ, {
        emotion: i % 2 ? "joy" : "anger",
        delta: {
          analyzed: 1,
          positive: i % 2,
          neutral: 0,
          negative: 1 - (i % 2),
          sentimentSum: i % 2 ? 0.5 : -0.5,
          satisfactionSum: 10 * i,
          satisfactionCount: 1,
          emotions: { [i % 2 ? "joy" : "anger"]: 1 },
          tones: { formal: 1 },
          satisfactionBuckets: { [String(i % 10)]: 1 },
          latencyBuckets: { "3": 1 },
        },
      });
    }
  }

  const metrics = (key: "a" | "b", emotion?: string) =>
    withTenant(
      tenant[key].id,
      (tx) => getTenantMetrics(tx, tenant[key].id, { from: "2026-03-01", to: "2026-03-10", emotion }),
      database.db,
    );

  it("spreads a day's writes over shards, and folding past days changes no figure", async () => {
    await write("a", OLD, 40);
    await write("a", TODAY, 40);
    await write("b", OLD, 7);
    const rowsOf = (tenantId: string, day: string) =>
      database.db
        .select()
        .from(dailyRollups)
        .where(and(eq(dailyRollups.tenantId, tenantId), eq(dailyRollups.day, day)));
    // 40 writes to one row key landing in a single shard of 8 would be a 1-in-8^39 chance.
    expect(
      new Set((await rowsOf(tenant.a.id, "2026-03-01")).filter((r) => r.emotion === "").map((r) => r.shard)).size,
    ).toBeGreaterThan(1);

    const before = { a: await metrics("a"), anger: await metrics("a", "anger"), b: await metrics("b") };
    const todayRows = await rowsOf(tenant.a.id, "2026-03-10");
    const { folded } = await compactDailyRollups(database.db, { now: NOW });
    expect(folded).toBeGreaterThan(0);

    // Past days: one row per key, in shard 0; each tenant's own (keys include the tenant).
    for (const key of ["a", "b"] as const) {
      const old = await rowsOf(tenant[key].id, "2026-03-01");
      expect(old.map((r) => r.emotion).sort()).toEqual(["", "anger", "joy"]);
      expect(old.every((r) => r.shard === 0)).toBe(true);
    }
    // Today still takes writes: left as it was.
    expect((await rowsOf(tenant.a.id, "2026-03-10")).length).toBe(todayRows.length);
    expect(await metrics("a")).toEqual(before.a);
    expect(await metrics("a", "anger")).toEqual(before.anger);
    expect(await metrics("b")).toEqual(before.b);
    expect(before.b).toMatchObject({ messagesReceived: 4, messagesSent: 3, analyzed: 7 });
    expect(before.a).toMatchObject({ messagesReceived: 52, messagesSent: 28, analyzed: 80 });

    // Folding again finds nothing; a late write to a folded day lands beside shard 0 and is folded next time.
    expect((await compactDailyRollups(database.db, { now: NOW })).folded).toBe(0);
    await write("b", OLD, 1);
    await compactDailyRollups(database.db, { now: NOW });
    expect(
      (
        await database.db
          .select()
          .from(dailyRollups)
          .where(and(eq(dailyRollups.tenantId, tenant.b.id), ne(dailyRollups.shard, 0)))
      ).length,
    ).toBe(0);
    expect(await metrics("b")).toMatchObject({ messagesSent: 4, analyzed: 8 });
  });
});
