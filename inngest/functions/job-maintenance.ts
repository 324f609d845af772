import { cron } from "inngest";
import { platformDb } from "@/lib/tenancy/queries";
import { pruneJobHistory } from "@/inngest/embedded/maintenance";
import { compactDailyRollups } from "@/lib/rollups/compact";
import { inngest } from "../client";

export const jobMaintenanceFn = inngest.createFunction(
  { id: "job-maintenance", triggers: [cron("0 3 * * *")] },
  async ({ step }) => {
    const pruned = await step.run("prune-job-history", async () => pruneJobHistory(await platformDb()));
    const rollups = await step.run("compact-rollups", async () => compactDailyRollups(await platformDb()));
    return { ...pruned, rollupRowsFolded: rollups.folded };
  },
);
