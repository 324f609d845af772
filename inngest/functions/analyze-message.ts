import { getDatabase } from "@/db/client";
import { applyInference } from "@/lib/analysis/apply-analysis";
import { embedMessage } from "@/lib/analysis/embed-message";
import { asJobError, recordAnalysisFailure } from "@/lib/analysis/failure";
import { planAnalysis, type InferenceTask } from "@/lib/analysis/plan";
import { runInference } from "@/lib/analysis/run-inference";
import { publishTenantEvent } from "@/lib/realtime/bus";
import { inngest } from "../client";
import { analysisRequested, messageReceived } from "../events";

/** Default per-tenant parallelism: one tenant's burst cannot starve the others' analyses. */
export const ANALYSIS_CONCURRENCY_PER_TENANT = 5;

async function infer(tenantId: string, messageId: string, task: InferenceTask) {
  const { db } = await getDatabase();
  try {
    return await runInference(db, tenantId, messageId, task);
  } catch (error) {
    throw await asJobError(db, tenantId, messageId, error);
  }
}

export const analyzeMessageFn = inngest.createFunction(
  {
    id: "analyze-message",
    triggers: [messageReceived, analysisRequested],
    retries: 4,
    concurrency: [{ key: "event.data.tenantId", limit: ANALYSIS_CONCURRENCY_PER_TENANT }],
    onFailure: async ({ event, error }) => {
      const { tenantId, messageId } = event.data.event.data;
      const { db } = await getDatabase();
      await recordAnalysisFailure(db, tenantId, messageId, error.message || "analysis failed");
    },
  },
  async ({ event, step }) => {
    const { tenantId, messageId } = event.data;
    const explicit = "runKey" in event.data ? { runKey: event.data.runKey, promptVersionId: event.data.promptVersionId } : {};

    const plan = await step.run("plan", async () => planAnalysis((await getDatabase()).db, tenantId, messageId, explicit));
    if (plan.skip !== null) return { skipped: plan.skip };

    const primary = await step.run("infer", () => infer(tenantId, messageId, plan.primary));
    if (plan.shadow) {
      const shadow = plan.shadow;
      // A failing challenger must not cost the customer's message its champion analysis.
      await step.run("infer-shadow", async () => {
        try {
          return await runInference((await getDatabase()).db, tenantId, messageId, shadow);
        } catch (error) {
          return { error: (error as Error).message };
        }
      });
    }
    const applied = await step.run("apply", async () => applyInference((await getDatabase()).db, tenantId, messageId, primary.inferenceId));
    const embedded = await step.run("embed", async () => embedMessage((await getDatabase()).db, tenantId, messageId));
    if (applied.chatId) {
      const chatId = applied.chatId;
      await step.run("publish", async () => {
        await publishTenantEvent(await getDatabase(), tenantId, { type: "message.analyzed", messageId, chatId });
      });
    }
    return { inferenceId: primary.inferenceId, provider: primary.provider, model: primary.model, embedding: embedded.model };
  },
);
