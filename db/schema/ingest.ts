import { bigserial, index, integer, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { connections } from "./messaging";
import { tenantIsolation } from "./roles";
import { tenants } from "./tenancy";

/** Webhooks for instance names no connection claims: shown to super-admins to spot misconfigured senders. */
export const unclaimedInstances = pgTable("unclaimed_instances", {
  instanceName: text("instance_name").primaryKey(),
  lastEvent: text("last_event"),
  hits: integer("hits").notNull().default(1),
  firstSeenAt: timestamp("first_seen_at", { withTimezone: true }).notNull().defaultNow(),
  lastSeenAt: timestamp("last_seen_at", { withTimezone: true }).notNull().defaultNow(),
});

/**
 * Edits, deletes, receipts and reactions that arrived before the message they refer to (Evolution delivers
 * out of order). They wait here and are applied, in arrival order, when the message is stored.
 */
export const pendingMessageEvents = pgTable(
  "pending_message_events",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    tenantId: uuid("tenant_id")
      .notNull()
      .references(() => tenants.id, { onDelete: "cascade" }),
    connectionId: uuid("connection_id")
      .notNull()
      .references(() => connections.id, { onDelete: "cascade" }),
    externalId: text("external_id").notNull(),
    kind: text("kind").notNull(),
    payload: jsonb("payload").$type<Record<string, unknown>>().notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("pending_message_events_target_idx").on(t.connectionId, t.externalId),
    tenantIsolation("pending_message_events", t.tenantId),
  ],
).enableRLS();

/** Every connection state change, for the disconnect alert and the connection's history. */
export const connectionEvents = pgTable(
  "connection_events",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    tenantId: uuid("tenant_id")
      .notNull()
      .references(() => tenants.id, { onDelete: "cascade" }),
    connectionId: uuid("connection_id")
      .notNull()
      .references(() => connections.id, { onDelete: "cascade" }),
    state: text("state").notNull(),
    reason: text("reason"),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("connection_events_connection_at_idx").on(t.connectionId, t.at),
    tenantIsolation("connection_events", t.tenantId),
  ],
).enableRLS();
