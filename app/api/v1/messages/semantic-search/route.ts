import { findTenantById, platformDb } from "@/lib/tenancy/queries";
import { authenticateApi } from "@/lib/api/auth";
import { readJsonBody } from "@/lib/api/read-json";
import { apiError, invalidInput } from "@/lib/api/respond";
import { semanticSearchSchema } from "@/lib/search/schemas";
import { semanticSearch } from "@/lib/search/semantic";

export const dynamic = "force-dynamic";

// POST /api/v1/messages/semantic-search {query, filters?, limit?} — the caller's tenant only.
export async function POST(request: Request) {
  const principal = await authenticateApi(request);
  if (principal instanceof Response) return principal;
  const body = await readJsonBody(request, principal.via);
  if (!body.ok) return body.response;
  const input = semanticSearchSchema.safeParse(body.value);
  if (!input.success) return invalidInput(input.error);
  const db = await platformDb();
  const tenant = await findTenantById(db, principal.tenantId);
  if (!tenant?.planLimits.semanticSearch) {
    return apiError(
      403,
      "plan_limit",
      "Semantic search is not part of this plan (Pro and above); full-text search stays available in GET /api/v1/messages?q=.",
    );
  }
  const { model, results } = await semanticSearch(db, principal.tenantId, input.data);
  return Response.json({ data: results, model });
}
