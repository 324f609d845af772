import { findTenantById, platformDb } from "@/lib/tenancy/queries";
import { authenticateApi } from "@/lib/api/auth";

export const dynamic = "force-dynamic";

// GET /api/v1/me — who is calling: the tenant, the role, and whether by session or API key.
export async function GET(request: Request) {
  const principal = await authenticateApi(request);
  if (principal instanceof Response) return principal;
  const tenant = await findTenantById(await platformDb(), principal.tenantId);
  return Response.json({
    data: {
      userId: principal.userId,
      role: principal.role,
      via: principal.via,
      tenant: tenant && {
        id: tenant.id,
        slug: tenant.slug,
        name: tenant.name,
        timezone: tenant.timezone,
        plan: tenant.planCode,
        status: tenant.status,
      },
    },
  });
}
