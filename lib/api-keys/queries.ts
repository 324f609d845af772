import { and, desc, eq, isNull } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { apiKeys, tenants } from "@/db/schema";

export async function listApiKeys(tx: DbOrTx, tenantId: string) {
  return tx
    .select({
      id: apiKeys.id,
      name: apiKeys.name,
      prefix: apiKeys.prefix,
      createdAt: apiKeys.createdAt,
      lastUsedAt: apiKeys.lastUsedAt,
      revokedAt: apiKeys.revokedAt,
    })
    .from(apiKeys)
    .where(eq(apiKeys.tenantId, tenantId))
    .orderBy(desc(apiKeys.createdAt));
}

export async function insertApiKey(
  tx: DbOrTx,
  tenantId: string,
  values: { name: string; prefix: string; keyHash: string; createdBy: string | null },
) {
  const [row] = await tx
    .insert(apiKeys)
    .values({ ...values, tenantId })
    .onConflictDoNothing()
    .returning({ id: apiKeys.id });
  return row ?? null;
}

export async function revokeApiKey(tx: DbOrTx, tenantId: string, id: string) {
  const [row] = await tx
    .update(apiKeys)
    .set({ revokedAt: new Date() })
    .where(and(eq(apiKeys.tenantId, tenantId), eq(apiKeys.id, id), isNull(apiKeys.revokedAt)))
    .returning({ id: apiKeys.id });
  return row ?? null;
}

/** Owner role: the key is what tells which tenant a request belongs to. */
export async function findActiveKey(db: DbOrTx, keyHash: string) {
  const [row] = await db
    .select({ id: apiKeys.id, tenantId: apiKeys.tenantId, tenantSlug: tenants.slug, tenantStatus: tenants.status })
    .from(apiKeys)
    .innerJoin(tenants, eq(tenants.id, apiKeys.tenantId))
    .where(and(eq(apiKeys.keyHash, keyHash), isNull(apiKeys.revokedAt)))
    .limit(1);
  return row ?? null;
}

export async function touchApiKey(db: DbOrTx, id: string) {
  await db.update(apiKeys).set({ lastUsedAt: new Date() }).where(eq(apiKeys.id, id));
}
