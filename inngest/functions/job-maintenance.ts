import { cron } from "inngest";
import { getDb } from "@/db/client";
import { pruneJobHistory } from "@/lib/jobs/maintenance";
import { inngest } from "../client";

export const jobMaintenanceFn = inngest.createFunction(
  { id: "job-maintenance", triggers: [cron("0 3 * * *")] },
  async ({ step }) => step.run("prune-job-history", async () => pruneJobHistory(await getDb())),
);
