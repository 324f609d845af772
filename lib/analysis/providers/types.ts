import type { AnalysisOutput } from "../schema";
import type { ContextLine } from "../prompt-template";

export type ProviderId = "local" | "openai" | "openai-compatible" | "n8n";

/** What a provider needs: the prompt version it runs and a message whose text is already redacted. */
export type AnalysisRequest = {
  tenantId: string;
  messageId: string;
  chatId: string;
  sender: string | null;
  text: string;
  context: ContextLine[];
  prompt: { key: string; body: string; params: Record<string, unknown> };
};

export type AnalysisResult = {
  output: AnalysisOutput;
  provider: ProviderId;
  model: string;
  latencyMs: number;
  inputTokens: number | null;
  outputTokens: number | null;
  /** The first answer failed the schema and the repair attempt fixed it. */
  repaired: boolean;
};

export interface AnalysisProvider {
  readonly id: ProviderId;
  readonly model: string;
  /** Runs inside this process (no network): safe to call inside a database transaction. */
  readonly inProcess: boolean;
  analyze(request: AnalysisRequest): Promise<AnalysisResult>;
}

export interface EmbeddingProvider {
  /** Stored with every vector: vectors of different models are never compared. */
  readonly model: string;
  readonly inProcess: boolean;
  embed(texts: string[]): Promise<number[][]>;
}
