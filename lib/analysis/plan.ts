import { createHash } from "node:crypto";
import * as q from "./queries";

export type InferenceTask = { promptVersionId: string; runKey: string; isShadow: boolean; experimentId: string | null };
export type AnalysisPlan = { primary: InferenceTask; shadow: InferenceTask | null };
export type PlanOptions = { runKey?: string; promptVersionId?: string };

/** Deterministic share in [0,1): a message always lands on the same side of a split, whichever run decides. */
export function splitPoint(messageId: string): number {
  return createHash("sha256").update(messageId).digest().readUInt32BE(0) / 2 ** 32;
}

/** Why a message is not analysed, or null. An explicit request (super-admin, replay) may revisit any customer text. */
export function skipReason(m: q.AnalysisSubject, explicit: boolean): string | null {
  if (m.fromMe) return "outgoing message";
  if (!m.text) return "no text";
  if (m.deletedAt) return "deleted";
  if (explicit) return null;
  if (m.tenantStatus !== "active") return "tenant not active";
  if (m.analysisStatus === "skipped" || m.analysisStatus === "deferred") return `status ${m.analysisStatus}`;
  if (m.analysisStatus === "done") return "already analysed";
  return null;
}

type RunningExperiment = {
  id: string;
  championId: string;
  challengerId: string | null;
  mode: "split" | "shadow";
  share: number;
} | null;

/**
 * Which prompt version scores the message: an explicit version (re-analysis), else the tenant's running
 * experiment (split by a stable hash of the message, or champion plus a shadow challenger), else the default.
 */
export function planAnalysis(
  messageId: string,
  opts: PlanOptions,
  experiment: RunningExperiment,
  defaultVersionId: string | null,
): AnalysisPlan {
  const runKey = opts.runKey ?? "analysis";
  const task = (promptVersionId: string, experimentId: string | null, isShadow = false): InferenceTask => ({
    promptVersionId,
    runKey: isShadow ? `${runKey}:shadow` : runKey,
    isShadow,
    experimentId,
  });
  if (opts.promptVersionId) return { primary: task(opts.promptVersionId, null), shadow: null };
  if (experiment?.challengerId) {
    if (experiment.mode === "shadow") {
      return {
        primary: task(experiment.championId, experiment.id),
        shadow: task(experiment.challengerId, experiment.id, true),
      };
    }
    const chosen = splitPoint(messageId) < experiment.share ? experiment.challengerId : experiment.championId;
    return { primary: task(chosen, experiment.id), shadow: null };
  }
  if (!defaultVersionId)
    throw new Error("no default prompt version: run the migrations (npm run db:migrate) to seed p_v1_base");
  return { primary: task(defaultVersionId, null), shadow: null };
}
