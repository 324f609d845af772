import { index, integer, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { tenantIsolation } from "./roles";
import { tenants } from "./tenancy";

/** Every CSV export, so the plan's exports-per-day limit can be counted and admins can see who exported what. */
export const dataExports = pgTable(
  "data_exports",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    tenantId: uuid("tenant_id")
      .notNull()
      .references(() => tenants.id, { onDelete: "cascade" }),
    userId: uuid("user_id"),
    kind: text("kind").notNull(),
    rows: integer("rows").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("data_exports_tenant_created_idx").on(t.tenantId, t.createdAt),
    tenantIsolation("data_exports", t.tenantId),
  ],
).enableRLS();
