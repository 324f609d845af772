import { NonRetriableError, RetryAfterError } from "inngest";
import type { Db } from "@/db/client";
import { withTenant } from "@/lib/tenancy/with-tenant";
import { InvalidAnalysisOutputError, ProviderRateLimitError } from "./errors";
import { ProviderNotConfiguredError } from "./providers/resolve";
import * as q from "./queries";

/**
 * Translates provider failures into what Inngest understands: a 429 waits as long as the provider asked, a
 * contract violation or missing configuration fails at once (recorded on the message), the rest is retried.
 */
export async function asJobError(db: Db, tenantId: string, messageId: string, error: unknown): Promise<Error> {
  if (error instanceof ProviderRateLimitError) return new RetryAfterError(error.message, error.retryAfterMs);
  if (error instanceof InvalidAnalysisOutputError || error instanceof ProviderNotConfiguredError) {
    await recordAnalysisFailure(db, tenantId, messageId, error.message);
    return new NonRetriableError(error.message, { cause: error });
  }
  return error instanceof Error ? error : new Error(String(error));
}

export async function recordAnalysisFailure(
  db: Db,
  tenantId: string,
  messageId: string,
  message: string,
): Promise<void> {
  await withTenant(
    tenantId,
    (tx) => q.setAnalysisStatus(tx, tenantId, messageId, "failed", message.slice(0, 1000)),
    db,
  );
}
