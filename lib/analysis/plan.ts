import { createHash } from "node:crypto";
import type { DbOrTx } from "@/db/client";
import { withTenant } from "@/lib/tenancy/with-tenant";
import * as q from "./queries";

export type InferenceTask = { promptVersionId: string; runKey: string; isShadow: boolean; experimentId: string | null };
export type AnalysisPlan =
  | { skip: string }
  | { skip: null; primary: InferenceTask; shadow: InferenceTask | null };

/** Deterministic share in [0,1): a message always lands on the same side of a split, whichever run decides. */
export function splitPoint(messageId: string): number {
  return createHash("sha256").update(messageId).digest().readUInt32BE(0) / 2 ** 32;
}

function skipReason(m: q.AnalysisSubject, explicit: boolean): string | null {
  if (m.fromMe) return "outgoing message";
  if (!m.text) return "no text";
  if (m.deletedAt) return "deleted";
  // An explicit re-analysis (super-admin, replay) may revisit any customer text; the event path may not.
  if (explicit) return null;
  if (m.tenantStatus !== "active") return "tenant not active";
  if (m.analysisStatus === "skipped" || m.analysisStatus === "deferred") return `status ${m.analysisStatus}`;
  if (m.analysisStatus === "done") return "already analysed";
  return null;
}

/**
 * Which prompt version scores the message: the tenant's running experiment (split by a stable hash of the
 * message, or champion plus a shadow challenger) or the platform default. An explicit version (re-analysis)
 * overrides all of it.
 */
export async function planAnalysis(
  db: DbOrTx,
  tenantId: string,
  messageId: string,
  opts: { runKey?: string; promptVersionId?: string } = {},
): Promise<AnalysisPlan> {
  return withTenant(tenantId, async (tx) => {
    const message = await q.findMessageForAnalysis(tx, tenantId, messageId);
    if (!message) return { skip: "message not found" };
    const reason = skipReason(message, Boolean(opts.runKey));
    if (reason) return { skip: reason };
    const runKey = opts.runKey ?? "analysis";
    if (opts.promptVersionId) {
      return { skip: null, primary: { promptVersionId: opts.promptVersionId, runKey, isShadow: false, experimentId: null }, shadow: null };
    }
    const experiment = await q.findRunningExperiment(tx, tenantId);
    if (experiment?.challengerId) {
      if (experiment.mode === "shadow") {
        return {
          skip: null,
          primary: { promptVersionId: experiment.championId, runKey, isShadow: false, experimentId: experiment.id },
          shadow: { promptVersionId: experiment.challengerId, runKey: `${runKey}:shadow`, isShadow: true, experimentId: experiment.id },
        };
      }
      const challenger = splitPoint(messageId) < experiment.share;
      const chosen = challenger ? experiment.challengerId : experiment.championId;
      return { skip: null, primary: { promptVersionId: chosen, runKey, isShadow: false, experimentId: experiment.id }, shadow: null };
    }
    const fallback = await q.findDefaultPromptVersion(tx);
    if (!fallback) throw new Error("no default prompt version: run the migrations (npm run db:migrate) to seed p_v1_base");
    return { skip: null, primary: { promptVersionId: fallback.id, runKey, isShadow: false, experimentId: null }, shadow: null };
  });
}
