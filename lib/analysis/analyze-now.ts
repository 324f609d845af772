import { eq } from "drizzle-orm";
import { ulid } from "ulid";
import type { Database } from "@/db/client";
import { messages, promptVersions } from "@/db/schema";
import { analyzeMessage } from "./pipeline";

export type AnalyzeNowResult =
  | {
      ok: true;
      tenantId: string;
      messageId: string;
      inferenceId: string;
      runKey: string;
      provider: string;
      model: string;
    }
  | { ok: false; code: "message_not_found" | "prompt_version_not_found" | "not_analysable"; message: string };

/**
 * The seed's analyze endpoint: re-analyses one message now, in the request, through the same steps as the
 * background function (a new run key, so a new inference; rollups move by the difference).
 */
export async function analyzeNow(
  database: Database,
  messageId: string,
  promptVersionId?: string,
): Promise<AnalyzeNowResult> {
  const { db } = database;
  // Super-admin scope: the message names its tenant.
  const [message] = await db
    .select({ tenantId: messages.tenantId })
    .from(messages)
    .where(eq(messages.id, messageId))
    .limit(1);
  if (!message) return { ok: false, code: "message_not_found", message: `No message ${messageId}.` };
  if (promptVersionId) {
    const [version] = await db
      .select({ id: promptVersions.id })
      .from(promptVersions)
      .where(eq(promptVersions.id, promptVersionId));
    if (!version)
      return { ok: false, code: "prompt_version_not_found", message: `No prompt version ${promptVersionId}.` };
  }
  const tenantId = message.tenantId;
  const runKey = `api:${ulid()}`;
  const outcome = await analyzeMessage(database, tenantId, messageId, { runKey, promptVersionId });
  if (outcome.skipped !== null)
    return { ok: false, code: "not_analysable", message: `This message is not analysed: ${outcome.skipped}.` };
  return {
    ok: true,
    tenantId,
    messageId,
    inferenceId: outcome.inferenceId,
    runKey,
    provider: outcome.provider,
    model: outcome.model,
  };
}
