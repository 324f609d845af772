import { platformDatabase } from "@/lib/tenancy/queries";
import { asJobError, recordAnalysisFailure } from "@/lib/analysis/failure";
import { analyzeMessage } from "@/lib/analysis/pipeline";
import { inngest } from "../client";
import { analysisRequested, messageReceived } from "../events";

/** Default per-tenant parallelism: one tenant's burst cannot starve the others' analyses. */
export const ANALYSIS_CONCURRENCY_PER_TENANT = 5;

export const analyzeMessageFn = inngest.createFunction(
  {
    id: "analyze-message",
    triggers: [messageReceived, analysisRequested],
    retries: 4,
    concurrency: [{ key: "event.data.tenantId", limit: ANALYSIS_CONCURRENCY_PER_TENANT }],
    onFailure: async ({ event, error }) => {
      const { tenantId, messageId } = event.data.event.data;
      const { db } = await platformDatabase();
      await recordAnalysisFailure(db, tenantId, messageId, error.message || "analysis failed");
    },
  },
  async ({ event }) => {
    const { tenantId, messageId } = event.data;
    const explicit =
      "runKey" in event.data ? { runKey: event.data.runKey, promptVersionId: event.data.promptVersionId } : {};
    // No step.run on purpose: the pipeline is idempotent end to end (an inference is looked up by run key before
    // any model call and written with ON CONFLICT; applying the same inference twice changes nothing), so each
    // attempt is one invocation. A step would memoise nothing the database does not already keep, and would
    // double the invocations per message (and Inngest's step count).
    const database = await platformDatabase();
    try {
      return await analyzeMessage(database, tenantId, messageId, explicit);
    } catch (error) {
      throw await asJobError(database.db, tenantId, messageId, error);
    }
  },
);
