"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { platformDb } from "@/lib/tenancy/queries";
import { retryFailedAnalysis } from "@/lib/analysis/requests";
import { ActionError, adminAction } from "@/lib/auth/guards";
import { createTenant, createTenantUser, setTenantStatus } from "@/lib/tenancy/admin";
import { createTenantSchema, createUserSchema, tenantStatusSchema } from "@/lib/tenancy/schemas";

async function asAction<T>(run: () => Promise<T>): Promise<T> {
  const result = await run();
  revalidatePath("/admin");
  return result;
}

export const createTenantAction = adminAction(createTenantSchema, async (input, user) =>
  asAction(async () => createTenant(await platformDb(), user, input)),
);

export const createUserAction = adminAction(createUserSchema, async (input, user) =>
  asAction(async () => createTenantUser(await platformDb(), user, input)),
);

export const setTenantStatusAction = adminAction(tenantStatusSchema, async (input, user) =>
  asAction(async () => setTenantStatus(await platformDb(), user, input.tenantId, input.status)),
);

export const retryAnalysisAdminAction = adminAction(
  z.object({ tenantId: z.uuid(), messageId: z.uuid() }),
  async (input) => {
    if (!(await retryFailedAnalysis(await platformDb(), input.tenantId, input.messageId)))
      throw new ActionError("not_found");
    revalidatePath("/admin");
  },
);
