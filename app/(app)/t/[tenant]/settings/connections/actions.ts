"use server";

import { revalidatePath } from "next/cache";
import { platformDb } from "@/lib/tenancy/queries";
import { ActionError, tenantAction } from "@/lib/auth/guards";
import { createConnection, deleteConnection, updateConnection } from "@/lib/connections/service";
import { createConnectionSchema, deleteConnectionSchema, updateConnectionSchema } from "@/lib/connections/schemas";
import { importWhatsAppExport } from "@/lib/history/export-import";
import { requestHistoryImport } from "@/lib/history/request-import";
import { importHistorySchema, uploadExportSchema } from "@/lib/history/schemas";
import { setStoredText, storedTextSchema } from "@/lib/tenancy/settings";

async function asAction<T>(slug: string, run: () => Promise<T>): Promise<T> {
  const result = await run();
  revalidatePath(`/t/${slug}/settings/connections`);
  return result;
}

export const createConnectionAction = tenantAction(createConnectionSchema, async (input, { user, tenant }) =>
  asAction(tenant.slug, async () => createConnection(await platformDb(), tenant, user, input)),
);

export const updateConnectionAction = tenantAction(updateConnectionSchema, async (input, { user, tenant }) =>
  asAction(tenant.slug, async () => updateConnection(await platformDb(), tenant, user, input)),
);

export const deleteConnectionAction = tenantAction(deleteConnectionSchema, async (input, { user, tenant }) =>
  asAction(tenant.slug, async () => deleteConnection(await platformDb(), tenant, user, input.connectionId)),
);

export const importHistoryAction = tenantAction(importHistorySchema, async (input, { user, tenant }) => {
  if (!(await requestHistoryImport(await platformDb(), tenant.id, user, input.connectionId)))
    throw new ActionError("not_found");
  revalidatePath(`/t/${tenant.slug}/settings/connections`);
});

export const uploadExportAction = tenantAction(uploadExportSchema, async (input, { tenant }) => {
  const result = await importWhatsAppExport(await platformDb(), tenant.id, input.connectionId, {
    content: await input.file.text(),
    ownerName: input.ownerName,
  });
  revalidatePath(`/t/${tenant.slug}/settings/connections`);
  return { reveal: `${result.contact}: ${result.imported} / ${result.duplicates}` };
});

export const setStoredTextAction = tenantAction(storedTextSchema, async (input, { user, tenant }) => {
  await setStoredText(await platformDb(), tenant.id, user, input.storedText);
  revalidatePath(`/t/${tenant.slug}/settings/connections`);
});
