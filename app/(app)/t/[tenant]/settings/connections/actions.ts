"use server";

import { revalidatePath } from "next/cache";
import { getDb } from "@/db/client";
import { ActionError, tenantAction } from "@/lib/auth/guards";
import { ConnectionError, createConnection, deleteConnection, updateConnection } from "@/lib/connections/service";
import { createConnectionSchema, deleteConnectionSchema, updateConnectionSchema } from "@/lib/connections/schemas";

async function asAction<T>(slug: string, run: () => Promise<T>): Promise<T> {
  try {
    const result = await run();
    revalidatePath(`/t/${slug}/settings/connections`);
    return result;
  } catch (e) {
    if (e instanceof ConnectionError) throw new ActionError(e.code);
    throw e;
  }
}

export const createConnectionAction = tenantAction(createConnectionSchema, async (input, { user, tenant }) =>
  asAction(tenant.slug, async () => createConnection(await getDb(), tenant, user, input)),
);

export const updateConnectionAction = tenantAction(updateConnectionSchema, async (input, { user, tenant }) =>
  asAction(tenant.slug, async () => updateConnection(await getDb(), tenant, user, input)),
);

export const deleteConnectionAction = tenantAction(deleteConnectionSchema, async (input, { user, tenant }) =>
  asAction(tenant.slug, async () => deleteConnection(await getDb(), tenant, user, input.connectionId)),
);
