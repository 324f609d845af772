import { findTenantById, platformDb } from "@/lib/tenancy/queries";
import { authenticateApi } from "@/lib/api/auth";
import { apiError, errorResponse, invalidInput } from "@/lib/api/respond";
import { conversationQuerySchema } from "@/lib/conversations/schemas";
import { EXPORT_KINDS, exportCsv, type ExportKind } from "@/lib/exports/service";

export const dynamic = "force-dynamic";

// GET /api/v1/exports/conversations.csv | messages.csv ?<the conversation list's filters> — within the plan's daily limit.
export async function GET(request: Request, { params }: { params: Promise<{ kind: string }> }) {
  const { kind: file } = await params;
  const kind = file.replace(/\.csv$/, "") as ExportKind;
  if (!file.endsWith(".csv") || !EXPORT_KINDS.includes(kind))
    return apiError(404, "not_found", "Exports are conversations.csv and messages.csv.");
  const principal = await authenticateApi(request);
  if (principal instanceof Response) return principal;
  const query = conversationQuerySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!query.success) return invalidInput(query.error);
  const tenant = await findTenantById(await platformDb(), principal.tenantId);
  if (!tenant) return apiError(404, "not_found", "No such tenant.");
  try {
    const { csv, rows } = await exportCsv(await platformDb(), tenant, principal.userId, kind, query.data);
    const day = new Date().toISOString().slice(0, 10);
    return new Response(csv, {
      headers: {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": `attachment; filename="evosense-${tenant.slug}-${kind}-${day}.csv"`,
        "x-export-rows": String(rows),
      },
    });
  } catch (error) {
    return errorResponse(error);
  }
}
