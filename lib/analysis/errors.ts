/** The provider asked us to slow down; the function turns this into Inngest's RetryAfterError. */
export class ProviderRateLimitError extends Error {
  constructor(
    readonly provider: string,
    readonly retryAfterMs: number,
  ) {
    super(`${provider} is rate limiting requests; retry in ${Math.ceil(retryAfterMs / 1000)} s`);
    this.name = "ProviderRateLimitError";
  }
}

/** The provider answered, twice, with something that does not fit the contract: retrying will not help. */
export class InvalidAnalysisOutputError extends Error {
  constructor(
    readonly provider: string,
    readonly detail: string,
  ) {
    super(`${provider} returned output that does not fit the analysis schema (after one repair attempt): ${detail}`);
    this.name = "InvalidAnalysisOutputError";
  }
}

/** A transient failure (timeout, 5xx, connection refused): retried with backoff. */
export class ProviderUnavailableError extends Error {
  constructor(
    readonly provider: string,
    message: string,
  ) {
    super(`${provider} is unavailable: ${message}`);
    this.name = "ProviderUnavailableError";
  }
}

/** Seconds or an HTTP date, as in a Retry-After header; null when absent or unreadable. */
export function parseRetryAfter(value: string | null | undefined, now = Date.now()): number | null {
  if (!value) return null;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const at = Date.parse(value);
  return Number.isNaN(at) ? null : Math.max(0, at - now);
}
