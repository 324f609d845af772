import { z } from "zod";
import {
  InvalidAnalysisOutputError,
  parseRetryAfter,
  ProviderRateLimitError,
  ProviderUnavailableError,
} from "../errors";
import { analysisOutputSchema, describeIssues } from "../schema";
import type { AnalysisProvider, AnalysisRequest, AnalysisResult } from "./types";

type N8nOptions = {
  url: string;
  timeoutMs?: number;
  attempts?: number;
  backoffMs?: (attempt: number) => number;
};

/** n8n's "Respond to Webhook" may answer the object itself, a one-item array, or the object under `output`/`json`. */
const envelopeSchema = z.union([
  z
    .array(z.unknown())
    .min(1)
    .transform((a) => a[0]),
  z.object({ output: z.record(z.string(), z.unknown()) }).transform((o) => o.output),
  z.object({ json: z.record(z.string(), z.unknown()) }).transform((o) => o.json),
  z.unknown(),
]);

class RetryableHttpError extends Error {}

/**
 * The seed's n8n contract: POST `{tenant_id, message, context: {chat_id, sender}, prompt_version}` and receive
 * the analysis JSON. Three quick attempts with backoff absorb a workflow restart; beyond that the job's own
 * retries take over.
 */
export class N8nAnalysisProvider implements AnalysisProvider {
  readonly id = "n8n" as const;
  readonly model = "n8n-workflow";
  readonly inProcess = false;
  private readonly timeoutMs: number;
  private readonly attempts: number;
  private readonly backoffMs: (attempt: number) => number;

  constructor(private readonly options: N8nOptions) {
    this.timeoutMs = options.timeoutMs ?? 3_000;
    this.attempts = options.attempts ?? 3;
    this.backoffMs = options.backoffMs ?? ((n) => 250 * 2 ** (n - 1));
  }

  async analyze(request: AnalysisRequest): Promise<AnalysisResult> {
    const started = performance.now();
    const payload = {
      tenant_id: request.tenantId,
      message: request.text,
      context: { chat_id: request.chatId, sender: request.sender, history: request.context },
      prompt_version: request.prompt.key,
    };
    let problem = "";
    // The second round is the repair attempt: a workflow that answered badly is asked once more.
    for (let round = 1; round <= 2; round++) {
      const body = await this.post(payload);
      const parsed = analysisOutputSchema.safeParse(envelopeSchema.parse(body));
      if (parsed.success) {
        return {
          output: parsed.data,
          provider: this.id,
          model: this.model,
          latencyMs: performance.now() - started,
          inputTokens: null,
          outputTokens: null,
          repaired: round === 2,
        };
      }
      problem = describeIssues(parsed.error);
    }
    throw new InvalidAnalysisOutputError(this.id, problem);
  }

  private async post(payload: unknown): Promise<unknown> {
    let last: Error = new Error("no attempt made");
    for (let attempt = 1; attempt <= this.attempts; attempt++) {
      if (attempt > 1) await new Promise((r) => setTimeout(r, this.backoffMs(attempt - 1)));
      try {
        return await this.once(payload);
      } catch (error) {
        if (!(error instanceof RetryableHttpError)) throw error;
        last = error;
      }
    }
    throw new ProviderUnavailableError(this.id, last.message);
  }

  private async once(payload: unknown): Promise<unknown> {
    let res: Response;
    try {
      res = await fetch(this.options.url, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(payload),
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch (error) {
      const name = (error as Error).name;
      throw new RetryableHttpError(
        name === "TimeoutError" ? `no answer within ${this.timeoutMs} ms` : (error as Error).message,
      );
    }
    if (res.status === 429)
      throw new ProviderRateLimitError(this.id, parseRetryAfter(res.headers.get("retry-after")) ?? 30_000);
    if (res.status >= 500) throw new RetryableHttpError(`HTTP ${res.status}`);
    if (!res.ok) throw new Error(`n8n webhook rejected the request: HTTP ${res.status}`);
    const text = await res.text();
    try {
      return JSON.parse(text);
    } catch {
      return text;
    }
  }
}
