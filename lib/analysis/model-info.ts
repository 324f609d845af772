import { env } from "@/lib/env";
import { analysisStrings } from "@/lib/i18n/dictionaries/analysis";
import { DEFAULT_LOCALE, translator, type Locale } from "@/lib/i18n/locale";
import { analysisProviderFor, embeddingProvider } from "./providers/resolve";

export type ModelInfo = { provider: string; model: string; label: string; embeddingModel: string; offline: boolean };

/** What scores messages on this deployment, named as users should see it in their language (the offline model as such). */
export function describeAnalysisModel(locale: Locale = DEFAULT_LOCALE): ModelInfo {
  const e = env();
  const t = translator(analysisStrings, locale);
  const embeddingModel = (() => {
    try {
      return embeddingProvider().model;
    } catch {
      return "—";
    }
  })();
  if (e.aiProvider === "local")
    return { provider: "local", model: "evosense-local-1", label: t("localModel"), embeddingModel, offline: true };
  try {
    const p = analysisProviderFor({ provider: null, model: null });
    const label =
      p.id === "openai"
        ? `OpenAI ${p.model}`
        : p.id === "n8n"
          ? t("n8nWorkflow")
          : t("openAiCompatible", { model: p.model });
    return { provider: p.id, model: p.model, label, embeddingModel, offline: false };
  } catch {
    return { provider: e.aiProvider, model: "—", label: e.aiProvider, embeddingModel, offline: false };
  }
}
