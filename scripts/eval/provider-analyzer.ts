import { LOCAL_MODEL_NAME } from "../../lib/analysis/model";
import { DEFAULT_PROMPT_VERSION } from "../../lib/analysis/prompt-versions";
import { analysisProviderFor } from "../../lib/analysis/providers/resolve";
import type { ProviderId } from "../../lib/analysis/providers/types";
import { localEvalAnalyzer, type EvalAnalyzer } from "./run";

/** The evaluation runs whatever provider the environment configures, through the same interface as production. */
export function providerEvalAnalyzer(provider: ProviderId): { analyze: EvalAnalyzer; label: string } {
  if (provider === "local") return { analyze: localEvalAnalyzer(), label: LOCAL_MODEL_NAME };
  const p = analysisProviderFor({ provider, model: null });
  const analyze: EvalAnalyzer = async (text) => {
    const r = await p.analyze({
      tenantId: "00000000-0000-0000-0000-000000000000",
      messageId: "00000000-0000-0000-0000-000000000000",
      chatId: "eval",
      sender: null,
      text,
      context: [],
      prompt: {
        key: DEFAULT_PROMPT_VERSION.key,
        body: DEFAULT_PROMPT_VERSION.body,
        params: DEFAULT_PROMPT_VERSION.params,
      },
    });
    return r.output;
  };
  return { analyze, label: `${p.id} ${p.model}` };
}
