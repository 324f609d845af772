import { cron } from "inngest";
import { platformDb } from "@/lib/tenancy/queries";
import { requeueStrandedAnalyses } from "@/lib/analysis/requests";
import { requeueDeferredOfActiveTenants } from "@/lib/ingest/requeue-deferred";
import { inngest } from "../client";

/**
 * Every five minutes: nothing accepted stays unanalysed because an event was lost, or because it was stored as
 * deferred while its tenant was being reactivated.
 */
export const analysisSweepFn = inngest.createFunction(
  { id: "analysis-sweep", triggers: [cron("*/5 * * * *")] },
  async ({ step }) => {
    const stranded = await step.run("requeue-stranded", async () => ({
      requeued: await requeueStrandedAnalyses(await platformDb()),
    }));
    const deferred = await step.run("requeue-deferred", async () => ({
      requeued: await requeueDeferredOfActiveTenants(await platformDb()),
    }));
    return { stranded: stranded.requeued, deferred: deferred.requeued };
  },
);
