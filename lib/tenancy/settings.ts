import { eq, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { tenants } from "@/db/schema";
import { recordAudit } from "@/lib/audit/queries";
import { forgetWebhookTargets } from "@/lib/ingest/target-cache";
import { withTenant } from "./with-tenant";

export const storedTextSchema = z.object({ storedText: z.enum(["raw", "redacted"]) });

/** Whether new messages keep their text as received or with personal data masked (lib/security/pii). */
export async function setStoredText(
  db: Db,
  tenantId: string,
  actor: { id: string | null; email: string | null },
  storedText: "raw" | "redacted",
) {
  await withTenant(
    tenantId,
    async (tx) => {
      await tx
        .update(tenants)
        .set({ settings: sql`${tenants.settings} || ${JSON.stringify({ storedText })}::jsonb` })
        .where(eq(tenants.id, tenantId));
      await recordAudit(tx, {
        tenantId,
        actorUserId: actor.id,
        actorEmail: actor.email,
        action: "tenant.stored_text",
        targetType: "tenant",
        targetId: tenantId,
        details: { storedText },
      });
    },
    db,
  );
  // Webhooks read the setting to store text raw or redacted.
  forgetWebhookTargets();
}
