import { getDb } from "@/db/client";
import { authenticateApi } from "@/lib/api/auth";
import { apiError, invalidInput } from "@/lib/api/respond";
import { ConnectionError, createConnection, webhookUrl } from "@/lib/connections/service";
import { createConnectionSchema } from "@/lib/connections/schemas";
import { listConnectionsPublic } from "@/lib/messages/queries";
import { findTenantById } from "@/lib/tenancy/queries";
import { withTenant } from "@/lib/tenancy/with-tenant";
import { decryptSecret } from "@/lib/security/crypto";

export const dynamic = "force-dynamic";

// GET /api/v1/connections — the tenant's Evolution connections (never the instance token).
export async function GET(request: Request) {
  const principal = await authenticateApi(request);
  if (principal instanceof Response) return principal;
  const data = await withTenant(principal.tenantId, (tx) => listConnectionsPublic(tx, principal.tenantId));
  return Response.json({ data });
}

const CONFLICTS = {
  instance_taken: [409, "This instance name is already used by a connection."],
  plan_limit: [403, "The tenant's plan allows no more connections."],
  not_found: [404, "Connection not found."],
} as const;

// POST /api/v1/connections {name, instanceName, evolutionBaseUrl, instanceToken} — tenant admins and API keys.
export async function POST(request: Request) {
  const principal = await authenticateApi(request);
  if (principal instanceof Response) return principal;
  if (principal.role === "viewer") return apiError(403, "forbidden", "Viewers cannot create connections.");
  let json: unknown;
  try {
    json = await request.json();
  } catch {
    return apiError(400, "invalid_json", "The body is not valid JSON.");
  }
  const input = createConnectionSchema.safeParse(json);
  if (!input.success) return invalidInput(input.error);
  const db = await getDb();
  const tenant = await findTenantById(db, principal.tenantId);
  if (!tenant) return apiError(404, "tenant_not_found", "Tenant not found.");
  try {
    const row = await createConnection(db, tenant, { id: principal.userId, email: principal.via === "api_key" ? "api-key" : null }, input.data);
    return Response.json(
      { id: row.id, name: row.name, instanceName: row.instanceName, webhookUrl: webhookUrl(), webhookSecret: decryptSecret(row.webhookSecretEnc) },
      { status: 201 },
    );
  } catch (e) {
    if (e instanceof ConnectionError) return apiError(CONFLICTS[e.code][0], e.code, CONFLICTS[e.code][1]);
    throw e;
  }
}
