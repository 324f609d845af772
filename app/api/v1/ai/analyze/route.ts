import { platformDatabase } from "@/lib/tenancy/queries";
import { analyzeNow } from "@/lib/analysis/analyze-now";
import { analyzeNowRequestSchema } from "@/lib/analysis/schema";
import { InvalidAnalysisOutputError, ProviderRateLimitError, ProviderUnavailableError } from "@/lib/analysis/errors";
import { ProviderNotConfiguredError } from "@/lib/analysis/providers/resolve";
import { authenticateSuperAdmin } from "@/lib/api/auth";
import { readJsonBody } from "@/lib/api/read-json";
import { apiError, invalidInput } from "@/lib/api/respond";
import { withTenant } from "@/lib/tenancy/with-tenant";
import { listMessagesByIds } from "@/lib/messages/queries";

export const dynamic = "force-dynamic";

const STATUS = { message_not_found: 404, prompt_version_not_found: 404, not_analysable: 409 } as const;

// POST /api/v1/ai/analyze {message_id, prompt_version_id?} — super-admins re-analyse one message now.
export async function POST(request: Request) {
  const admin = await authenticateSuperAdmin();
  if (admin instanceof Response) return admin;
  const json = await readJsonBody(request, "session");
  if (!json.ok) return json.response;
  const body = analyzeNowRequestSchema.safeParse(json.value);
  if (!body.success) return invalidInput(body.error);
  const database = await platformDatabase();
  try {
    const result = await analyzeNow(database, body.data.message_id, body.data.prompt_version_id);
    if (!result.ok) return apiError(STATUS[result.code], result.code, result.message);
    const [message] = await withTenant(result.tenantId, (tx) =>
      listMessagesByIds(tx, result.tenantId, [result.messageId]),
    );
    return Response.json({ data: message, inferenceId: result.inferenceId, runKey: result.runKey });
  } catch (error) {
    if (error instanceof ProviderRateLimitError) {
      return Response.json(
        { error: { code: "provider_rate_limited", message: error.message } },
        { status: 429, headers: { "retry-after": String(Math.ceil(error.retryAfterMs / 1000)) } },
      );
    }
    if (error instanceof ProviderUnavailableError) return apiError(503, "provider_unavailable", error.message);
    if (error instanceof InvalidAnalysisOutputError) return apiError(502, "invalid_model_output", error.message);
    if (error instanceof ProviderNotConfiguredError) return apiError(409, "provider_not_configured", error.message);
    throw error;
  }
}
