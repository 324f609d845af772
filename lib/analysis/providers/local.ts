import { analyzeLocal, embedLocal, LOCAL_EMBEDDING_MODEL, LOCAL_MODEL_ID, type LocalParams } from "../model";
import { analysisOutputSchema } from "../schema";
import type { AnalysisProvider, AnalysisRequest, AnalysisResult, EmbeddingProvider } from "./types";

/** The offline lexicon-and-rules model. Its parameters come from the prompt version, so experiments can vary them. */
export class LocalAnalysisProvider implements AnalysisProvider {
  readonly id = "local" as const;
  readonly model = LOCAL_MODEL_ID;
  readonly inProcess = true;

  async analyze(request: AnalysisRequest): Promise<AnalysisResult> {
    const started = performance.now();
    const params = (request.prompt.params.local ?? {}) as Partial<LocalParams>;
    const result = analyzeLocal(request.text, params);
    // Parsed like any provider's answer: the local model is held to the same contract.
    const output = analysisOutputSchema.parse(result);
    return {
      output,
      provider: this.id,
      model: this.model,
      latencyMs: performance.now() - started,
      inputTokens: null,
      outputTokens: null,
      repaired: false,
    };
  }
}

export class LocalEmbeddingProvider implements EmbeddingProvider {
  readonly model = LOCAL_EMBEDDING_MODEL;
  readonly inProcess = true;

  async embed(texts: string[]): Promise<number[][]> {
    return texts.map((t) => embedLocal(t));
  }
}
