import { sql } from "drizzle-orm";
import {
  bigserial,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { tenantIsolation } from "./roles";

export const tenantStatus = pgEnum("tenant_status", ["active", "suspended", "canceled"]);
export const userRole = pgEnum("user_role", ["super_admin", "admin", "viewer"]);

/** Plan limits; `null` means unlimited, `0` means blocked. */
export type PlanLimits = {
  connections: number | null;
  retentionDays: number | null;
  exportsPerDay: number | null;
  analysesPerMonth: number | null;
  semanticSearch: boolean;
};

export type TenantSettings = {
  /** Whether message text is stored as received or with PII redacted. */
  storedText?: "raw" | "redacted";
  analysisConcurrency?: number;
  disconnectAlertThreshold?: number;
  initializedAt?: string;
};

export const plans = pgTable("plans", {
  code: text("code").primaryKey(),
  name: text("name").notNull(),
  priceBrlCents: integer("price_brl_cents").notNull(),
  stripePriceId: text("stripe_price_id"),
  limits: jsonb("limits").$type<PlanLimits>().notNull(),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

export const tenants = pgTable(
  "tenants",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    slug: text("slug").notNull(),
    name: text("name").notNull(),
    status: tenantStatus("status").notNull().default("active"),
    planCode: text("plan_code")
      .notNull()
      .references(() => plans.code),
    /** A copy of the plan's limits taken when the plan was assigned; plan edits do not silently change tenants. */
    planLimits: jsonb("plan_limits").$type<PlanLimits>().notNull(),
    timezone: text("timezone").notNull().default("America/Sao_Paulo"),
    settings: jsonb("settings").$type<TenantSettings>().notNull().default({}),
    statusChangedAt: timestamp("status_changed_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("tenants_slug_key").on(t.slug), tenantIsolation("tenants", t.id)],
).enableRLS();

export const users = pgTable(
  "users",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    tenantId: uuid("tenant_id").references(() => tenants.id, { onDelete: "cascade" }),
    email: text("email").notNull(),
    name: text("name").notNull(),
    passwordHash: text("password_hash").notNull(),
    role: userRole("role").notNull(),
    locale: text("locale").notNull().default("pt-BR"),
    lastLoginAt: timestamp("last_login_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("users_email_key").on(sql`lower(${t.email})`),
    index("users_tenant_idx").on(t.tenantId),
    tenantIsolation("users", t.tenantId),
  ],
).enableRLS();

export const apiKeys = pgTable(
  "api_keys",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    tenantId: uuid("tenant_id")
      .notNull()
      .references(() => tenants.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    /** The first characters of the key, shown in the UI so a key can be recognised without revealing it. */
    prefix: text("prefix").notNull(),
    keyHash: text("key_hash").notNull(),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    lastUsedAt: timestamp("last_used_at", { withTimezone: true }),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("api_keys_hash_key").on(t.keyHash), tenantIsolation("api_keys", t.tenantId)],
).enableRLS();

export const auditLog = pgTable(
  "audit_log",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    tenantId: uuid("tenant_id").references(() => tenants.id, { onDelete: "set null" }),
    actorUserId: uuid("actor_user_id").references(() => users.id, { onDelete: "set null" }),
    actorEmail: text("actor_email"),
    action: text("action").notNull(),
    targetType: text("target_type").notNull(),
    targetId: text("target_id"),
    details: jsonb("details").$type<Record<string, unknown>>().notNull().default({}),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("audit_log_tenant_idx").on(t.tenantId, t.createdAt), tenantIsolation("audit_log", t.tenantId)],
).enableRLS();

/** Rate-limit counters shared by every app instance: fixed windows (exports, login per address) and login lockouts, whose `window_start` is the latest attempt (lib/security/rate-limit.ts). */
export const rateLimits = pgTable("rate_limits", {
  key: text("key").primaryKey(),
  windowStart: timestamp("window_start", { withTimezone: true }).notNull(),
  count: integer("count").notNull(),
});
