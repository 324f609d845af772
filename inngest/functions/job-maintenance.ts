import { cron } from "inngest";
import { getDb } from "@/db/client";
import { pruneJobHistory } from "@/inngest/embedded/maintenance";
import { compactDailyRollups } from "@/lib/rollups/compact";
import { inngest } from "../client";

export const jobMaintenanceFn = inngest.createFunction(
  { id: "job-maintenance", triggers: [cron("0 3 * * *")] },
  async ({ step }) => {
    const pruned = await step.run("prune-job-history", async () => pruneJobHistory(await getDb()));
    const rollups = await step.run("compact-rollups", async () => compactDailyRollups(await getDb()));
    return { ...pruned, rollupRowsFolded: rollups.folded };
  },
);
