import { NonRetriableError, cron } from "inngest";
import { serve } from "inngest/next";
import { afterAll, afterEach, beforeEach, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import { jobRuns, outbox, tenants } from "@/db/schema";
import { inngest } from "@/inngest/client";
import { tenantCreatedFn } from "@/inngest/functions/tenant-created";
import { createTestDatabase, dropTestTemplate } from "@/test/db";
import { seedTenants } from "@/test/helpers/seed-tenants";
import { enqueue } from "../../lib/jobs/outbox";
import { EmbeddedRunner } from "./runner";
import { setDatabase } from "@/db/client";

const quiet = process.env.DEBUG_RUNNER ? console : { info: () => {}, warn: () => {}, error: () => {} };

// Side effects of the test functions, so a test can tell how often each step really ran.
const calls: string[] = [];
let failuresLeft = 0;

const flaky = inngest.createFunction(
  { id: "test-flaky", triggers: [{ event: "test/flaky" }], retries: 3 },
  async ({ step, event }) => {
    const first = await step.run("first", () => {
      calls.push(`first:${event.data.n}`);
      return 1;
    });
    const second = await step.run("second", () => {
      calls.push("second");
      if (failuresLeft-- > 0) throw new Error("provider unavailable");
      return 2;
    });
    return { sum: first + second };
  },
);

const poison = inngest.createFunction(
  {
    id: "test-poison",
    triggers: [{ event: "test/poison" }],
    retries: 3,
    onFailure: async ({ event, error }) => {
      calls.push(`onFailure:${event.data.event.data.messageId}:${error.message}`);
    },
  },
  async ({ step }) => {
    await step.run("score", () => {
      calls.push("score");
      throw new NonRetriableError("invalid model output");
    });
  },
);

const chained = inngest.createFunction(
  { id: "test-chained", triggers: [{ event: "test/chained" }] },
  async ({ step, event }) => {
    await step.sendEvent("emit", { name: "test/flaky", data: { n: event.data.n }, id: `chained-${event.data.n}` });
    await step.sleep("pause", "2s");
    return "sent";
  },
);

const nightly = inngest.createFunction({ id: "test-nightly", triggers: [cron("30 3 * * *")] }, async () => {
  calls.push("nightly");
  return "ok";
});

describe("embedded Inngest runner", () => {
  let database: Database;
  let runner: EmbeddedRunner;
  let clock: Date;
  const handler = serve({ client: inngest, functions: [flaky, poison, chained, nightly, tenantCreatedFn] });

  beforeEach(async () => {
    database = await createTestDatabase();
    setDatabase(database);
    calls.length = 0;
    failuresLeft = 0;
    clock = new Date("2026-11-22T03:28:00Z");
    runner = new EmbeddedRunner({ database, handler, logger: quiet, now: () => clock, backoffMs: () => 0 });
    await runner.prepare();
  });
  afterEach(async () => {
    await runner?.stop();
    await database.close();
  });
  afterAll(dropTestTemplate);

  it("learns the functions and their failure handlers from the handler", () => {
    expect(runner.functionIds).toEqual(
      expect.arrayContaining([
        "evosense-test-flaky",
        "evosense-test-poison",
        "evosense-test-poison-failure",
        "evosense-test-nightly",
      ]),
    );
  });

  it("retries a failing step without re-running the steps that succeeded", async () => {
    failuresLeft = 2;
    await enqueue(database.db, { name: "test/flaky", data: { n: 1 } });
    await runner.runUntilIdle();
    expect(calls).toEqual(["first:1", "second", "second", "second"]);
    const [run] = await database.db.select().from(jobRuns).where(eq(jobRuns.fnId, "evosense-test-flaky"));
    expect(run).toMatchObject({ status: "completed", output: { sum: 3 } });
  });

  it("fails a run on NonRetriableError at once and runs onFailure", async () => {
    await enqueue(database.db, { name: "test/poison", data: { messageId: "m-42" } });
    await runner.runUntilIdle();
    expect(calls).toEqual(["score", "onFailure:m-42:invalid model output"]);
    const [run] = await database.db.select().from(jobRuns).where(eq(jobRuns.fnId, "evosense-test-poison"));
    expect(run!.status).toBe("failed");
  });

  it("gives up after the configured retries and records the failure", async () => {
    failuresLeft = 100;
    await enqueue(database.db, { name: "test/flaky", data: { n: 2 } });
    await runner.runUntilIdle();
    expect(calls.filter((c) => c === "second")).toHaveLength(4);
    const [run] = await database.db.select().from(jobRuns).where(eq(jobRuns.fnId, "evosense-test-flaky"));
    expect(run!.status).toBe("failed");
  });

  it("runs a duplicated event id once", async () => {
    await database.db
      .insert(outbox)
      .values({ id: "01DUPLICATEEVENT0000000000", name: "test/flaky", data: { n: 7 }, ts: Date.now() });
    await runner.runUntilIdle();
    await database.db.update(outbox).set({ dispatchedAt: null });
    await runner.runUntilIdle();
    expect(calls).toEqual(["first:7", "second"]);
  });

  it("delivers step.sendEvent through the outbox and wakes a durable sleep", async () => {
    await enqueue(database.db, { name: "test/chained", data: { n: 9 } });
    await runner.runUntilIdle();
    expect(calls).toEqual(["first:9", "second"]);
    const [sleeping] = await database.db.select().from(jobRuns).where(eq(jobRuns.fnId, "evosense-test-chained"));
    expect(sleeping!.status).toBe("sleeping");
    clock = new Date(clock.getTime() + 3000);
    await runner.runUntilIdle();
    const [done] = await database.db.select().from(jobRuns).where(eq(jobRuns.fnId, "evosense-test-chained"));
    expect(done).toMatchObject({ status: "completed", output: "sent" });
  });

  it("fires a cron-triggered function once for its minute", async () => {
    await runner.tick();
    expect(calls).toEqual([]);
    clock = new Date("2026-11-22T03:30:20Z");
    await runner.tick();
    clock = new Date("2026-11-22T03:30:50Z");
    await runner.tick();
    expect(calls).toEqual(["nightly"]);
  });

  it("applies default settings when a tenant is created", async () => {
    const [{ tenant }] = await seedTenants(database.db, [
      { slug: "nova", name: "Nova", plan: "starter", settings: { storedText: "redacted" } },
    ]);
    await enqueue(database.db, { name: "tenant/created", data: { tenantId: tenant.id } });
    await runner.runUntilIdle();
    const [after] = await database.db.select().from(tenants).where(eq(tenants.id, tenant.id));
    expect(after!.settings).toMatchObject({
      storedText: "redacted",
      analysisConcurrency: 5,
      disconnectAlertThreshold: 3,
    });
    expect(after!.settings.initializedAt).toBeTruthy();
  });
});
