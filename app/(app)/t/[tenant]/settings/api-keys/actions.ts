"use server";

import { revalidatePath } from "next/cache";
import { platformDb } from "@/lib/tenancy/queries";
import { createApiKeySchema, revokeApiKeySchema } from "@/lib/api-keys/schemas";
import { createApiKey, revokeApiKey } from "@/lib/api-keys/service";
import { ActionError, tenantAction } from "@/lib/auth/guards";

export const createApiKeyAction = tenantAction(createApiKeySchema, async (input, { user, tenant }) => {
  const { key } = await createApiKey(await platformDb(), tenant.id, user, input.name);
  revalidatePath(`/t/${tenant.slug}/settings/api-keys`);
  return { reveal: key };
});

export const revokeApiKeyAction = tenantAction(revokeApiKeySchema, async (input, { user, tenant }) => {
  // A key of another tenant, or one already revoked, is not this tenant's to revoke: the form says so.
  if (!(await revokeApiKey(await platformDb(), tenant.id, user, input.apiKeyId))) throw new ActionError("not_found");
  revalidatePath(`/t/${tenant.slug}/settings/api-keys`);
});
