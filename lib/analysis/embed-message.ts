import type { Db } from "@/db/client";
import { redactPii } from "@/lib/security/pii";
import { withTenant } from "@/lib/tenancy/with-tenant";
import { embeddingProvider } from "./providers/resolve";
import * as q from "./queries";

export type EmbedResult = { model: string; stored: boolean };

/**
 * Embeds the redacted text with the deployment's embedding model. Skipped when the row already holds a vector of
 * that model (a retry, a re-analysis of unchanged text); an all-zero vector (no features) is not stored, since
 * cosine distance to it is undefined.
 */
export async function embedMessage(db: Db, tenantId: string, messageId: string): Promise<EmbedResult> {
  const provider = embeddingProvider();
  const message = await withTenant(tenantId, (tx) => q.findMessageForAnalysis(tx, tenantId, messageId), db);
  if (!message?.text || message.embeddingModel === provider.model) return { model: provider.model, stored: false };
  const [vector] = await provider.embed([redactPii(message.text).text]);
  if (!vector || vector.every((v) => v === 0)) return { model: provider.model, stored: false };
  await withTenant(tenantId, (tx) => q.storeEmbedding(tx, tenantId, messageId, vector, provider.model), db);
  return { model: provider.model, stored: true };
}
