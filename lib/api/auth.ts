import { findTenantById, findTenantBySlug, platformDb } from "@/lib/tenancy/queries";
import { resolveApiKey } from "@/lib/api-keys/service";
import { API_KEY_PREFIX } from "@/lib/api-keys/keys";
import { auth } from "@/lib/auth/auth";
import type { Role } from "@/lib/auth/roles";
import { TENANT_SUSPENDED, TENANT_SUSPENDED_MESSAGE, tenantServes, tenantServesNow } from "@/lib/tenancy/status";
import { apiError } from "./respond";

export type ApiPrincipal = {
  tenantId: string;
  tenantSlug: string;
  role: Role;
  via: "api_key" | "session";
  userId: string | null;
};

/**
 * Who is calling the API: a tenant API key (`Authorization: Bearer evo_…`) or a logged-in user. A super-admin
 * names the tenant with `?tenant=<slug>`. Returns a ready error Response otherwise, including 403 tenant_suspended
 * for a suspended tenant's keys and users: every /api/v1 tenant route (the events stream too) comes through here,
 * so this is where suspension is enforced for the API.
 */
export async function authenticateApi(
  request: Request,
  opts: { tenantId?: string } = {},
): Promise<ApiPrincipal | Response> {
  const db = await platformDb();
  const bearer = /^Bearer\s+(\S+)$/i.exec(request.headers.get("authorization") ?? "")?.[1];
  if (bearer) {
    if (!bearer.startsWith(API_KEY_PREFIX)) return apiError(401, "invalid_api_key", "API keys start with evo_.");
    const key = await resolveApiKey(db, bearer);
    if (!key) return apiError(401, "invalid_api_key", "This API key does not exist or was revoked.");
    // The key lookup already joins the tenant: refusing a suspended one costs no extra query.
    if (!tenantServes(key.tenantStatus, "admin")) return suspended();
    return { tenantId: key.tenantId, tenantSlug: key.tenantSlug, role: "admin", via: "api_key", userId: null };
  }
  const session = await auth();
  const user = session?.user;
  if (!user?.id) return apiError(401, "unauthenticated", "Log in or send an API key (Authorization: Bearer evo_…).");
  if (user.role === "super_admin") {
    const slug = new URL(request.url).searchParams.get("tenant");
    const tenant = opts.tenantId
      ? await findTenantById(db, opts.tenantId)
      : slug
        ? await findTenantBySlug(db, slug)
        : null;
    if (!tenant && opts.tenantId) return apiError(404, "not_found", "No such tenant.");
    if (!tenant) return apiError(400, "tenant_required", "Super-admins must name the tenant with ?tenant=<slug>.");
    return { tenantId: tenant.id, tenantSlug: tenant.slug, role: user.role, via: "session", userId: user.id };
  }
  if (!user.tenantId || !user.tenantSlug) return apiError(403, "forbidden", "This user belongs to no tenant.");
  // The JWT lives for hours and was issued while the tenant was active: its status is read again on every call.
  if (!(await tenantServesNow(db, user.tenantId, user.role))) return suspended();
  return { tenantId: user.tenantId, tenantSlug: user.tenantSlug, role: user.role, via: "session", userId: user.id };
}

function suspended(): Response {
  return apiError(403, TENANT_SUSPENDED, TENANT_SUSPENDED_MESSAGE);
}

/** Platform endpoints (super-admins only, by session): API keys belong to tenants and never qualify. */
export async function authenticateSuperAdmin(): Promise<{ userId: string } | Response> {
  const session = await auth();
  const user = session?.user;
  if (!user?.id) return apiError(401, "unauthenticated", "Log in as a super-admin.");
  if (user.role !== "super_admin") return apiError(403, "forbidden", "Only super-admins may call this endpoint.");
  return { userId: user.id };
}
