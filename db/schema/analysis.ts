import {
  boolean,
  index,
  integer,
  jsonb,
  numeric,
  pgEnum,
  pgTable,
  real,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { messages } from "./messaging";
import { tenantIsolation } from "./roles";
import { tenants } from "./tenancy";

export const experimentMode = pgEnum("experiment_mode", ["split", "shadow"]);
export const experimentStatus = pgEnum("experiment_status", ["draft", "running", "stopped"]);

/** Immutable: a change is a new version, so every inference names exactly what produced it. */
export const promptVersions = pgTable(
  "prompt_versions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    key: text("key").notNull(),
    description: text("description"),
    body: text("body").notNull(),
    provider: text("provider"),
    model: text("model"),
    params: jsonb("params").$type<Record<string, unknown>>().notNull().default({}),
    hash: text("hash").notNull(),
    isDefault: boolean("is_default").notNull().default(false),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("prompt_versions_key").on(t.key)],
);

export const experiments = pgTable(
  "experiments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    tenantId: uuid("tenant_id")
      .notNull()
      .references(() => tenants.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    championId: uuid("champion_id")
      .notNull()
      .references(() => promptVersions.id),
    challengerId: uuid("challenger_id").references(() => promptVersions.id),
    mode: experimentMode("mode").notNull().default("split"),
    /** Share of traffic (0..1) the challenger gets in split mode. */
    share: real("share").notNull().default(0),
    status: experimentStatus("status").notNull().default("draft"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("experiments_tenant_idx").on(t.tenantId), tenantIsolation("experiments", t.tenantId)],
).enableRLS();

export const inferences = pgTable(
  "inferences",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    tenantId: uuid("tenant_id")
      .notNull()
      .references(() => tenants.id, { onDelete: "cascade" }),
    messageId: uuid("message_id")
      .notNull()
      .references(() => messages.id, { onDelete: "cascade" }),
    promptVersionId: uuid("prompt_version_id")
      .notNull()
      .references(() => promptVersions.id),
    experimentId: uuid("experiment_id").references(() => experiments.id, { onDelete: "set null" }),
    provider: text("provider").notNull(),
    model: text("model").notNull(),
    /** Hash of the prompt text actually sent (template rendered with its version's body). */
    templateHash: text("template_hash").notNull(),
    /** What produced this row (an analysis run, a replay run): with the message and prompt, the idempotency key. */
    runKey: text("run_key").notNull(),
    isShadow: boolean("is_shadow").notNull().default(false),
    latencyMs: integer("latency_ms").notNull(),
    inputTokens: integer("input_tokens"),
    outputTokens: integer("output_tokens"),
    costUsd: numeric("cost_usd", { precision: 12, scale: 8 }),
    sentiment: real("sentiment"),
    emotion: text("emotion"),
    satisfaction: smallint("satisfaction"),
    tone: text("tone"),
    summary: text("summary"),
    confidence: real("confidence"),
    rationale: text("rationale"),
    language: text("language"),
    /** The output needed the one repair attempt. */
    repaired: boolean("repaired").notNull().default(false),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("inferences_run_key").on(t.messageId, t.promptVersionId, t.runKey),
    index("inferences_tenant_created_idx").on(t.tenantId, t.createdAt),
    tenantIsolation("inferences", t.tenantId),
  ],
).enableRLS();

export const replayRuns = pgTable(
  "replay_runs",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    tenantId: uuid("tenant_id")
      .notNull()
      .references(() => tenants.id, { onDelete: "cascade" }),
    promptVersionId: uuid("prompt_version_id")
      .notNull()
      .references(() => promptVersions.id),
    status: text("status").notNull().default("queued"),
    filters: jsonb("filters").$type<Record<string, unknown>>().notNull().default({}),
    total: integer("total").notNull().default(0),
    done: integer("done").notNull().default(0),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [tenantIsolation("replay_runs", t.tenantId)],
).enableRLS();
