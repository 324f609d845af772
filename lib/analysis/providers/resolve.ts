import { env } from "@/lib/env";
import { LocalAnalysisProvider, LocalEmbeddingProvider } from "./local";
import { N8nAnalysisProvider } from "./n8n";
import { OpenAIAnalysisProvider, OpenAIEmbeddingProvider } from "./openai";
import type { AnalysisProvider, EmbeddingProvider, ProviderId } from "./types";

export const DEFAULT_OPENAI_MODEL = "gpt-4o-mini";
export const DEFAULT_OPENAI_EMBEDDING_MODEL = "text-embedding-3-small";

/** A prompt version names a provider this deployment has no credentials for: no retry can fix that. */
export class ProviderNotConfiguredError extends Error {
  constructor(provider: string, missing: string) {
    super(`The prompt version asks for provider "${provider}", but ${missing} is not set on this deployment.`);
    this.name = "ProviderNotConfiguredError";
  }
}

const PROVIDERS: ProviderId[] = ["local", "openai", "openai-compatible", "n8n"];

export function isProviderId(value: unknown): value is ProviderId {
  return typeof value === "string" && (PROVIDERS as string[]).includes(value);
}

const cache = new Map<string, AnalysisProvider>();

/** The environment picks the provider; a prompt version may name another provider or model. */
export function analysisProviderFor(version: { provider: string | null; model: string | null }): AnalysisProvider {
  const e = env();
  const id = version.provider ?? e.aiProvider;
  if (!isProviderId(id)) throw new ProviderNotConfiguredError(String(id), "a provider of that name");
  const key = `${id}|${version.model ?? ""}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const provider = build(id, version.model);
  cache.set(key, provider);
  return provider;
}

function build(id: ProviderId, model: string | null): AnalysisProvider {
  const e = env();
  switch (id) {
    case "local":
      return new LocalAnalysisProvider();
    case "openai":
      if (!e.OPENAI_API_KEY) throw new ProviderNotConfiguredError(id, "OPENAI_API_KEY");
      return new OpenAIAnalysisProvider({
        id,
        apiKey: e.OPENAI_API_KEY,
        model: model ?? e.AI_MODEL ?? DEFAULT_OPENAI_MODEL,
      });
    case "openai-compatible":
      if (!e.AI_BASE_URL) throw new ProviderNotConfiguredError(id, "AI_BASE_URL");
      if (!model && !e.AI_MODEL) throw new ProviderNotConfiguredError(id, "AI_MODEL");
      return new OpenAIAnalysisProvider({
        id,
        baseURL: e.AI_BASE_URL,
        apiKey: e.OPENAI_API_KEY,
        model: (model ?? e.AI_MODEL)!,
      });
    case "n8n":
      if (!e.N8N_AI_WEBHOOK) throw new ProviderNotConfiguredError(id, "N8N_AI_WEBHOOK");
      return new N8nAnalysisProvider({ url: e.N8N_AI_WEBHOOK });
  }
}

let embedding: EmbeddingProvider | undefined;

/**
 * One embedding model per deployment, so every vector in the index is comparable: OpenAI's when a key is set,
 * the compatible server's when it names an embedding model, otherwise the offline feature-hashing model.
 */
export function embeddingProvider(): EmbeddingProvider {
  if (embedding) return embedding;
  const e = env();
  if (e.AI_BASE_URL && e.AI_EMBEDDING_MODEL) {
    embedding = new OpenAIEmbeddingProvider({
      id: "openai-compatible",
      baseURL: e.AI_BASE_URL,
      apiKey: e.OPENAI_API_KEY,
      model: e.AI_EMBEDDING_MODEL,
    });
  } else if (e.OPENAI_API_KEY && !e.AI_BASE_URL) {
    embedding = new OpenAIEmbeddingProvider({
      id: "openai",
      apiKey: e.OPENAI_API_KEY,
      model: e.AI_EMBEDDING_MODEL ?? DEFAULT_OPENAI_EMBEDDING_MODEL,
    });
  } else {
    embedding = new LocalEmbeddingProvider();
  }
  return embedding;
}

/** Tests swap environments; cached providers must follow. */
export function resetProviderCache(): void {
  cache.clear();
  embedding = undefined;
}
