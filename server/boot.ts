import { getDatabase } from "@/db/client";
import { runMigrations } from "@/db/migrate";
import { assertNoDemoInProduction, ensureReferenceData, seedDemoData } from "@/lib/demo/seed";
import { env } from "@/lib/env";
import { startBackgroundWork } from "@/server/background-work";
import { logger } from "@/lib/log";
import { startRealtimeListener } from "@/lib/realtime/listen";

const holder = globalThis as unknown as { __evosenseBoot?: Promise<void> };

/**
 * Everything the server needs before it takes traffic: a valid environment, a migrated database, the plan
 * catalogue, demo data on an empty embedded install, and the background worker. Runs once per process.
 */
export function bootServer(): Promise<void> {
  holder.__evosenseBoot ??= (async () => {
    const e = env();
    const log = logger();
    const started = Date.now();
    // Each stage's elapsed time, so a slow first start says where it is rather than going quiet.
    const stage = (name: string) => log.info({ stage: name, ms: Date.now() - started }, `boot: ${name}`);
    const database = await getDatabase();
    stage(e.databaseMode === "pglite" ? `database open (PGlite in ${e.dataDir})` : "database connected");
    await runMigrations(database);
    stage("migrations applied");
    await ensureReferenceData(database.db);
    if (e.isProduction) {
      await assertNoDemoInProduction(database.db);
    } else if (e.DEMO_DATA) {
      const lines: string[] = [];
      const { created } = await seedDemoData(database.db, { log: (line: string) => lines.push(line) });
      if (created) console.log(lines.join("\n"));
      stage(created ? "demo data created" : "demo data present");
    }
    startBackgroundWork();
    await startRealtimeListener(database);
    log.info(
      { database: e.databaseMode, jobs: e.jobsMode, ai: e.aiProvider, stripe: e.stripeEnabled },
      "evosense ready",
    );
    if (!e.stripeEnabled)
      log.info("billing disabled: set STRIPE_SECRET_KEY and STRIPE_WEBHOOK_SECRET to enable Stripe");
  })();
  return holder.__evosenseBoot;
}
