import { platformDatabase } from "@/lib/tenancy/queries";
import { isRetryableFault } from "@/db/errors";
import { env } from "@/lib/env";
import { formatBytes } from "@/lib/http/read-body";
import { requestLogger } from "@/lib/log";
import { announceTenantEvent } from "@/lib/realtime/bus";
import { handleEvolutionWebhook, type WebhookRequest } from "./handle-webhook";

export type WebhookReply = { status: number; body: Record<string, unknown>; retryAfterSeconds?: number };

/** Base64 media makes bodies large (docs/operations.md says how the default was chosen). */
export const webhookMaxBytes = (): number => env().WEBHOOK_MAX_BYTES;

export const payloadTooLarge = (): WebhookReply => ({
  status: 413,
  body: {
    error: {
      code: "payload_too_large",
      message: `Bodies up to ${formatBytes(webhookMaxBytes())} are accepted; turn off webhook base64 for media.`,
    },
  },
});

/**
 * One Evolution webhook request, whichever HTTP layer received it (the Next.js route or the server's direct
 * endpoint): stores what it carries, logs the outcome and announces a new message to live views. Evolution retries
 * any 5xx, so one is answered only when a retry can succeed (database unreachable, deadlock); a body that fails for
 * what it is gets 422 and an error line, or it would be retried forever.
 */
export async function receiveEvolutionWebhook(req: WebhookRequest & { requestId: string }): Promise<WebhookReply> {
  const log = requestLogger({ requestId: req.requestId });
  try {
    const database = await platformDatabase();
    const result = await handleEvolutionWebhook(database.db, req);
    log.info(
      { status: result.status, code: (result.body.error as { code?: string } | undefined)?.code },
      "evolution webhook",
    );
    if (result.stored) {
      const { tenantId, chatId, messageId } = result.stored;
      announceTenantEvent(database, tenantId, { type: "message.received", chatId, messageId }, log);
    }
    return { status: result.status, body: result.body };
  } catch (err) {
    if (isRetryableFault(err)) {
      log.warn({ err }, "evolution webhook not stored; the sender will retry");
      return {
        status: 503,
        retryAfterSeconds: 5,
        body: {
          error: { code: "temporarily_unavailable", message: "The event was not stored; Evolution will retry it." },
        },
      };
    }
    log.error({ err }, "evolution webhook refused: it cannot be stored");
    return {
      status: 422,
      body: {
        error: {
          code: "unprocessable_event",
          message: "The event cannot be stored; retrying it would fail the same way.",
        },
      },
    };
  }
}
