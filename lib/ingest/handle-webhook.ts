import type { z } from "zod";
import type { Db } from "@/db/client";
import { env } from "@/lib/env";
import { parseJsonText } from "@/lib/http/json-text";
import { longToNumber, normalizeMessage } from "@/lib/evolution/normalize";
import { bareJid } from "@/lib/evolution/jid";
import { plausibleTime } from "@/lib/evolution/plausible-time";
import {
  connectionUpdateSchema,
  contactSchema,
  envelopeSchema,
  messageDataSchema,
  messageDeleteSchema,
  messageEditedSchema,
  messageUpdateSchema,
  qrcodeSchema,
  type Envelope,
} from "@/lib/evolution/schemas";
import { decryptSecret } from "@/lib/security/crypto";
import { hashJid } from "@/lib/security/phone";
import { withTenant } from "@/lib/tenancy/with-tenant";
import { authenticateSender } from "./authenticate";
import { recordConnectionState } from "./connection-state";
import { ingestMessage, type IngestTarget } from "./ingest-message";
import { applyOrKeep, type MessageEvent } from "./message-events";
import { cachedWebhookTarget, type WebhookTarget } from "./target-cache";
import * as q from "./queries";

export type WebhookRequest = {
  rawBody: string;
  headers: Pick<Headers, "get">;
  url: URL;
};
export type WebhookResponse = {
  status: number;
  body: Record<string, unknown>;
  /** A newly stored message, for the caller to announce to live views (not part of the response). */
  stored?: { tenantId: string; chatId: string; messageId: string };
};

const fail = (status: number, code: string, message: string): WebhookResponse => ({
  status,
  body: { error: { code, message } },
});

function invalid(error: z.ZodError, event: string): WebhookResponse {
  const issue = error.issues[0]!;
  const path = ["data", ...issue.path].join(".");
  return fail(422, "invalid_payload", `${event}: ${path}: ${issue.message}`);
}

type Context = { db: Db; envelope: Envelope; target: IngestTarget };

type SenderSecrets = { webhookSecret: string; instanceToken: string };

// A target is kept for seconds (target-cache.ts) and serves every webhook of its instance meanwhile: its secrets are
// decrypted once per kept target rather than twice per webhook, and leave memory with it.
const decrypted = new WeakMap<WebhookTarget, SenderSecrets>();

function secretsOf(target: WebhookTarget): SenderSecrets {
  let secrets = decrypted.get(target);
  if (!secrets) {
    secrets = {
      webhookSecret: decryptSecret(target.webhookSecretEnc),
      instanceToken: decryptSecret(target.instanceTokenEnc),
    };
    decrypted.set(target, secrets);
  }
  return secrets;
}

/** Each handled event; anything else (presence, chats, groups, calls…) is acknowledged and ignored. */
const HANDLERS: Record<string, (ctx: Context) => Promise<WebhookResponse>> = {
  "messages.upsert": upsertMessage,
  "send.message": upsertMessage,
  "messages.update": updateDeliveryStatus,
  "messages.edited": editMessage,
  "send.message.update": editMessage,
  "messages.delete": deleteMessage,
  "connection.update": updateConnection,
  "qrcode.updated": updateQrCode,
  "contacts.upsert": upsertContacts,
  "contacts.update": upsertContacts,
  "logout.instance": logout,
};

/**
 * The Evolution webhook, from raw body to stored rows. Status codes follow Evolution's retry rules: 400, 401,
 * 404 and 422 stop its retries (the body will never be accepted); anything accepted is answered 200 at once.
 */
export async function handleEvolutionWebhook(db: Db, req: WebhookRequest): Promise<WebhookResponse> {
  const json = parseJsonText(req.rawBody);
  if (!json.ok) return fail(400, json.code, json.message);
  const parsed = envelopeSchema.safeParse(json.value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return fail(422, "invalid_payload", `${issue.path.join(".") || "body"}: ${issue.message}`);
  }
  const envelope = parsed.data;
  const target = await cachedWebhookTarget(db, envelope.instance);
  if (!target) {
    await q.recordUnclaimedInstance(db, envelope.instance, envelope.event);
    return fail(404, "unknown_instance", `No connection is configured for instance "${envelope.instance}".`);
  }

  const method = authenticateSender(
    { headers: req.headers, querySecret: req.url.searchParams.get("secret"), bodyApiKey: envelope.apikey },
    secretsOf(target),
    env().EVOLUTION_GLOBAL_WEBHOOK_SECRET,
  );
  if (!method)
    return fail(
      401,
      "unauthorized",
      "Send the connection's webhook secret (x-evosense-secret), a jwt_key token, the global ?secret= or the instance apikey.",
    );

  const handler = HANDLERS[envelope.event.toLowerCase()];
  if (!handler) return { status: 200, body: { ignored: true } };
  return handler({ db, envelope, target });
}

async function upsertMessage({ db, envelope, target }: Context): Promise<WebhookResponse> {
  const data = messageDataSchema.safeParse(envelope.data);
  if (!data.success) return invalid(data.error, envelope.event);
  const message = normalizeMessage(data.data);
  if (message.type === "reaction" && message.reaction) {
    // A reaction is an event on its target message, not a message of its own.
    const result = await applyOrKeep(db, target, message.reaction.targetId, {
      kind: "reaction",
      emoji: message.reaction.emoji,
      fromMe: message.fromMe,
      at: message.sentAt.toISOString(),
    });
    return { status: 200, body: { [result]: true } };
  }
  const result = await ingestMessage(db, target, message);
  if (result.duplicate) return { status: 200, body: { duplicate: true } };
  return {
    status: 200,
    body: { stored: true, messageId: result.messageId },
    stored: { tenantId: target.tenantId, chatId: result.chatId, messageId: result.messageId },
  };
}

async function updateDeliveryStatus({ db, envelope, target }: Context): Promise<WebhookResponse> {
  const items = Array.isArray(envelope.data) ? envelope.data : [envelope.data];
  const parsed = [];
  for (const item of items) {
    const data = messageUpdateSchema.safeParse(item);
    if (!data.success) return invalid(data.error, envelope.event);
    parsed.push(data.data);
  }
  const at = new Date().toISOString();
  const results = [];
  for (const u of parsed)
    results.push(await applyOrKeep(db, target, u.keyId, { kind: "status", status: u.status, at }));
  return {
    status: 200,
    body: {
      applied: results.filter((r) => r === "applied").length,
      pending: results.filter((r) => r === "pending").length,
    },
  };
}

const EDIT = new Set(["MESSAGE_EDIT", "14"]);
const REVOKE = new Set(["REVOKE", "0"]);

async function editMessage({ db, envelope, target }: Context): Promise<WebhookResponse> {
  const data = messageEditedSchema.safeParse(envelope.data);
  if (!data.success) return invalid(data.error, envelope.event);
  const type = String(data.data.type);
  if (!EDIT.has(type) && !REVOKE.has(type)) return { status: 200, body: { ignored: true } };
  // The key is seen from the sender's side: only its id identifies the message.
  const externalId = data.data.key.id;
  const at = plausibleTime(longToNumber(data.data.timestampMs), data.data.timestampMs, new Date()).at.toISOString();
  const event: MessageEvent = REVOKE.has(type)
    ? { kind: "delete", at }
    : { kind: "edit", text: unwrappedText(data.data.editedMessage), at };
  const result = await applyOrKeep(db, target, externalId, event);
  return { status: 200, body: { [result]: true } };
}

function unwrappedText(message: Record<string, unknown> | null | undefined): string | null {
  return normalizeMessage(messageDataSchema.parse({ key: { remoteJid: "edit@s.whatsapp.net", id: "edit" }, message }))
    .text;
}

async function deleteMessage({ db, envelope, target }: Context): Promise<WebhookResponse> {
  const data = messageDeleteSchema.safeParse(envelope.data);
  if (!data.success) return invalid(data.error, envelope.event);
  const result = await applyOrKeep(db, target, data.data.id, { kind: "delete", at: new Date().toISOString() });
  return { status: 200, body: { [result]: true } };
}

const STATES = new Set(["open", "connecting", "close"]);

async function updateConnection({ db, envelope, target }: Context): Promise<WebhookResponse> {
  const data = connectionUpdateSchema.safeParse(envelope.data);
  if (!data.success) return invalid(data.error, envelope.event);
  const state = STATES.has(data.data.state) ? (data.data.state as "open" | "connecting" | "close") : "close";
  const reason = data.data.statusReason ? `${data.data.state} (${data.data.statusReason})` : data.data.state;
  const { alert } = await recordConnectionState(db, target, {
    state,
    reason,
    ownJid: data.data.wuid ? bareJid(data.data.wuid) : null,
  });
  return { status: 200, body: { updated: true, ...(alert ? { alert: true } : {}) } };
}

async function updateQrCode({ db, envelope, target }: Context): Promise<WebhookResponse> {
  const data = qrcodeSchema.safeParse(envelope.data);
  if (!data.success) return invalid(data.error, envelope.event);
  const base64 = data.data.qrcode?.base64;
  if (!base64?.startsWith("data:image/")) return { status: 200, body: { ignored: true } };
  await withTenant(
    target.tenantId,
    (tx) =>
      q.updateConnectionState(tx, target.tenantId, target.connectionId, {
        qrCode: base64,
        qrUpdatedAt: new Date(),
        state: "connecting",
      }),
    db,
  );
  return { status: 200, body: { updated: true } };
}

async function upsertContacts({ db, envelope, target }: Context): Promise<WebhookResponse> {
  const items = Array.isArray(envelope.data) ? envelope.data : envelope.data ? [envelope.data] : [];
  const contacts: { jid: string; name: string }[] = [];
  for (const item of items) {
    const data = contactSchema.safeParse(item);
    if (!data.success) return invalid(data.error, envelope.event);
    if (data.data.pushName)
      contacts.push({ jid: hashJid(data.data.remoteJid, env().PHONE_HASH_KEY), name: data.data.pushName });
  }
  await withTenant(
    target.tenantId,
    async (tx) => {
      for (const c of contacts) await q.setContactName(tx, target.tenantId, target.connectionId, c.jid, c.name);
    },
    db,
  );
  return { status: 200, body: { updated: contacts.length } };
}

async function logout({ db, target }: Context): Promise<WebhookResponse> {
  await recordConnectionState(db, target, { state: "logged_out", reason: "logout.instance", ownJid: null });
  return { status: 200, body: { updated: true } };
}
