import { InngestTestEngine } from "@inngest/test";
import { serve } from "inngest/next";
import { eq } from "drizzle-orm";
import { afterAll, afterEach, beforeEach, describe, expect, it } from "vitest";
import { setDatabase, type Database } from "@/db/client";
import { jobRuns, tenants } from "@/db/schema";
import { inngest } from "@/inngest/client";
import { enqueue } from "@/lib/jobs/outbox";
import { EmbeddedRunner } from "@/inngest/embedded/runner";
import { createTestDatabase, dropTestTemplate } from "@/test/db";
import { seedTenants } from "@/test/helpers/seed-tenants";
import { tenantCreatedFn } from "./tenant-created";

const quiet = { info: () => {}, warn: () => {}, error: () => {} };

/**
 * The same function through the embedded runner and through Inngest's own test engine must agree, so the
 * embedded path cannot drift from what Inngest itself would do with our functions.
 */
describe("embedded runner vs @inngest/test", () => {
  let database: Database;
  let tenantId: string;
  beforeEach(async () => {
    database = await createTestDatabase();
    setDatabase(database);
    const [{ tenant }] = await seedTenants(database.db, [{ slug: "t", name: "T", plan: "starter" }]);
    tenantId = tenant.id;
  });
  afterEach(async () => database.close());
  afterAll(dropTestTemplate);

  it("tenant-created gives the same output and settings on both paths", async () => {
    const engine = new InngestTestEngine({ function: tenantCreatedFn });
    const { result } = await engine.execute({ events: [{ name: "tenant/created", data: { tenantId } }] });
    const [viaEngine] = await database.db.select().from(tenants).where(eq(tenants.id, tenantId));

    await database.db.update(tenants).set({ settings: {} });
    const runner = new EmbeddedRunner({
      database,
      handler: serve({ client: inngest, functions: [tenantCreatedFn] }),
      logger: quiet,
    });
    await runner.prepare();
    await enqueue(database.db, { name: "tenant/created", data: { tenantId } });
    await runner.runUntilIdle();
    await runner.stop();
    const [run] = await database.db.select().from(jobRuns);
    const [viaRunner] = await database.db.select().from(tenants).where(eq(tenants.id, tenantId));

    expect(run!.output).toEqual(result);
    const { initializedAt: a, ...engineSettings } = viaEngine!.settings;
    const { initializedAt: b, ...runnerSettings } = viaRunner!.settings;
    expect(runnerSettings).toEqual(engineSettings);
    expect(a && b).toBeTruthy();
  });
});
