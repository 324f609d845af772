import { cron } from "inngest";
import { getDb } from "@/db/client";
import { requeueStrandedAnalyses } from "@/lib/analysis/requests";
import { inngest } from "../client";

/** Every five minutes: nothing accepted stays unanalysed because an event was lost. */
export const analysisSweepFn = inngest.createFunction(
  { id: "analysis-sweep", triggers: [cron("*/5 * * * *")] },
  async ({ step }) => step.run("requeue-stranded", async () => ({ requeued: await requeueStrandedAnalyses(await getDb()) })),
);
