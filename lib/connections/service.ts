import { AppError } from "@/lib/errors";
import { randomBytes } from "node:crypto";
import type { Db } from "@/db/client";
import { recordAudit } from "@/lib/audit/queries";
import { env } from "@/lib/env";
import { forgetWebhookTargets } from "@/lib/ingest/target-cache";
import { decryptSecret, encryptSecret } from "@/lib/security/crypto";
import { checkOutboundUrl, type OutboundPolicy } from "@/lib/security/outbound-url";
import { withTenant } from "@/lib/tenancy/with-tenant";
import type { ImportProgress, PlanLimits } from "@/db/schema";
import * as q from "./queries";
import type { CreateConnectionInput, UpdateConnectionInput } from "./schemas";

const REFUSALS = {
  instance_taken: [409, "This instance name is already used by a connection."],
  plan_limit: [403, "The tenant's plan allows no more connections."],
  not_found: [404, "Connection not found."],
  outbound_url_refused: [
    422,
    "The Evolution base URL points to an internal, local or reserved address (or carries a user name and password), which EvoSense does not reach; use the Evolution server's public address.",
  ],
} as const;

/** A refusal of the connections page (its code is a dictionary key there); `detail` adds what API clients need. */
export class ConnectionError extends AppError {
  constructor(
    override readonly code: keyof typeof REFUSALS,
    readonly detail?: string,
  ) {
    const [status, message] = REFUSALS[code];
    super(code, status, detail ? `${message} (${detail})` : message);
  }
}

/**
 * Refuses, when it is saved, a base URL the server will not connect to, so the admin learns it now and not
 * from a failed import. A name that does not resolve yet passes: safeFetch checks it again at every request,
 * which is what stops a name that changes its answer later.
 */
async function assertAllowedBaseUrl(url: string, policy: Partial<OutboundPolicy>) {
  const verdict = await checkOutboundUrl(url, policy);
  if (!verdict.ok && verdict.reason !== "unresolvable")
    throw new ConnectionError("outbound_url_refused", verdict.message);
}

type Tenant = { id: string; planLimits: PlanLimits };
/** Who acts: a user, or an API key (no user id). */
type Actor = { id: string | null; email: string | null };

export function webhookUrl(): string {
  return `${env().APP_URL ?? `http://localhost:${env().PORT}`}/api/webhooks/evolution`;
}

export function newWebhookSecret(): string {
  return randomBytes(32).toString("base64url");
}

export async function createConnection(
  db: Db,
  tenant: Tenant,
  actor: Actor,
  input: CreateConnectionInput,
  outbound: Partial<OutboundPolicy> = {},
) {
  await assertAllowedBaseUrl(input.evolutionBaseUrl, outbound);
  if (await q.instanceNameTaken(db, input.instanceName)) throw new ConnectionError("instance_taken");
  const row = await withTenant(
    tenant.id,
    async (tx) => {
      const limit = tenant.planLimits.connections;
      if (limit !== null && (await q.countConnections(tx, tenant.id)) >= limit) throw new ConnectionError("plan_limit");
      const row = await q.insertConnection(tx, tenant.id, {
        name: input.name,
        instanceName: input.instanceName,
        evolutionBaseUrl: input.evolutionBaseUrl,
        instanceTokenEnc: encryptSecret(input.instanceToken),
        webhookSecretEnc: encryptSecret(newWebhookSecret()),
      });
      await recordAudit(tx, {
        tenantId: tenant.id,
        actorUserId: actor.id,
        actorEmail: actor.email,
        action: "connection.create",
        targetType: "connection",
        targetId: row.id,
        details: { instanceName: row.instanceName },
      });
      return row;
    },
    db,
  );
  forgetWebhookTargets();
  return row;
}

export async function updateConnection(
  db: Db,
  tenant: Tenant,
  actor: Actor,
  input: UpdateConnectionInput,
  outbound: Partial<OutboundPolicy> = {},
) {
  await assertAllowedBaseUrl(input.evolutionBaseUrl, outbound);
  if (await q.instanceNameTaken(db, input.instanceName, input.connectionId))
    throw new ConnectionError("instance_taken");
  const row = await withTenant(
    tenant.id,
    async (tx) => {
      const row = await q.updateConnection(tx, tenant.id, input.connectionId, {
        name: input.name,
        instanceName: input.instanceName,
        evolutionBaseUrl: input.evolutionBaseUrl,
        ...(input.instanceToken ? { instanceTokenEnc: encryptSecret(input.instanceToken) } : {}),
      });
      if (!row) throw new ConnectionError("not_found");
      await recordAudit(tx, {
        tenantId: tenant.id,
        actorUserId: actor.id,
        actorEmail: actor.email,
        action: "connection.update",
        targetType: "connection",
        targetId: row.id,
        details: { instanceName: row.instanceName, tokenChanged: Boolean(input.instanceToken) },
      });
      return row;
    },
    db,
  );
  forgetWebhookTargets();
  return row;
}

export async function deleteConnection(db: Db, tenant: Tenant, actor: Actor, connectionId: string) {
  const row = await withTenant(
    tenant.id,
    async (tx) => {
      const row = await q.deleteConnection(tx, tenant.id, connectionId);
      if (!row) throw new ConnectionError("not_found");
      await recordAudit(tx, {
        tenantId: tenant.id,
        actorUserId: actor.id,
        actorEmail: actor.email,
        action: "connection.delete",
        targetType: "connection",
        targetId: row.id,
        details: { instanceName: row.instanceName },
      });
      return row;
    },
    db,
  );
  forgetWebhookTargets();
  return row;
}

export type ConnectionView = {
  id: string;
  name: string;
  instanceName: string;
  evolutionBaseUrl: string;
  tokenHint: string;
  webhookSecret: string;
  state: string;
  stateReason: string | null;
  stateChangedAt: Date | null;
  qrCode: string | null;
  qrUpdatedAt: Date | null;
  importStatus: string;
  importProgress: ImportProgress | null;
};

/** What the settings page shows: the webhook secret in clear (it must be pasted into Evolution), never the token. */
export async function listConnectionViews(db: Db, tenantId: string): Promise<ConnectionView[]> {
  const rows = await withTenant(tenantId, (tx) => q.listConnections(tx, tenantId), db);
  return rows.map((r) => {
    const token = decryptSecret(r.instanceTokenEnc);
    return {
      id: r.id,
      name: r.name,
      instanceName: r.instanceName,
      evolutionBaseUrl: r.evolutionBaseUrl,
      tokenHint: `••••${token.slice(-4)}`,
      webhookSecret: decryptSecret(r.webhookSecretEnc),
      state: r.state,
      stateReason: r.stateReason,
      stateChangedAt: r.stateChangedAt,
      qrCode: r.qrCode,
      qrUpdatedAt: r.qrUpdatedAt,
      importStatus: r.importStatus,
      importProgress: r.importProgress,
    };
  });
}
