import { eq, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { tenants, type TenantSettings } from "@/db/schema";

export const DEFAULT_TENANT_SETTINGS: Required<Omit<TenantSettings, "initializedAt">> = {
  storedText: "raw",
  analysisConcurrency: 5,
  disconnectAlertThreshold: 3,
};

/**
 * Fills in the settings a new tenant starts with. Settings already present win (jsonb `||` keeps the right
 * side), so re-running the step after a retry or an admin's edit changes nothing.
 */
export async function applyDefaultTenantSettings(db: DbOrTx, tenantId: string): Promise<boolean> {
  const defaults = { ...DEFAULT_TENANT_SETTINGS, initializedAt: new Date().toISOString() };
  const rows = await db
    .update(tenants)
    .set({ settings: sql`${JSON.stringify(defaults)}::jsonb || ${tenants.settings}` })
    .where(eq(tenants.id, tenantId))
    .returning({ id: tenants.id });
  return rows.length > 0;
}
