import { readLimitedText } from "@/lib/http/read-body";
import {
  payloadTooLarge,
  receiveEvolutionWebhook,
  webhookMaxBytes,
  type WebhookReply,
} from "@/lib/ingest/receive-webhook";
import { REQUEST_ID_HEADER } from "@/lib/request-id";

export const dynamic = "force-dynamic";

// Answers are a few bytes: gzipping them cost more CPU than anything else in the route (bench:ingest profile).
const reply = ({ body, status, retryAfterSeconds }: WebhookReply) =>
  Response.json(body, {
    status,
    headers: {
      "cache-control": "no-store, no-transform",
      ...(retryAfterSeconds ? { "retry-after": String(retryAfterSeconds) } : {}),
    },
  });

// POST /api/webhooks/evolution and /api/webhooks/evolution/<event-suffix> ("webhook by events").
// `npm start` answers these paths before Next.js routing (server/webhook-endpoint.ts); this route serves them
// under `next dev`, `next start` and hosts that run Next.js without our server.
export async function POST(request: Request) {
  const body = await readLimitedText(request, webhookMaxBytes());
  if (!body.ok) return reply(payloadTooLarge());
  return reply(
    await receiveEvolutionWebhook({
      rawBody: body.text,
      headers: request.headers,
      url: new URL(request.url),
      requestId: request.headers.get(REQUEST_ID_HEADER) ?? crypto.randomUUID(),
    }),
  );
}
