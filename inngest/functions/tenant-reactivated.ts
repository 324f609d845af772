import { getDb } from "@/db/client";
import { requeueDeferredMessages } from "@/lib/ingest/requeue-deferred";
import { inngest } from "../client";
import { tenantReactivated } from "../events";

export const tenantReactivatedFn = inngest.createFunction(
  { id: "tenant-reactivated", triggers: [tenantReactivated], retries: 5 },
  async ({ event, step }) => {
    const requeued = await step.run("requeue-deferred-messages", async () => requeueDeferredMessages(await getDb(), event.data.tenantId));
    return { requeued };
  },
);
