import { sql } from "drizzle-orm";
import { bigint, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";

/**
 * Events waiting to reach Inngest. App code inserts a row in the same transaction as the data it describes;
 * the id (a ULID) becomes the Inngest event id, so a re-sent row is dropped as a duplicate.
 */
export const outbox = pgTable(
  "outbox",
  {
    id: text("id").primaryKey(),
    name: text("name").notNull(),
    data: jsonb("data").$type<Record<string, unknown>>().notNull(),
    ts: bigint("ts", { mode: "number" }).notNull(),
    tenantId: text("tenant_id"),
    attempts: integer("attempts").notNull().default(0),
    lastError: text("last_error"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    dispatchedAt: timestamp("dispatched_at", { withTimezone: true }),
  },
  (t) => [
    index("outbox_pending_idx")
      .on(t.createdAt)
      .where(sql`dispatched_at is null`),
  ],
);

/** Function runs of the embedded runner: their memoised steps make a crash resume at step granularity. */
export const jobRuns = pgTable(
  "job_runs",
  {
    runId: text("run_id").primaryKey(),
    fnId: text("fn_id").notNull(),
    event: jsonb("event").$type<Record<string, unknown>>().notNull(),
    events: jsonb("events").$type<Record<string, unknown>[]>().notNull(),
    steps: jsonb("steps").$type<Record<string, unknown>>().notNull().default({}),
    stack: jsonb("stack").$type<string[]>().notNull().default([]),
    attempt: integer("attempt").notNull().default(0),
    status: text("status").notNull().default("queued"),
    concurrencyKey: text("concurrency_key"),
    idempotencyKey: text("idempotency_key"),
    runAfter: timestamp("run_after", { withTimezone: true }).notNull().defaultNow(),
    wait: jsonb("wait").$type<Record<string, unknown>>(),
    parent: jsonb("parent").$type<Record<string, unknown>>(),
    output: jsonb("output"),
    error: jsonb("error"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("job_runs_due_idx").on(t.status, t.runAfter),
    uniqueIndex("job_runs_idempotency_key").on(t.fnId, t.idempotencyKey),
  ],
);
