import { authenticateApi } from "@/lib/api/auth";
import { invalidInput } from "@/lib/api/respond";
import { listMessages } from "@/lib/messages/queries";
import { messageListQuerySchema } from "@/lib/messages/schemas";
import { withTenant } from "@/lib/tenancy/with-tenant";

export const dynamic = "force-dynamic";

// GET /api/v1/messages?chat_id=&q=&page=&page_size=&include=embedding,inferences — the caller's tenant only, newest first.
export async function GET(request: Request) {
  const principal = await authenticateApi(request);
  if (principal instanceof Response) return principal;
  const query = messageListQuerySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!query.success) return invalidInput(query.error);
  const { chat_id, q, page, page_size, include = [] } = query.data;
  const result = await withTenant(principal.tenantId, (tx) =>
    listMessages(tx, principal.tenantId, {
      chatId: chat_id,
      q,
      page,
      pageSize: page_size,
      include: { embedding: include.includes("embedding"), inferences: include.includes("inferences") },
    }),
  );
  return Response.json(result);
}
