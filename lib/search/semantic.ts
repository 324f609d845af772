import type { Db } from "@/db/client";
import { embeddingProvider } from "@/lib/analysis/providers/resolve";
import { redactPii } from "@/lib/security/pii";
import { withTenant } from "@/lib/tenancy/with-tenant";
import { textSearch, vectorSearch, type SearchHit } from "./queries";
import type { SemanticSearchInput } from "./schemas";

export type SemanticResult = SearchHit & {
  score: number;
  matchedBy: ("meaning" | "words")[];
  similarity: number | null;
};

// Reciprocal rank fusion constant: large enough that one list's top ranks do not drown the other's.
const RRF_K = 60;

/**
 * Search by meaning, blended with exact words: the HNSW nearest neighbours of the query's embedding and the
 * Portuguese full-text matches are merged by reciprocal rank fusion, so a message found both ways ranks first.
 * Everything runs inside the tenant's transaction: no other tenant's row can be a candidate.
 */
export async function semanticSearch(
  db: Db,
  tenantId: string,
  input: SemanticSearchInput,
): Promise<{ model: string; results: SemanticResult[] }> {
  const embedder = embeddingProvider();
  const [vector] = await embedder.embed([redactPii(input.query).text]);
  const pool = Math.min(200, input.limit * 3);
  const { byMeaning, byWords } = await withTenant(
    tenantId,
    async (tx) => {
      const byMeaning =
        vector && vector.some((v) => v !== 0)
          ? await vectorSearch(tx, tenantId, vector, embedder.model, input.filters, pool)
          : [];
      const byWords = await textSearch(tx, tenantId, input.query, input.filters, pool);
      return { byMeaning, byWords };
    },
    db,
  );
  const merged = new Map<string, SemanticResult>();
  byMeaning.forEach((hit, i) => {
    const { distance, ...rest } = hit;
    merged.set(hit.id, { ...rest, score: 1 / (RRF_K + i + 1), matchedBy: ["meaning"], similarity: 1 - distance });
  });
  byWords.forEach((hit, i) => {
    const { rank: _rank, ...rest } = hit;
    const existing = merged.get(hit.id);
    if (existing) {
      existing.score += 1 / (RRF_K + i + 1);
      existing.matchedBy.push("words");
    } else {
      merged.set(hit.id, { ...rest, score: 1 / (RRF_K + i + 1), matchedBy: ["words"], similarity: null });
    }
  });
  const results = [...merged.values()].sort((a, b) => b.score - a.score).slice(0, input.limit);
  return { model: embedder.model, results };
}
