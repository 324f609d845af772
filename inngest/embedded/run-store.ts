import { and, eq, inArray, lte, sql } from "drizzle-orm";
import { ulid } from "ulid";
import type { DbOrTx } from "@/db/client";
import { rowsOf } from "@/db/rows";
import { jobRuns } from "@/db/schema";

export type StepMemo = { data: unknown } | { error: unknown };
export type RunStatus = "queued" | "running" | "sleeping" | "waiting" | "invoking" | "completed" | "failed";
export type Run = {
  runId: string;
  fnId: string;
  event: Record<string, unknown>;
  events: Record<string, unknown>[];
  steps: Record<string, StepMemo>;
  stack: string[];
  attempt: number;
  status: RunStatus;
  concurrencyKey: string | null;
  runAfter: Date;
  wait: { stepId: string; event?: string; if?: string } | null;
  parent: { runId: string; stepId: string } | null;
};

type NewRun = Pick<Run, "fnId" | "event" | "concurrencyKey"> & {
  idempotencyKey: string;
  runAfter: Date;
  parent?: Run["parent"];
};

function newRunValues(run: NewRun) {
  return {
    runId: ulid(),
    fnId: run.fnId,
    event: run.event,
    events: [run.event],
    concurrencyKey: run.concurrencyKey,
    idempotencyKey: run.idempotencyKey,
    parent: run.parent ?? null,
    runAfter: run.runAfter,
    status: "queued",
  };
}

/** Creates a run unless one already exists for this function and idempotency key; returns whether it did. */
export async function insertRun(tx: DbOrTx, run: NewRun): Promise<boolean> {
  const rows = await tx
    .insert(jobRuns)
    .values(newRunValues(run))
    .onConflictDoNothing()
    .returning({ runId: jobRuns.runId });
  return rows.length > 0;
}

/** Many runs in one statement (an outbox batch); duplicates by idempotency key are skipped. */
export async function insertRuns(tx: DbOrTx, runs: NewRun[]): Promise<void> {
  if (runs.length === 0) return;
  await tx.insert(jobRuns).values(runs.map(newRunValues)).onConflictDoNothing();
}

function toRun(row: typeof jobRuns.$inferSelect): Run {
  return {
    runId: row.runId,
    fnId: row.fnId,
    event: row.event,
    events: row.events,
    steps: row.steps as Run["steps"],
    stack: row.stack,
    attempt: row.attempt,
    status: row.status as RunStatus,
    concurrencyKey: row.concurrencyKey,
    runAfter: row.runAfter,
    wait: row.wait as Run["wait"],
    parent: row.parent as Run["parent"],
  };
}

/** Persists a run after every step, so a crash resumes from the last finished step. */
export async function saveRun(db: DbOrTx, run: Run, extra: { output?: unknown; error?: unknown } = {}) {
  await db
    .update(jobRuns)
    .set({
      steps: run.steps,
      stack: run.stack,
      attempt: run.attempt,
      status: run.status,
      runAfter: run.runAfter,
      wait: run.wait,
      ...("output" in extra ? { output: extra.output ?? null } : {}),
      ...("error" in extra ? { error: extra.error ?? null } : {}),
      updatedAt: new Date(),
    })
    .where(eq(jobRuns.runId, run.runId));
}

/** Claims runs in one statement; `running` survives a crash and is requeued by the next process. */
export async function markRunning(db: DbOrTx, runIds: string[]) {
  if (runIds.length === 0) return;
  await db.update(jobRuns).set({ status: "running", updatedAt: new Date() }).where(inArray(jobRuns.runId, runIds));
}

export async function dueRuns(db: DbOrTx, now: Date, limit: number): Promise<Run[]> {
  const rows = await db
    .select()
    .from(jobRuns)
    .where(and(eq(jobRuns.status, "queued"), lte(jobRuns.runAfter, now)))
    .orderBy(jobRuns.runAfter, jobRuns.runId)
    .limit(limit);
  return rows.map(toRun);
}

export async function findRuns(db: DbOrTx, status: RunStatus[]): Promise<Run[]> {
  return (await db.select().from(jobRuns).where(inArray(jobRuns.status, status))).map(toRun);
}

export async function findRun(db: DbOrTx, runId: string): Promise<Run | null> {
  const [row] = await db.select().from(jobRuns).where(eq(jobRuns.runId, runId));
  return row ? toRun(row) : null;
}

/** Runs left `running` by a process that died: the lock proves no one else is executing them. */
export async function requeueInterrupted(db: DbOrTx): Promise<number> {
  const rows = await db.execute(
    sql`update job_runs set status = 'queued', updated_at = now() where status = 'running' returning run_id`,
  );
  return rowsOf(rows).length;
}
