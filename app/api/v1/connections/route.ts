import { findTenantById, platformDb } from "@/lib/tenancy/queries";
import { authenticateApi } from "@/lib/api/auth";
import { readJsonBody } from "@/lib/api/read-json";
import { apiError, errorResponse, invalidInput } from "@/lib/api/respond";
import { createConnection, webhookUrl } from "@/lib/connections/service";
import { createConnectionSchema } from "@/lib/connections/schemas";
import { listConnectionsPublic } from "@/lib/messages/queries";
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

// POST /api/v1/connections {name, instanceName, evolutionBaseUrl, instanceToken} — tenant admins and API keys.
export async function POST(request: Request) {
  const principal = await authenticateApi(request);
  if (principal instanceof Response) return principal;
  if (principal.role === "viewer") return apiError(403, "forbidden", "Viewers cannot create connections.");
  const body = await readJsonBody(request, principal.via);
  if (!body.ok) return body.response;
  const input = createConnectionSchema.safeParse(body.value);
  if (!input.success) return invalidInput(input.error);
  const db = await platformDb();
  const tenant = await findTenantById(db, principal.tenantId);
  if (!tenant) return apiError(404, "tenant_not_found", "Tenant not found.");
  try {
    const row = await createConnection(
      db,
      tenant,
      { id: principal.userId, email: principal.via === "api_key" ? "api-key" : null },
      input.data,
    );
    return Response.json(
      {
        id: row.id,
        name: row.name,
        instanceName: row.instanceName,
        webhookUrl: webhookUrl(),
        webhookSecret: decryptSecret(row.webhookSecretEnc),
      },
      { status: 201 },
    );
  } catch (e) {
    return errorResponse(e);
  }
}
