import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { rowsOf } from "@/db/rows";
import { env } from "@/lib/env";
import { backgroundWorkRunning } from "../../server/background-work";

export type JobsHealth = {
  ok: boolean;
  mode: "embedded" | "inngest";
  running: boolean;
  pendingEvents: number;
  oldestPendingSeconds: number | null;
  failedRuns24h: number;
};

/** Backlog and failures, for /api/health and the admin console. */
export async function jobsHealth(db: Db): Promise<JobsHealth> {
  const [row] = rowsOf<{ pending: string | number; oldest: string | number | null; failed: string | number }>(
    await db.execute(sql`select
      (select count(*) from outbox where dispatched_at is null) as pending,
      (select extract(epoch from now() - min(created_at)) from outbox where dispatched_at is null) as oldest,
      (select count(*) from job_runs where status = 'failed' and updated_at > now() - interval '24 hours') as failed`),
  );
  const running = backgroundWorkRunning();
  return {
    ok: running,
    mode: env().jobsMode,
    running,
    pendingEvents: Number(row!.pending),
    oldestPendingSeconds: row!.oldest === null ? null : Math.round(Number(row!.oldest)),
    failedRuns24h: Number(row!.failed),
  };
}
