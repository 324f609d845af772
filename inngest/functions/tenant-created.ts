import { NonRetriableError } from "inngest";
import { platformDb } from "@/lib/tenancy/queries";
import { applyDefaultTenantSettings } from "@/lib/tenancy/default-settings";
import { inngest } from "../client";
import { tenantCreated } from "../events";

export const tenantCreatedFn = inngest.createFunction(
  { id: "tenant-created", triggers: [tenantCreated], retries: 5 },
  async ({ event, step }) => {
    const applied = await step.run("apply-default-settings", async () =>
      applyDefaultTenantSettings(await platformDb(), event.data.tenantId),
    );
    if (!applied) throw new NonRetriableError(`tenant ${event.data.tenantId} does not exist`);
    return { tenantId: event.data.tenantId };
  },
);
