import { authenticateApi } from "@/lib/api/auth";
import { invalidInput } from "@/lib/api/respond";
import { listChats } from "@/lib/messages/queries";
import { chatListQuerySchema } from "@/lib/messages/schemas";
import { withTenant } from "@/lib/tenancy/with-tenant";

export const dynamic = "force-dynamic";

// GET /api/v1/chats?page=&page_size= — most recently active first.
export async function GET(request: Request) {
  const principal = await authenticateApi(request);
  if (principal instanceof Response) return principal;
  const query = chatListQuerySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!query.success) return invalidInput(query.error);
  const result = await withTenant(principal.tenantId, (tx) =>
    listChats(tx, principal.tenantId, query.data.page, query.data.page_size),
  );
  return Response.json(result);
}
