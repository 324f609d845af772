import { env } from "@/lib/env";
import { LOCAL_MODEL_NAME } from "./local";
import { analysisProviderFor, embeddingProvider } from "./providers/resolve";

export type ModelInfo = { provider: string; model: string; label: string; embeddingModel: string; offline: boolean };

/** What scores messages on this deployment, named as users should see it (the offline model by its own name). */
export function describeAnalysisModel(): ModelInfo {
  const e = env();
  const embeddingModel = (() => {
    try {
      return embeddingProvider().model;
    } catch {
      return "—";
    }
  })();
  if (e.aiProvider === "local") return { provider: "local", model: "evosense-local-1", label: LOCAL_MODEL_NAME, embeddingModel, offline: true };
  try {
    const p = analysisProviderFor({ provider: null, model: null });
    const label = p.id === "openai" ? `OpenAI ${p.model}` : p.id === "n8n" ? "n8n workflow" : `${p.model} (OpenAI-compatible)`;
    return { provider: p.id, model: p.model, label, embeddingModel, offline: false };
  } catch {
    return { provider: e.aiProvider, model: "—", label: e.aiProvider, embeddingModel, offline: false };
  }
}
