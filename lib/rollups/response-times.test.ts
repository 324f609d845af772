import { readFileSync } from "node:fs";
import path from "node:path";
import { eq } from "drizzle-orm";
import { afterAll, afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { dailyRollups, messages } from "@/db/schema";
import { responseTimes } from "@/lib/conversations/response-times";
import { handleEvolutionWebhook } from "@/lib/ingest/handle-webhook";
import { getTenantMetrics } from "@/lib/metrics/queries";
import { withTenant } from "@/lib/tenancy/with-tenant";
import { createTestDatabase, dropTestTemplate } from "@/test/db";
import { seedTenants } from "@/test/helpers/seed-tenants";
import { shuffled } from "@/test/helpers/shuffle";
import { compactDailyRollups } from "./compact";
import { rebuildRollups } from "./rebuild";
import { medianFromBuckets, responseBucketBounds } from "./response-times";

const FIXTURES = path.resolve(process.cwd(), "test", "fixtures", "evolution");
const SECRET = "loja-webhook-secret";
// 2025-10-21 11:00:00 UTC: 08:00 in São Paulo, so every message below falls on one local day.
const T0 = 1761044400;

/** One chat's script: seconds after T0, who wrote, and an id. */
type Line = { id: string; at: number; fromMe: boolean };
const CHAT_A: Line[] = [
  { id: "A01", at: 0, fromMe: false },
  { id: "A02", at: 30, fromMe: false },
  { id: "A03", at: 95, fromMe: true }, // turn of 95 s
  { id: "A04", at: 140, fromMe: true }, // no turn open: not a response
  { id: "A05", at: 600, fromMe: false },
  { id: "A06", at: 1_800, fromMe: true }, // 1,200 s
  { id: "A07", at: 1_900, fromMe: false },
  { id: "A08", at: 2_000, fromMe: false },
  { id: "A09", at: 9_100, fromMe: true }, // 7,200 s
  { id: "A10", at: 9_200, fromMe: false }, // never answered
];
const CHAT_B: Line[] = [
  { id: "B01", at: 10, fromMe: false },
  { id: "B02", at: 25, fromMe: true }, // 15 s
  { id: "B03", at: 400, fromMe: false },
  { id: "B04", at: 3_000, fromMe: true }, // 2,600 s
];

describe("response times in the rollups", () => {
  let database: Database;
  let tenantId: string;

  const post = (body: unknown) =>
    handleEvolutionWebhook(database.db, {
      rawBody: JSON.stringify(body),
      headers: new Headers({ "x-evosense-secret": SECRET }),
      url: new URL("http://evosense.test/api/webhooks/evolution"),
    });
  const postLine = (line: Line, phone: string) => {
    const body = JSON.parse(readFileSync(path.join(FIXTURES, "messages-upsert-text.json"), "utf8"));
    body.data.key = { remoteJid: `${phone}@s.whatsapp.net`, fromMe: line.fromMe, id: line.id };
    body.data.message = { conversation: line.fromMe ? "Olá, já verifico." : "Meu pedido não chegou." };
    body.data.messageTimestamp = T0 + line.at;
    return post(body);
  };
  const deleteMessage = (id: string, phone: string, fromMe: boolean) => {
    const body = JSON.parse(readFileSync(path.join(FIXTURES, "messages-delete.json"), "utf8"));
    body.data = { remoteJid: `${phone}@s.whatsapp.net`, fromMe, id };
    return post(body);
  };
  const snapshot = async () => {
    // One row per day, as a rebuild writes them: the incremental writes are spread over shards.
    await compactDailyRollups(database.db, { before: "9999-12-31" });
    return snapshotRows();
  };
  const snapshotRows = async () => ({
    seconds: (await database.db.select({ id: messages.externalId, s: messages.responseSeconds }).from(messages)).sort(
      (a, b) => a.id.localeCompare(b.id),
    ),
    buckets: (await database.db.select().from(dailyRollups))
      .filter((r) => r.emotion === "")
      .map((r) => ({ connectionId: r.connectionId, day: r.day, responseBuckets: r.responseBuckets }))
      .sort((a, b) => `${a.connectionId}${a.day}`.localeCompare(`${b.connectionId}${b.day}`)),
  });

  beforeEach(async () => {
    database = await createTestDatabase();
    const [{ tenant }] = await seedTenants(database.db, [
      { slug: "loja-centro", name: "Loja Centro", connection: { webhookSecret: SECRET } },
    ]);
    tenantId = tenant.id;
  });
  afterEach(async () => database.close());
  afterAll(dropTestTemplate);

  it.each([1, 7, 42])(
    "follows customer turns whatever order messages arrive in (shuffle %i), and equals a rebuild",
    async (seed) => {
      const lines = [
        ...CHAT_A.map((l) => ({ l, phone: "5511987654321" })),
        ...CHAT_B.map((l) => ({ l, phone: "5521912345678" })),
      ];
      for (const { l, phone } of shuffled(lines, seed)) expect((await postLine(l, phone)).status).toBe(200);
      // A deleted customer message that opened a turn, and a deleted reply: both leave the turns they shaped.
      await deleteMessage("A07", "5511987654321", false);
      await deleteMessage("B02", "5521912345678", true);

      const stored = await database.db.select().from(messages);
      const byId = new Map(stored.map((m) => [m.externalId, m.responseSeconds]));
      expect(Object.fromEntries([...byId].filter(([, s]) => s !== null))).toEqual({
        A03: 95,
        A06: 1_200,
        A09: 7_100, // the turn now starts at A08, A07 being deleted
        B04: 2_990, // B02 deleted: the turn runs from B01
      });
      // The conversation view reads the same turns from the messages themselves.
      for (const chatId of new Set(stored.map((m) => m.chatId))) {
        const chat = stored.filter((m) => m.chatId === chatId).sort((a, b) => a.sentAt.getTime() - b.sentAt.getTime());
        const view = responseTimes(chat);
        expect(view.replies).toBe(chat.filter((m) => m.responseSeconds !== null).length);
      }

      const incremental = await snapshot();
      expect(incremental.buckets).toHaveLength(1);
      expect(Object.values(incremental.buckets[0]!.responseBuckets).reduce((s, n) => s + n, 0)).toBe(4);
      await rebuildRollups(database.db);
      expect(await snapshot()).toEqual(incremental);
    },
  );

  it("gives the dashboard the median first response, within a bucket of the exact one", async () => {
    for (const l of CHAT_A) await postLine(l, "5511987654321");
    const metrics = await withTenant(
      tenantId,
      (tx) => getTenantMetrics(tx, tenantId, { from: "2025-10-21", to: "2025-10-21" }),
      database.db,
    );
    // Turns of 95, 1,200 and 7,100 s: the exact median is 1,200 s.
    const bucket = Math.floor(4 * Math.log2(1_201));
    const [lo, hi] = responseBucketBounds(bucket);
    expect(metrics.medianFirstResponseSeconds).toBeGreaterThanOrEqual(lo);
    expect(metrics.medianFirstResponseSeconds).toBeLessThan(hi);
    expect(Math.abs(metrics.medianFirstResponseSeconds! - 1_200) / 1_200).toBeLessThan(0.09);
    // Not the customers' messages: under an emotion filter there is no response time and no sent count.
    const filtered = await withTenant(
      tenantId,
      (tx) => getTenantMetrics(tx, tenantId, { from: "2025-10-21", to: "2025-10-21", emotion: "anger" }),
      database.db,
    );
    expect(filtered).toMatchObject({
      emotion: "anger",
      messagesSent: null,
      medianFirstResponseSeconds: null,
      messagesReceived: 0,
    });
    // Another tenant's period holds none of it.
    const [{ tenant: other }] = await seedTenants(database.db, [{ slug: "outra", name: "Outra" }]);
    const theirs = await withTenant(
      other.id,
      (tx) => getTenantMetrics(tx, tenantId, { from: "2025-10-21", to: "2025-10-21" }),
      database.db,
    );
    expect(theirs).toMatchObject({ messagesReceived: 0, medianFirstResponseSeconds: null });
    expect((await database.db.select().from(dailyRollups).where(eq(dailyRollups.tenantId, other.id))).length).toBe(0);
  });

  it("reads a median out of buckets", () => {
    expect(medianFromBuckets({})).toBeNull();
    // One value: somewhere inside its own bucket.
    const [lo, hi] = responseBucketBounds(20);
    const one = medianFromBuckets({ "20": 1 })!;
    expect(one).toBeGreaterThanOrEqual(lo);
    expect(one).toBeLessThanOrEqual(hi);
    // Three below, one above: the median lies in the lower bucket.
    const m = medianFromBuckets({ "10": 3, "30": 1 })!;
    expect(m).toBeGreaterThanOrEqual(responseBucketBounds(10)[0]);
    expect(m).toBeLessThanOrEqual(responseBucketBounds(10)[1]);
  });
});
