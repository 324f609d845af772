import { getDatabase } from "@/db/client";
import { requestLogger } from "@/lib/log";
import { announceTenantEvent } from "@/lib/realtime/bus";
import { handleEvolutionWebhook, type WebhookRequest } from "./handle-webhook";

// Base64 media makes bodies large; anything above this is refused before it is buffered whole.
export const MAX_WEBHOOK_BODY_BYTES = 25 * 1024 * 1024;

export type WebhookReply = { status: number; body: Record<string, unknown> };

export const payloadTooLarge: WebhookReply = {
  status: 413,
  body: { error: { code: "payload_too_large", message: "Bodies up to 25 MB are accepted." } },
};

/**
 * One Evolution webhook request, whichever HTTP layer received it (the Next.js route or the server's direct
 * endpoint): stores what it carries, logs the outcome and announces a new message to live views.
 */
export async function receiveEvolutionWebhook(req: WebhookRequest & { requestId: string }): Promise<WebhookReply> {
  const log = requestLogger({ requestId: req.requestId });
  const database = await getDatabase();
  const result = await handleEvolutionWebhook(database.db, req);
  log.info({ status: result.status, code: (result.body.error as { code?: string } | undefined)?.code }, "evolution webhook");
  if (result.stored) {
    const { tenantId, chatId, messageId } = result.stored;
    announceTenantEvent(database, tenantId, { type: "message.received", chatId, messageId }, log);
  }
  return { status: result.status, body: result.body };
}
