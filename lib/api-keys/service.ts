import type { Db } from "@/db/client";
import { recordAudit } from "@/lib/audit/queries";
import type { SessionUser } from "@/lib/auth/roles";
import { withTenant } from "@/lib/tenancy/with-tenant";
import { generateApiKey, hashApiKey, keyPrefix } from "./keys";
import * as q from "./queries";

type Actor = Pick<SessionUser, "id" | "email">;

/** Returns the key in clear exactly once; only its hash is stored. */
export async function createApiKey(db: Db, tenantId: string, actor: Actor, name: string, key = generateApiKey()) {
  return withTenant(
    tenantId,
    async (tx) => {
      const row = await q.insertApiKey(tx, tenantId, {
        name,
        prefix: keyPrefix(key),
        keyHash: hashApiKey(key),
        createdBy: actor.id,
      });
      if (!row) throw new Error("api key collision");
      await recordAudit(tx, {
        tenantId,
        actorUserId: actor.id,
        actorEmail: actor.email,
        action: "api_key.create",
        targetType: "api_key",
        targetId: row.id,
        details: { name },
      });
      return { id: row.id, key };
    },
    db,
  );
}

export async function revokeApiKey(db: Db, tenantId: string, actor: Actor, id: string) {
  return withTenant(
    tenantId,
    async (tx) => {
      const row = await q.revokeApiKey(tx, tenantId, id);
      if (row)
        await recordAudit(tx, {
          tenantId,
          actorUserId: actor.id,
          actorEmail: actor.email,
          action: "api_key.revoke",
          targetType: "api_key",
          targetId: id,
        });
      return Boolean(row);
    },
    db,
  );
}

export async function resolveApiKey(db: Db, key: string) {
  const row = await q.findActiveKey(db, hashApiKey(key));
  if (!row) return null;
  await q.touchApiKey(db, row.id);
  return row;
}
