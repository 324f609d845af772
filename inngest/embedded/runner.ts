import { sql } from "drizzle-orm";
import { ulid } from "ulid";
import type { Database, Db } from "@/db/client";
import { rowsOf } from "@/db/rows";
import { outbox } from "@/db/schema";
import { cronMatches, parseCron, type CronSchedule } from "./cron";
import { bindEmbeddedFetch, type FunctionConfig } from "./embedded-fetch";
import { evaluate, isSupportedExpression, resolvePath } from "./expressions";
import {
  dueRuns,
  findRun,
  findRuns,
  insertRun,
  insertRuns,
  markRunning,
  requeueInterrupted,
  saveRun,
  type Run,
} from "./run-store";

// The Next.js serve() handler; it reads only what a standard Request carries.
type RequestHandler = (req: never, res: unknown) => Promise<Response>;
type Handler = { POST: RequestHandler; PUT: RequestHandler };
type Logger = {
  info: (o: object, m?: string) => void;
  warn: (o: object, m?: string) => void;
  error: (o: object, m?: string) => void;
};
type Op = { op: string; id: string; name?: string; data?: unknown; error?: unknown; opts?: Record<string, unknown> };

export type RunnerOptions = {
  database: Database;
  handler: Handler;
  logger?: Logger;
  pollMs?: number;
  maxParallel?: number;
  now?: () => Date;
  /** Delay before retry `attempt` (1-based); Inngest's own backoff is exponential with jitter. */
  backoffMs?: (attempt: number) => number;
};

// Features our functions could declare that this runner does not model: refusing them at start keeps
// embedded mode from silently behaving differently from Inngest.
const UNSUPPORTED = ["debounce", "batchEvents", "cancel", "singleton", "priority", "timeouts"];
const NOT_ENFORCED = ["throttle", "rateLimit"];
const RUNNER_LOCK = 7_302_419;
const FAILED_EVENT = "inngest/function.failed";
const INVOKED_EVENT = "inngest/function.invoked";
const CRON_EVENT = "inngest/scheduled.timer";
const BASE = "http://embedded.evosense/api/inngest";

const defaultBackoff = (attempt: number) => Math.min(1000 * 2 ** (attempt - 1), 60_000) * (0.8 + Math.random() * 0.4);

/** "10s", "5m", "1h", "2d", "1w" or a number of milliseconds. */
export function durationMs(value: unknown): number {
  if (typeof value === "number") return value;
  const m = /^(\d+(?:\.\d+)?)(ms|s|m|h|d|w)$/.exec(String(value).trim());
  if (!m) throw new Error(`unsupported duration ${JSON.stringify(value)}`);
  const unit = { ms: 1, s: 1e3, m: 6e4, h: 36e5, d: 864e5, w: 6048e5 }[m[2] as "ms"];
  return Number(m[1]) * unit;
}

/**
 * Runs Inngest functions with no Inngest server: it drains the outbox, keeps run state in `job_runs`, and
 * drives our own `serve()` handler through the SDK's public executor protocol (SDK_SPEC §4.4/§5).
 * A convenience for one machine, demos and tests; production uses Inngest.
 */
export class EmbeddedRunner {
  private configs = new Map<string, FunctionConfig>();
  private crons: { fnId: string; schedule: CronSchedule; expression: string }[] = [];
  private active = new Map<string, number>();
  private inFlight = new Set<Promise<void>>();
  private timer: NodeJS.Timeout | undefined;
  private running = false;
  private ticking: Promise<void> | undefined;
  private inTick = false;
  private dueChain: Promise<void> = Promise.resolve();
  private refillPending = false;
  private tickAgain = false;
  private lastCronMinute = 0;
  private releaseLock: (() => Promise<void>) | undefined;
  private readonly db: Db;
  private readonly log: Logger;
  private readonly now: () => Date;
  private readonly backoff: (attempt: number) => number;

  constructor(private readonly options: RunnerOptions) {
    this.db = options.database.db;
    this.log = options.logger ?? console;
    this.now = options.now ?? (() => new Date());
    this.backoff = options.backoffMs ?? defaultBackoff;
  }

  get functionIds(): string[] {
    return [...this.configs.keys()];
  }

  /** Takes the per-database lock, learns the functions from the handler, recovers interrupted runs. */
  async prepare(): Promise<void> {
    await this.lock();
    bindEmbeddedFetch({ db: async () => this.db, onRegister: (fns) => this.register(fns) });
    const res = await this.options.handler.PUT(new Request(BASE, { method: "PUT" }) as never, undefined);
    if (!res.ok) throw new Error(`embedded runner: function sync failed (${res.status}): ${await res.text()}`);
    if (this.configs.size === 0) throw new Error("embedded runner: the handler registered no functions");
    const recovered = await requeueInterrupted(this.db);
    if (recovered) this.log.warn({ recovered }, "embedded runner: resumed runs interrupted by a restart");
    this.lastCronMinute = Math.floor(this.now().getTime() / 60_000);
  }

  async start(): Promise<void> {
    await this.prepare();
    this.running = true;
    this.schedule(0);
    this.log.info({ functions: this.functionIds }, "embedded runner started");
  }

  async stop(): Promise<void> {
    this.running = false;
    clearTimeout(this.timer);
    await this.ticking;
    await Promise.all(this.inFlight);
    await this.releaseLock?.();
  }

  /** Wakes the loop now (after an enqueue) instead of at the next poll. */
  poke(): void {
    if (this.running) this.schedule(0);
  }

  /** One pass: fire crons, drain the outbox, wake timers, execute what is due. */
  async tick(): Promise<void> {
    await this.fireCrons();
    while ((await this.drainOutbox()) > 0);
    await this.wakeTimers();
    await this.executeDue();
  }

  /** Ticks until nothing is queued or in the outbox; for tests and scripts. */
  async runUntilIdle(timeoutMs = 30_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    // Idle twice in a row, a tick apart: a run finishing between the count and the in-flight check must not end
    // the wait before the events it wrote (a failure handler's) are drained.
    let idle = 0;
    while (Date.now() < deadline) {
      await this.tick();
      const [pending] = rowsOf<{ n: number }>(
        await this.db.execute(sql`select
          (select count(*) from outbox where dispatched_at is null) +
          (select count(*) from job_runs where status in ('queued', 'running') and run_after <= ${this.now().toISOString()}::timestamptz) as n`),
      );
      if (Number(pending!.n) === 0 && this.inFlight.size === 0) {
        if (++idle >= 2) return;
      } else {
        idle = 0;
      }
      await new Promise((r) => setTimeout(r, 5));
    }
    throw new Error("embedded runner: not idle before the timeout");
  }

  private schedule(delay: number) {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      // Ticks never overlap: two at once could claim the same due run.
      if (this.inTick) {
        this.tickAgain = true;
        return;
      }
      this.inTick = true;
      this.ticking = this.tick()
        .catch((err: Error) => this.log.error({ err }, "embedded runner tick failed"))
        .finally(() => {
          this.inTick = false;
          const again = this.tickAgain;
          this.tickAgain = false;
          if (this.running) this.schedule(again ? 0 : (this.options.pollMs ?? 250));
        });
    }, delay);
  }

  private async lock(): Promise<void> {
    const { database } = this.options;
    if (database.kind === "postgres" && database.sql) {
      // A session lock needs one dedicated connection for as long as the runner lives.
      const reserved = await database.sql.reserve();
      const [row] = await reserved`select pg_try_advisory_lock(${RUNNER_LOCK}) as locked`;
      if (!row?.locked) {
        reserved.release();
        throw new Error("embedded runner: another process runs the jobs of this database");
      }
      this.releaseLock = async () => {
        await reserved`select pg_advisory_unlock(${RUNNER_LOCK})`;
        reserved.release();
      };
    }
    // PGlite: the data-folder lock (db/client.ts) already makes this process the only one.
  }

  private register(functions: FunctionConfig[]) {
    this.configs.clear();
    this.crons = [];
    for (const fn of functions) {
      const unsupported = UNSUPPORTED.filter((k) => fn[k] !== undefined && fn[k] !== null);
      if (unsupported.length)
        throw new Error(`embedded runner: ${fn.id} uses ${unsupported.join(", ")}, which embedded mode does not model`);
      for (const k of NOT_ENFORCED)
        if (fn[k]) this.log.warn({ fn: fn.id, option: k }, "embedded runner: flow control not enforced");
      const expressions = [
        fn.idempotency,
        ...(fn.concurrency ?? []).map((c) => c.key),
        ...fn.triggers.map((t) => ("event" in t ? t.expression : undefined)),
      ];
      for (const e of expressions) {
        if (e && !isSupportedExpression(e))
          throw new Error(`embedded runner: ${fn.id}: expression "${e}" is not supported`);
      }
      this.configs.set(fn.id, fn);
      for (const t of fn.triggers)
        if ("cron" in t) this.crons.push({ fnId: fn.id, schedule: parseCron(t.cron), expression: t.cron });
    }
  }

  private maxAttempts(fnId: string): number {
    const retries = this.configs.get(fnId)?.steps?.step?.retries?.attempts;
    return (typeof retries === "number" ? retries : 3) + 1;
  }

  private concurrencyKey(fn: FunctionConfig, event: Record<string, unknown>): string | null {
    const key = fn.concurrency?.[0]?.key;
    return key ? String(resolvePath(key, { event })) : null;
  }

  private idempotencyKey(fn: FunctionConfig, event: Record<string, unknown>): string {
    return fn.idempotency ? `idem:${String(resolvePath(fn.idempotency, { event }))}` : `event:${String(event.id)}`;
  }

  private async fireCrons(): Promise<void> {
    if (this.crons.length === 0) return;
    const current = Math.floor(this.now().getTime() / 60_000);
    // Minutes missed while the process was busy still fire, up to an hour back.
    for (let minute = Math.max(this.lastCronMinute + 1, current - 59); minute <= current; minute++) {
      const at = new Date(minute * 60_000);
      for (const c of this.crons) {
        if (!cronMatches(c.schedule, at)) continue;
        const id = `cron-${c.fnId}-${at.toISOString()}`;
        const event = { id, name: CRON_EVENT, data: { cron: c.expression }, ts: at.getTime() };
        await insertRun(this.db, { fnId: c.fnId, event, concurrencyKey: null, idempotencyKey: id, runAfter: at });
      }
    }
    this.lastCronMinute = Math.max(this.lastCronMinute, current);
  }

  /** Claims undispatched events; in the same transaction starts runs and resumes waits. */
  private async drainOutbox(): Promise<number> {
    // The common case is an empty outbox: one indexed probe instead of a transaction.
    const [probe] = rowsOf<{ id: string }>(
      await this.db.execute(sql`select id from outbox where dispatched_at is null limit 1`),
    );
    if (!probe) return 0;
    return this.db.transaction(async (tx) => {
      const rows = rowsOf<{ id: string; name: string; data: Record<string, unknown>; ts: string | number }>(
        await tx.execute(
          sql`select id, name, data, ts from outbox where dispatched_at is null order by id limit 50 for update skip locked`,
        ),
      );
      // Loaded once per batch: most events resume nothing, and this runs for every event the app emits.
      const waitingRuns = rows.length ? await findRuns(tx, ["waiting"]) : [];
      const runs: Parameters<typeof insertRuns>[1] = [];
      for (const row of rows) {
        const event = { id: row.id, name: row.name, data: row.data, ts: Number(row.ts) };
        for (const fn of this.configs.values()) {
          const matches = fn.triggers.some(
            (t) => "event" in t && t.event === row.name && (!t.expression || evaluate(t.expression, { event })),
          );
          if (!matches) continue;
          runs.push({
            fnId: fn.id,
            event,
            concurrencyKey: this.concurrencyKey(fn, event),
            idempotencyKey: this.idempotencyKey(fn, event),
            runAfter: this.now(),
          });
        }
        for (const waiting of waitingRuns) {
          const wait = waiting.wait;
          if (!wait || waiting.status !== "waiting") continue;
          if (wait.event !== row.name || (wait.if && !evaluate(wait.if, { event: waiting.event, async: event })))
            continue;
          this.memo(waiting, wait.stepId, { data: event });
          Object.assign(waiting, { status: "queued", wait: null, runAfter: this.now() });
          await saveRun(tx, waiting);
        }
      }
      // One statement for the whole batch; a duplicate event id (same idempotency key) is skipped.
      await insertRuns(tx, runs);
      if (rows.length) {
        await tx.execute(sql`update outbox set dispatched_at = now() where id in ${rows.map((r) => r.id)}`);
      }
      return rows.length;
    });
  }

  /** Sleeps that are over, and waits that timed out (they resolve to null, as in Inngest). */
  private async wakeTimers(): Promise<void> {
    const now = this.now();
    for (const run of await findRuns(this.db, ["sleeping", "waiting"])) {
      if (run.runAfter > now) continue;
      this.memo(run, run.wait!.stepId, { data: null });
      Object.assign(run, { status: "queued", wait: null, runAfter: now });
      await saveRun(this.db, run);
    }
  }

  /** Starts due runs into free slots. Serialised: two claims at once could start the same run twice. */
  private executeDue(): Promise<void> {
    const next = this.dueChain.then(() => this.startDueRuns());
    this.dueChain = next.catch(() => {});
    return next;
  }

  private async startDueRuns(): Promise<void> {
    const max = this.options.maxParallel ?? 4;
    if (max - this.inFlight.size <= 0) return;
    const starting: { run: Run; slot: string }[] = [];
    for (const run of await dueRuns(this.db, this.now(), (max - this.inFlight.size) * 4)) {
      if (this.inFlight.size + starting.length >= max) break;
      const fn = this.configs.get(run.fnId);
      const limit = fn?.concurrency?.[0]?.limit;
      const slot = `${run.fnId}|${run.concurrencyKey ?? ""}`;
      if (limit && (this.active.get(slot) ?? 0) >= limit) continue;
      this.active.set(slot, (this.active.get(slot) ?? 0) + 1);
      run.status = "running";
      starting.push({ run, slot });
    }
    await markRunning(
      this.db,
      starting.map((s) => s.run.runId),
    );
    for (const { run, slot } of starting) {
      const work = this.advance(run)
        .catch((err: Error) => this.log.error({ runId: run.runId, err }, "embedded runner: run crashed"))
        .finally(() => {
          this.active.set(slot, (this.active.get(slot) ?? 1) - 1);
          this.inFlight.delete(work);
          this.refill();
        });
      this.inFlight.add(work);
    }
  }

  /**
   * A finished run frees a slot: start the next due run now rather than at the next poll, without a whole tick
   * (outbox, timers) per finished run. Refills requested while one is pending coalesce.
   */
  private refill(): void {
    if (!this.running || this.refillPending) return;
    this.refillPending = true;
    void this.dueChain.then(() => {
      this.refillPending = false;
      return this.executeDue().catch((err: Error) => this.log.error({ err }, "embedded runner refill failed"));
    });
  }

  private async call(run: Run, stepId: string, disableImmediate: boolean) {
    const url = `${BASE}?fnId=${encodeURIComponent(run.fnId)}&stepId=${encodeURIComponent(stepId)}`;
    // No ctx.fn_id: that keeps the SDK's checkpointing (which calls the Inngest API) switched off.
    const body = {
      event: run.event,
      events: run.events,
      steps: run.steps,
      ctx: {
        run_id: run.runId,
        attempt: run.attempt,
        max_attempts: this.maxAttempts(run.fnId),
        disable_immediate_execution: disableImmediate,
        use_api: false,
        stack: { stack: run.stack, current: run.stack.length },
      },
    };
    const res = await this.options.handler.POST(
      new Request(url, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(body),
      }) as never,
      undefined,
    );
    const text = await res.text();
    const parsed = text ? (JSON.parse(text) as unknown) : null;
    return {
      status: res.status,
      body: parsed,
      noRetry: res.headers.get("x-inngest-no-retry") === "true",
      retryAfter: res.headers.get("retry-after"),
    };
  }

  /** Drives one run until it finishes, fails, or parks (sleep, wait, invoke, retry later). */
  private async advance(run: Run): Promise<void> {
    let target = "step";
    let disableImmediate = false;
    for (;;) {
      const res = await this.call(run, target, disableImmediate);
      target = "step";
      if (res.status === 200) return this.finish(run, { output: res.body });
      if (res.status !== 206) {
        if (!res.noRetry && run.attempt + 1 < this.maxAttempts(run.fnId)) return this.retryLater(run, res.retryAfter);
        return this.finish(run, { error: res.body });
      }
      const ops = (res.body ?? []) as Op[];
      const planned = ops.filter((o) => o.op === "StepPlanned");
      for (const op of ops) {
        switch (op.op) {
          case "StepRun":
            this.memo(run, op.id, { data: op.data ?? null });
            break;
          case "StepFailed":
            this.memo(run, op.id, { error: op.error });
            break;
          case "StepError":
            await saveRun(this.db, run);
            return this.retryLater(run, res.retryAfter);
          case "StepPlanned":
            break;
          case "Sleep": {
            const until = Date.parse(String(op.name));
            const wake = Number.isNaN(until) ? this.now().getTime() + durationMs(op.opts?.duration ?? op.name) : until;
            return this.park(run, "sleeping", new Date(wake), { stepId: op.id });
          }
          case "WaitForEvent": {
            const timeout = this.now().getTime() + durationMs(op.opts?.timeout ?? "1d");
            const cond = op.opts?.if as string | undefined;
            if (cond && !isSupportedExpression(cond))
              throw new Error(`embedded runner: waitForEvent "if" ${cond} not supported`);
            return this.park(run, "waiting", new Date(timeout), {
              stepId: op.id,
              event: String(op.opts?.event),
              if: cond,
            });
          }
          case "InvokeFunction": {
            const fnId = String(op.opts?.function_id);
            const payload = (op.opts?.payload ?? {}) as { data?: Record<string, unknown> };
            const event = { id: ulid(), name: INVOKED_EVENT, data: payload.data ?? {}, ts: this.now().getTime() };
            await insertRun(this.db, {
              fnId,
              event,
              concurrencyKey: null,
              idempotencyKey: `invoke:${run.runId}:${op.id}`,
              runAfter: this.now(),
              parent: { runId: run.runId, stepId: op.id },
            });
            return this.park(run, "invoking", this.now(), { stepId: op.id });
          }
          default:
            return this.finish(run, {
              error: { name: "UnsupportedOp", message: `embedded mode does not support ${op.op}` },
            });
        }
      }
      await saveRun(this.db, run);
      if (planned.length > 0) {
        // Parallel steps: run the first planned one now; the next request plans the rest again.
        target = planned[0]!.id;
        disableImmediate = planned.length > 1;
      }
    }
  }

  private memo(run: Run, stepId: string, value: Run["steps"][string]) {
    run.steps[stepId] = value;
    run.stack.push(stepId);
    run.attempt = 0;
  }

  private async park(run: Run, status: Run["status"], until: Date, wait: NonNullable<Run["wait"]>) {
    Object.assign(run, { status, runAfter: until, wait });
    await saveRun(this.db, run);
  }

  private async retryLater(run: Run, retryAfter: string | null) {
    run.attempt += 1;
    const seconds = retryAfter ? Number(retryAfter) : Number.NaN;
    const at = retryAfter && Number.isNaN(seconds) ? Date.parse(retryAfter) : Number.NaN;
    const delay = !Number.isNaN(seconds)
      ? seconds * 1000
      : !Number.isNaN(at)
        ? at - this.now().getTime()
        : this.backoff(run.attempt);
    Object.assign(run, { status: "queued", runAfter: new Date(this.now().getTime() + Math.max(0, delay)) });
    await saveRun(this.db, run);
  }

  private async finish(run: Run, result: { output?: unknown; error?: unknown }) {
    run.status = "error" in result ? "failed" : "completed";
    await saveRun(this.db, run, result);
    if (run.parent) {
      const parent = await findRun(this.db, run.parent.runId);
      if (parent && parent.status === "invoking") {
        this.memo(
          parent,
          run.parent.stepId,
          "error" in result ? { error: result.error } : { data: result.output ?? null },
        );
        Object.assign(parent, { status: "queued", wait: null, runAfter: this.now() });
        await saveRun(this.db, parent);
      }
    }
    if ("error" in result) {
      this.log.warn({ runId: run.runId, fn: run.fnId }, "embedded runner: run failed");
      await this.db.insert(outbox).values({
        id: ulid(),
        name: FAILED_EVENT,
        data: { function_id: run.fnId, run_id: run.runId, error: result.error, event: run.event },
        ts: this.now().getTime(),
      });
    }
  }
}
