import { sql } from "drizzle-orm";
import { getDatabase } from "@/db/client";
import { env } from "@/lib/env";
import { jobsHealth } from "@/lib/jobs/status";
import { appVersion } from "./version";

export type Health = {
  status: "ok" | "degraded";
  version: string;
  mode: { database: "pglite" | "postgres"; jobs: "embedded" | "inngest"; ai: string; stripe: "enabled" | "disabled" };
  database: { ok: boolean; latencyMs?: number; error?: string };
  runner: Awaited<ReturnType<typeof jobsHealth>> | { ok: false; error: string };
};

export async function checkHealth(): Promise<Health> {
  const e = env();
  const started = performance.now();
  let database: Health["database"];
  let runner: Health["runner"];
  try {
    const { db } = await getDatabase();
    await db.execute(sql`select 1`);
    database = { ok: true, latencyMs: Math.round((performance.now() - started) * 10) / 10 };
    runner = await jobsHealth(db).catch((err: Error) => ({ ok: false as const, error: err.message }));
  } catch (err) {
    database = { ok: false, error: (err as Error).message };
    runner = { ok: false, error: "database unavailable" };
  }
  return {
    status: database.ok && runner.ok ? "ok" : "degraded",
    version: appVersion(),
    mode: {
      database: e.databaseMode,
      jobs: e.jobsMode,
      ai: e.aiProvider,
      stripe: e.stripeEnabled ? "enabled" : "disabled",
    },
    database,
    runner,
  };
}
