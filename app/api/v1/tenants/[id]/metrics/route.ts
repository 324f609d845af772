import { z } from "zod";
import { findTenantById, platformDb } from "@/lib/tenancy/queries";
import { authenticateApi } from "@/lib/api/auth";
import { apiError, invalidInput } from "@/lib/api/respond";
import { resolvePeriod } from "@/lib/metrics/period";
import { dashboardFigures } from "@/lib/metrics/dashboard";
import { metricsQuerySchema } from "@/lib/metrics/schemas";
import { withTenant } from "@/lib/tenancy/with-tenant";

export const dynamic = "force-dynamic";

// GET /api/v1/tenants/:id/metrics?from=YYYY-MM-DD&to=YYYY-MM-DD&connection_id=&emotion= — the dashboard's numbers, from rollups.
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  if (!z.uuid().safeParse(id).success) return apiError(404, "not_found", "No such tenant.");
  const principal = await authenticateApi(request, { tenantId: id });
  if (principal instanceof Response) return principal;
  // Another tenant's id is indistinguishable from one that does not exist.
  if (principal.tenantId !== id) return apiError(404, "not_found", "No such tenant.");
  const query = metricsQuerySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!query.success) return invalidInput(query.error);
  const tenant = await findTenantById(await platformDb(), id);
  if (!tenant) return apiError(404, "not_found", "No such tenant.");
  const period = resolvePeriod(tenant.timezone, query.data.from, query.data.to);
  const filters = { ...period, connectionId: query.data.connection_id, emotion: query.data.emotion };
  const figures = await withTenant(id, (tx) => dashboardFigures(tx, id, tenant.timezone, filters));
  return Response.json({ data: { tenantId: id, timezone: tenant.timezone, ...figures } });
}
