"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { platformDb } from "@/lib/tenancy/queries";
import { retryFailedAnalysis } from "@/lib/analysis/requests";
import { ActionError, tenantAction } from "@/lib/auth/guards";

const retrySchema = z.object({ messageId: z.uuid() });

export const retryAnalysisAction = tenantAction(retrySchema, async (input, { tenant }) => {
  if (!(await retryFailedAnalysis(await platformDb(), tenant.id, input.messageId))) throw new ActionError("not_found");
  revalidatePath(`/t/${tenant.slug}/settings/analysis`);
});
