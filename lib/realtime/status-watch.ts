import { platformDb } from "@/lib/tenancy/queries";
import type { Role } from "@/lib/auth/roles";
import { tenantServesNow } from "@/lib/tenancy/status";

/**
 * How often an open event stream re-reads its tenant's status. A stream is one request that lasts for hours, so the
 * per-request check at its start (lib/api/auth) is not enough; events carry only ids, and within this bound the
 * stream is closed after a suspension.
 */
export const STREAM_STATUS_CHECK_MS = 5_000;

/**
 * Calls `onRefused` once, and stops, when the tenant no longer serves the caller. Super-admins are never refused
 * (lib/tenancy/status), so nothing is watched for them. A failed lookup keeps the stream: the next tick retries,
 * and a database outage should not drop every live view at once. Returns the function that stops watching.
 */
export function watchTenantStatus(
  tenantId: string,
  role: Role,
  onRefused: () => void,
  intervalMs = STREAM_STATUS_CHECK_MS,
): () => void {
  if (role === "super_admin") return () => {};
  let checking = false;
  const timer = setInterval(async () => {
    if (checking) return;
    checking = true;
    try {
      if (!(await tenantServesNow(await platformDb(), tenantId, role))) {
        clearInterval(timer);
        onRefused();
      }
    } catch {
      // retried on the next tick
    } finally {
      checking = false;
    }
  }, intervalMs);
  timer.unref?.();
  return () => clearInterval(timer);
}
