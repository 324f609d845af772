import { getDatabase } from "@/db/client";
import { publishTenantEvent } from "@/lib/realtime/bus";
import { handleEvolutionWebhook } from "@/lib/ingest/handle-webhook";
import { requestLogger } from "@/lib/log";
import { REQUEST_ID_HEADER } from "@/lib/request-id";

export const dynamic = "force-dynamic";

// Base64 media makes bodies large; anything above this is refused before it is buffered whole.
const MAX_BODY_BYTES = 25 * 1024 * 1024;

// Answers are a few bytes: gzipping them cost more CPU than anything else in the route (bench:ingest profile).
const reply = (body: unknown, status: number) => Response.json(body, { status, headers: { "cache-control": "no-store, no-transform" } });

// POST /api/webhooks/evolution and /api/webhooks/evolution/<event-suffix> ("webhook by events").
export async function POST(request: Request) {
  const log = requestLogger({ requestId: request.headers.get(REQUEST_ID_HEADER) ?? crypto.randomUUID() });
  const length = Number(request.headers.get("content-length") ?? 0);
  if (length > MAX_BODY_BYTES) {
    return reply({ error: { code: "payload_too_large", message: "Bodies up to 25 MB are accepted." } }, 413);
  }
  const rawBody = await request.text();
  if (rawBody.length > MAX_BODY_BYTES) {
    return reply({ error: { code: "payload_too_large", message: "Bodies up to 25 MB are accepted." } }, 413);
  }
  const database = await getDatabase();
  const result = await handleEvolutionWebhook(database.db, {
    rawBody,
    headers: request.headers,
    url: new URL(request.url),
    notifyInDatabase: database.kind === "postgres",
  });
  log.info({ status: result.status, code: (result.body.error as { code?: string } | undefined)?.code }, "evolution webhook");
  if (result.stored && !result.stored.announced) {
    const { tenantId, chatId, messageId } = result.stored;
    // Live views are a convenience: a lost announcement must never fail an accepted message.
    await publishTenantEvent(database, tenantId, { type: "message.received", chatId, messageId }).catch((err: Error) =>
      log.warn({ err: err.message }, "realtime publish failed"),
    );
  }
  return reply(result.body, result.status);
}
