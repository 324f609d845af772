import { APICallError } from "ai";
import { parseRetryAfter, ProviderRateLimitError, ProviderUnavailableError } from "../errors";

/**
 * Maps an SDK or network failure to what the job should do: 429 waits as the server asks, 5xx/timeouts are
 * retried with backoff, and anything else (bad key, unknown model) is rethrown as it is, also retried but visible.
 */
export function classifyCallError(provider: string, error: unknown): Error {
  if (APICallError.isInstance(error)) {
    if (error.statusCode === 429) {
      const wait = parseRetryAfter(error.responseHeaders?.["retry-after"]) ?? 30_000;
      return new ProviderRateLimitError(provider, wait);
    }
    if (error.statusCode === undefined || error.statusCode >= 500 || error.isRetryable) {
      return new ProviderUnavailableError(provider, `${error.statusCode ?? "no response"} ${error.message}`);
    }
    return new Error(`${provider} rejected the request (${error.statusCode}): ${error.message}`);
  }
  if (error instanceof Error && (error.name === "TimeoutError" || error.name === "AbortError")) {
    return new ProviderUnavailableError(provider, "timed out");
  }
  return error instanceof Error ? error : new Error(String(error));
}
