import type { DbOrTx } from "@/db/client";
import type { Role } from "@/lib/auth/roles";
import { findTenantStatus } from "./queries";

export type TenantStatus = "active" | "suspended" | "canceled";

/** The code every refused path answers with: API errors, action states and the page users are sent to. */
export const TENANT_SUSPENDED = "tenant_suspended";

export const TENANT_SUSPENDED_MESSAGE =
  "This tenant is suspended: its data and API are unavailable until EvoSense support reactivates it.";

/**
 * Whether a caller may use a tenant in the given status. Only `active` serves, as at login (lib/auth/authorize):
 * a canceled tenant is no more open than a suspended one.
 *
 * Super-admins are never refused. They act across tenants, they are the ones who lift a suspension, and support
 * work on a suspended tenant (revoking a leaked key, fixing a connection before reactivation) must not have to
 * reactivate it first and so reopen it to its own users; what they do is audited under their own user id.
 */
export function tenantServes(status: TenantStatus | null, role: Role): boolean {
  return role === "super_admin" || status === "active";
}

/**
 * For callers that hold only a tenant id (a session's JWT): reads the status now, with no cache, so a suspension
 * is seen on the very next request. One primary-key lookup per request is the whole cost. A tenant that no longer
 * exists does not serve either.
 */
export async function tenantServesNow(db: DbOrTx, tenantId: string, role: Role): Promise<boolean> {
  if (role === "super_admin") return true;
  return tenantServes(await findTenantStatus(db, tenantId), role);
}
