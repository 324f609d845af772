import { createOpenAI } from "@ai-sdk/openai";
import { embedMany, generateText, NoObjectGeneratedError, Output, type ModelMessage } from "ai";
import { InvalidAnalysisOutputError } from "../errors";
import { renderUserPrompt } from "../prompt-template";
import { analysisOutputSchema, describeIssues } from "../schema";
import { classifyCallError } from "./call-errors";
import type { AnalysisProvider, AnalysisRequest, AnalysisResult, EmbeddingProvider } from "./types";

type OpenAIOptions = {
  id: "openai" | "openai-compatible";
  model: string;
  apiKey?: string;
  baseURL?: string;
  timeoutMs?: number;
};

function client(o: { id: string; apiKey?: string; baseURL?: string }) {
  // Local servers (Ollama, vLLM, llama.cpp) accept any key; the SDK insists on one.
  return createOpenAI({ apiKey: o.apiKey ?? "not-needed", baseURL: o.baseURL, name: o.id });
}

function repairMessages(first: ModelMessage[], badText: string, problem: string): ModelMessage[] {
  return [
    ...first,
    { role: "assistant", content: badText || "(resposta vazia)" },
    {
      role: "user",
      content: `Sua resposta não segue o contrato (${problem}). Responda novamente apenas com o objeto JSON corrigido, com todos os campos.`,
    },
  ];
}

/**
 * OpenAI, or any server speaking its chat-completions API (the Responses API is not what local servers offer).
 * Structured output through the AI SDK, one repair attempt, then a non-retriable failure.
 */
export class OpenAIAnalysisProvider implements AnalysisProvider {
  readonly id: "openai" | "openai-compatible";
  readonly model: string;
  readonly inProcess = false;
  private readonly chat;
  private readonly timeoutMs: number;

  constructor(options: OpenAIOptions) {
    this.id = options.id;
    this.model = options.model;
    this.chat = client(options).chat(options.model);
    this.timeoutMs = options.timeoutMs ?? 30_000;
  }

  private async call(system: string, messages: ModelMessage[], params: Record<string, unknown>) {
    try {
      return await generateText({
        model: this.chat,
        system,
        messages,
        output: Output.object({ schema: analysisOutputSchema }),
        temperature: typeof params.temperature === "number" ? params.temperature : 0,
        maxOutputTokens: typeof params.maxOutputTokens === "number" ? params.maxOutputTokens : 400,
        // Inngest owns retries and backoff; the SDK's own would hide 429s and multiply attempts.
        maxRetries: 0,
        abortSignal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch (error) {
      if (NoObjectGeneratedError.isInstance(error)) return error;
      throw classifyCallError(this.id, error);
    }
  }

  async analyze(request: AnalysisRequest): Promise<AnalysisResult> {
    const started = performance.now();
    const system = request.prompt.body;
    const messages: ModelMessage[] = [{ role: "user", content: renderUserPrompt(request.text, request.context) }];
    const first = await this.call(system, messages, request.prompt.params);
    if (!NoObjectGeneratedError.isInstance(first)) {
      return this.result(first.output, started, first.usage, false);
    }
    const problem = problemOf(first);
    const second = await this.call(system, repairMessages(messages, first.text ?? "", problem), request.prompt.params);
    if (NoObjectGeneratedError.isInstance(second)) throw new InvalidAnalysisOutputError(this.id, problemOf(second));
    const usage = {
      inputTokens: (first.usage?.inputTokens ?? 0) + (second.usage.inputTokens ?? 0),
      outputTokens: (first.usage?.outputTokens ?? 0) + (second.usage.outputTokens ?? 0),
    };
    return this.result(second.output, started, usage, true);
  }

  private result(
    output: AnalysisResult["output"],
    started: number,
    usage: { inputTokens?: number | undefined; outputTokens?: number | undefined } | undefined,
    repaired: boolean,
  ): AnalysisResult {
    return {
      output,
      provider: this.id,
      model: this.model,
      latencyMs: performance.now() - started,
      inputTokens: usage?.inputTokens ?? null,
      outputTokens: usage?.outputTokens ?? null,
      repaired,
    };
  }
}

function problemOf(error: NoObjectGeneratedError): string {
  const parsed = (() => {
    try {
      return analysisOutputSchema.safeParse(JSON.parse(error.text ?? ""));
    } catch {
      return null;
    }
  })();
  if (parsed === null) return "not valid JSON";
  return parsed.success ? error.message : describeIssues(parsed.error);
}

export class OpenAIEmbeddingProvider implements EmbeddingProvider {
  readonly model: string;
  readonly inProcess = false;
  private readonly embedding;

  constructor(
    private readonly options: { id: "openai" | "openai-compatible"; model: string; apiKey?: string; baseURL?: string },
  ) {
    this.model = options.model;
    this.embedding = client(options).embedding(options.model);
  }

  async embed(texts: string[]): Promise<number[][]> {
    try {
      const { embeddings } = await embedMany({
        model: this.embedding,
        values: texts,
        // text-embedding-3 models shorten natively; the column is vector(768).
        providerOptions: { openai: { dimensions: 768 } },
        maxRetries: 0,
        abortSignal: AbortSignal.timeout(30_000),
      });
      for (const e of embeddings) {
        if (e.length !== 768)
          throw new Error(`embedding model ${this.model} returned ${e.length} dimensions; EvoSense stores 768`);
      }
      return embeddings;
    } catch (error) {
      throw classifyCallError(this.options.id, error);
    }
  }
}
