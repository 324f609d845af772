/** USD per million tokens (input, output), list prices; unknown and local models cost nothing we can know. */
const PRICES: Record<string, { input: number; output: number }> = {
  "gpt-4o-mini": { input: 0.15, output: 0.6 },
  "gpt-4o": { input: 2.5, output: 10 },
  "gpt-4.1-mini": { input: 0.4, output: 1.6 },
  "gpt-4.1-nano": { input: 0.1, output: 0.4 },
  "gpt-5-mini": { input: 0.25, output: 2 },
  "gpt-5-nano": { input: 0.05, output: 0.4 },
};

/** Estimated cost of one call; null when the model's price is not known (self-hosted, n8n). */
export function estimateCostUsd(
  provider: string,
  model: string,
  inputTokens: number | null,
  outputTokens: number | null,
): number | null {
  if (provider === "local") return 0;
  const price = provider === "openai" ? PRICES[model] : undefined;
  if (!price || inputTokens === null) return null;
  return (inputTokens * price.input + (outputTokens ?? 0) * price.output) / 1_000_000;
}
