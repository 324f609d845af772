import { platformDb } from "@/lib/tenancy/queries";
import { requeueDeferredMessages } from "@/lib/ingest/requeue-deferred";
import { inngest } from "../client";
import { tenantReactivated } from "../events";

export const tenantReactivatedFn = inngest.createFunction(
  { id: "tenant-reactivated", triggers: [tenantReactivated], retries: 5 },
  async ({ event, step }) => {
    const requeued = await step.run("requeue-deferred-messages", async () =>
      requeueDeferredMessages(await platformDb(), event.data.tenantId),
    );
    return { requeued };
  },
);
