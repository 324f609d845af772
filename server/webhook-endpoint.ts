import type { IncomingMessage, ServerResponse } from "node:http";
import {
  payloadTooLarge,
  receiveEvolutionWebhook,
  webhookMaxBytes,
  type WebhookReply,
} from "@/lib/ingest/receive-webhook";
import { logger } from "@/lib/log";
import { REQUEST_ID_HEADER } from "@/lib/request-id";

/** Where `server/serve.mjs` finds the endpoint: it runs outside the app's bundle, so the two meet on globalThis. */
export const WEBHOOK_ENDPOINT_KEY = Symbol.for("evosense.evolutionWebhookEndpoint");

export type NodeEndpoint = (req: IncomingMessage, res: ServerResponse) => void;

/** Makes the endpoint available to the HTTP server; called at boot, in the process that serves requests. */
export function exposeWebhookEndpoint(): void {
  (globalThis as Record<symbol, NodeEndpoint | undefined>)[WEBHOOK_ENDPOINT_KEY] = evolutionWebhookEndpoint;
}

const internalError: WebhookReply = {
  status: 500,
  body: { error: { code: "internal_error", message: "The event was not stored; Evolution will retry it." } },
};

function send(res: ServerResponse, reply: WebhookReply, requestId: string): void {
  if (res.headersSent) return;
  const payload = JSON.stringify(reply.body);
  res.writeHead(reply.status, {
    "content-type": "application/json",
    "content-length": Buffer.byteLength(payload),
    "cache-control": "no-store, no-transform",
    ...(reply.retryAfterSeconds ? { "retry-after": String(reply.retryAfterSeconds) } : {}),
    [REQUEST_ID_HEADER]: requestId,
  });
  res.end(payload);
}

/**
 * POST /api/webhooks/evolution[/<event-suffix>] on the Node HTTP server, before Next.js routing. Webhooks are
 * the only traffic that arrives in bursts of hundreds per second, and Next.js request handling alone cost more
 * than the whole store (bench:ingest). Same behaviour as the Next.js route, which shares receiveEvolutionWebhook.
 */
export function evolutionWebhookEndpoint(req: IncomingMessage, res: ServerResponse): void {
  const header = (name: string) => {
    const value = req.headers[name.toLowerCase()];
    return value === undefined ? null : Array.isArray(value) ? value.join(", ") : value;
  };
  const requestId = header(REQUEST_ID_HEADER) || crypto.randomUUID();
  // A refused body is still read, and dropped, so the sender can finish writing it and read the answer.
  const maxBytes = webhookMaxBytes();
  if (Number(header("content-length") ?? 0) > maxBytes) {
    req.resume();
    return send(res, payloadTooLarge(), requestId);
  }

  const chunks: Buffer[] = [];
  let size = 0;
  let refused = false;
  req.on("data", (chunk: Buffer) => {
    if (refused) return;
    size += chunk.length;
    if (size > maxBytes) {
      // A chunked body gives no length up front: stop buffering as soon as it passes the limit.
      refused = true;
      chunks.length = 0;
      send(res, payloadTooLarge(), requestId);
    } else {
      chunks.push(chunk);
    }
  });
  req.on("error", () => res.destroy());
  req.on("end", () => {
    if (refused) return;
    receiveEvolutionWebhook({
      rawBody: Buffer.concat(chunks, size).toString("utf8"),
      headers: { get: header },
      url: new URL(req.url ?? "/", "http://localhost"),
      requestId,
    }).then(
      (reply) => send(res, reply, requestId),
      (error: Error) => {
        logger().error({ requestId, err: error }, "evolution webhook failed");
        send(res, internalError, requestId);
      },
    );
  });
}
