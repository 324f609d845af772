import { sql } from "drizzle-orm";
import { type Db, type Tx } from "@/db/client";
import { platformDb } from "@/lib/tenancy/queries";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export class InvalidTenantIdError extends Error {
  constructor(id: string) {
    super(`Invalid tenant id: ${JSON.stringify(id)}`);
  }
}

/**
 * Runs `fn` in a transaction as `app_user` with `app.tenant_id` set for that transaction only, so row-level
 * security confines every statement to the tenant even if a query forgets its WHERE clause. Both settings are
 * transaction-local: nothing leaks to the next user of the pooled connection.
 */
export async function withTenant<T>(tenantId: string, fn: (tx: Tx) => Promise<T>, db?: Db): Promise<T> {
  if (!UUID.test(tenantId)) throw new InvalidTenantIdError(tenantId);
  const database = db ?? (await platformDb());
  return database.transaction(async (tx) => {
    // One round trip: set_config('role', …, true) is SET LOCAL ROLE. Awaited before anything else runs: not
    // every driver keeps issue order within a transaction (PGlite did not), and isolation must not depend on it.
    await tx.execute(sql`select set_config('app.tenant_id', ${tenantId}, true), set_config('role', 'app_user', true)`);
    return fn(tx);
  });
}
