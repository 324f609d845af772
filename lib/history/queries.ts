import { and, eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { connections, tenants } from "@/db/schema";

/** What an import needs about a connection and its tenant; runs inside withTenant. */
export async function findImportSource(tx: DbOrTx, tenantId: string, connectionId: string) {
  const [row] = await tx
    .select({
      connectionId: connections.id,
      tenantId: connections.tenantId,
      instanceName: connections.instanceName,
      evolutionBaseUrl: connections.evolutionBaseUrl,
      instanceTokenEnc: connections.instanceTokenEnc,
      tenantStatus: tenants.status,
      tenantSettings: tenants.settings,
      timezone: tenants.timezone,
    })
    .from(connections)
    .innerJoin(tenants, eq(tenants.id, connections.tenantId))
    .where(and(eq(connections.tenantId, tenantId), eq(connections.id, connectionId)))
    .limit(1);
  return row ?? null;
}
