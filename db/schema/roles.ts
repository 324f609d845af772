import { sql, type SQL } from "drizzle-orm";
import { pgPolicy, pgRole, type AnyPgColumn } from "drizzle-orm/pg-core";

/** The role every tenant transaction switches to; created by the first migration, so drizzle must not create it. */
export const appUser = pgRole("app_user").existing();

/** The tenant of the current transaction, as set by withTenant; NULL (no rows) when unset. */
export const currentTenant: SQL = sql`nullif(current_setting('app.tenant_id', true), '')::uuid`;

/**
 * Row-level security: a tenant transaction sees and writes only its own rows, even when a query
 * forgets its WHERE clause. The owner role (migrations, super-admin console, the job runner) bypasses it.
 */
export const tenantIsolation = (name: string, tenantId: AnyPgColumn) =>
  pgPolicy(`${name}_tenant_isolation`, {
    as: "permissive",
    for: "all",
    to: appUser,
    using: sql`${tenantId} = ${currentTenant}`,
    withCheck: sql`${tenantId} = ${currentTenant}`,
  });
