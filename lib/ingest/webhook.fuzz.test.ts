import { eq } from "drizzle-orm";
import fc from "fast-check";
import { serve } from "inngest/next";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setDatabase, type Database } from "@/db/client";
import { messages } from "@/db/schema";
import { inngest } from "@/inngest/client";
import { analyzeMessageFn } from "@/inngest/functions/analyze-message";
import { EmbeddedRunner } from "@/inngest/embedded/runner";
import { createTestDatabase, dropTestTemplate } from "@/test/db";
import {
  evolutionFixture,
  evolutionFixtureJson,
  evolutionFixtureNames,
  FIXTURE_WEBHOOK_SECRET,
  webhookTenant,
} from "@/test/fixtures/evolution";
import { fieldChanges, FUZZ_RUNS, fuzzParameters, mutate, mutations, rawText, setFields } from "@/test/fuzz";
import { handleEvolutionWebhook, type WebhookResponse } from "./handle-webhook";

/** The longest a single webhook may take, however strange its body. */
const BOUND_MS = 2_000;

describe("fuzzed Evolution webhooks", () => {
  let database: Database;
  const statuses = new Map<number, number>();
  let slowest = 0;
  let bodies = 0;

  const post = async (rawBody: string): Promise<WebhookResponse> => {
    const started = performance.now();
    const reply = await handleEvolutionWebhook(database.db, {
      rawBody,
      headers: new Headers({ "x-evosense-secret": FIXTURE_WEBHOOK_SECRET }),
      url: new URL("http://evosense.test/api/webhooks/evolution"),
    });
    const took = performance.now() - started;
    slowest = Math.max(slowest, took);
    bodies++;
    statuses.set(reply.status, (statuses.get(reply.status) ?? 0) + 1);
    expect(reply.status, `answered ${reply.status} to ${rawBody.slice(0, 300)}`).toBeLessThan(500);
    expect(took, `took ${took.toFixed(0)} ms`).toBeLessThan(BOUND_MS);
    return reply;
  };
  const messageCount = async () => (await database.db.select({ id: messages.id }).from(messages)).length;

  beforeAll(async () => {
    database = await createTestDatabase();
    setDatabase(database);
    await webhookTenant(database.db);
  });
  afterAll(async () => {
    const figures = [...statuses.entries()]
      .sort(([a], [b]) => a - b)
      .map(([s, n]) => `${s}×${n}`)
      .join(" ");
    console.log(`webhook fuzz: ${bodies} bodies, statuses ${figures}, slowest ${slowest.toFixed(0)} ms`);
    await database.close();
    await dropTestTemplate();
  });

  const fixtures = evolutionFixtureNames();

  it(
    "answers every mutated fixture below 500, in time, and stores a body sent twice once",
    async () => {
      let n = 0;
      await fc.assert(
        fc.asyncProperty(
          fc.constantFrom(...fixtures),
          fieldChanges,
          fc.option(mutations),
          async (name, fields, changes) => {
            const body = mutate(setFields(evolutionFixtureJson(name), fields), changes ?? []) as Record<
              string,
              unknown
            >;
            // Each run gets its own message id, so "stored" below is this body's doing.
            const data = body?.data as { key?: { id?: unknown } } | undefined;
            if (
              data &&
              typeof data === "object" &&
              data.key &&
              typeof data.key === "object" &&
              typeof data.key.id === "string"
            )
              data.key.id = `FUZZ${n++}-${data.key.id}`;
            const raw = JSON.stringify(body) ?? "null";
            const first = await post(raw);
            if (first.status === 200 && first.body.stored) {
              const count = await messageCount();
              const again = await post(raw);
              expect(again.body.stored).toBeUndefined();
              expect(await messageCount()).toBe(count);
            }
          },
        ),
        fuzzParameters,
      );
    },
    120_000 + FUZZ_RUNS * 400,
  );

  it(
    "answers bodies that are not JSON, nearly JSON or absurdly deep below 500, in time",
    async () => {
      const valid = fixtures.map(evolutionFixture);
      await fc.assert(
        fc.asyncProperty(rawText(valid), async (raw) => {
          await post(raw);
        }),
        fuzzParameters,
      );
    },
    120_000 + FUZZ_RUNS * 400,
  );

  it("still stores and analyses a valid message after the fuzz", async () => {
    const runner = new EmbeddedRunner({
      database,
      handler: serve({ client: inngest, functions: [analyzeMessageFn] }),
      logger: { info() {}, warn() {}, error() {} },
      backoffMs: () => 0,
    });
    await runner.prepare();
    try {
      const body = evolutionFixtureJson("messages-upsert-text.json");
      body.data.key.id = "AFTER-FUZZ";
      body.data.messageTimestamp = Math.floor(Date.now() / 1000);
      expect(await post(JSON.stringify(body))).toMatchObject({ status: 200, body: { stored: true } });
      await runner.runUntilIdle(120_000);
      const [row] = await database.db.select().from(messages).where(eq(messages.externalId, "AFTER-FUZZ"));
      expect(row).toMatchObject({ analysisStatus: "done" });
      expect(row!.sentiment).not.toBeNull();
    } finally {
      await runner.stop();
    }
  }, 180_000);
});
