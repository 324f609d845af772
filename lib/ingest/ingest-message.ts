import type { Db, Tx } from "@/db/client";
import type { TenantSettings } from "@/db/schema";
import { env } from "@/lib/env";
import { isPhoneJid, jidDigits } from "@/lib/evolution/jid";
import type { NormalizedMessage } from "@/lib/evolution/normalize";
import { enqueue } from "@/lib/jobs/outbox";
import { hashJid, hashPhone, maskPhone } from "@/lib/security/phone";
import { redactPii } from "@/lib/security/pii";
import { refreshResponseTimes } from "@/lib/rollups/response-times";
import { applyVolumeDelta, countsAsVolume } from "@/lib/rollups/volume";
import { withTenant } from "@/lib/tenancy/with-tenant";
import { applyPendingEvents } from "./message-events";
import * as q from "./queries";

export type IngestTarget = {
  tenantId: string;
  connectionId: string;
  tenantStatus: "active" | "suspended" | "canceled";
  tenantSettings: TenantSettings;
  /** Days in the rollups are the tenant's local days. */
  timezone: string;
};

export type IngestResult = { messageId: string; chatId: string; duplicate: false } | { duplicate: true };

/** Only customers' words are scored; our own messages, reactions and text-less media are context. */
function analysisStatus(m: NormalizedMessage, target: IngestTarget) {
  if (m.fromMe || m.type === "reaction" || !m.text) return "skipped" as const;
  // A suspended tenant's messages are kept; their analysis waits for reactivation.
  return target.tenantStatus === "active" ? ("pending" as const) : ("deferred" as const);
}

async function resolveChat(tx: Tx, target: IngestTarget, m: NormalizedMessage) {
  const key = env().PHONE_HASH_KEY;
  const jids = [m.chatJid, m.chatAltJid].filter((j): j is string => Boolean(j)).map((j) => hashJid(j, key));
  const existing = await q.findChatByJids(tx, target.tenantId, target.connectionId, jids);
  if (existing) return existing;
  const phone = !m.isGroup && isPhoneJid(m.chatJid) ? jidDigits(m.chatJid) : null;
  return q.insertChat(tx, {
    tenantId: target.tenantId,
    connectionId: target.connectionId,
    remoteJid: hashJid(m.chatJid, key),
    altJid: m.chatAltJid ? hashJid(m.chatAltJid, key) : null,
    isGroup: m.isGroup,
    contactName: !m.isGroup && !m.fromMe ? m.senderName : null,
    phoneHash: phone ? hashPhone(phone, key) : null,
    phoneMasked: phone ? maskPhone(phone) : null,
  });
}

/**
 * Stores one message exactly once: the unique (connection, external id) makes a re-delivery a no-op, and the
 * `message/received` event is written in the same transaction as the row, so neither exists without the other.
 */
export async function ingestMessage(db: Db, target: IngestTarget, m: NormalizedMessage): Promise<IngestResult> {
  return withTenant(
    target.tenantId,
    async (tx) => {
      const chat = await resolveChat(tx, target, m);
      const status = analysisStatus(m, target);
      const text = m.text && target.tenantSettings.storedText === "redacted" ? redactPii(m.text).text : m.text;
      const senderPhone = m.senderJid && isPhoneJid(m.senderJid) ? jidDigits(m.senderJid) : null;
      const stored = await q.insertMessageOnce(tx, {
        tenantId: target.tenantId,
        connectionId: target.connectionId,
        chatId: chat.id,
        externalId: m.externalId,
        fromMe: m.fromMe,
        senderHash: senderPhone ? hashPhone(senderPhone, env().PHONE_HASH_KEY) : null,
        senderName: m.senderName,
        type: m.type,
        text,
        sentAt: m.sentAt,
        deliveryStatus: m.status,
        analysisStatus: status,
        meta: {
          ...(m.media ? { media: m.media } : {}),
          ...(m.quotedId ? { quotedId: m.quotedId } : {}),
          ...(m.reaction ? { reaction: m.reaction } : {}),
        },
      });
      if (!stored) return { duplicate: true };
      const messageId = stored.id;
      await applyPendingEvents(tx, target, stored);
      // Independent writes: one batch.
      await Promise.all([
        q.recordChatMessage(tx, target.tenantId, chat.id, m.sentAt, {
          contactName: !m.isGroup && !m.fromMe ? m.senderName : null,
          altJid: m.chatAltJid ? hashJid(m.chatAltJid, env().PHONE_HASH_KEY) : null,
        }),
        // A deletion that arrived first was applied above and took this count back out already.
        countsAsVolume(m.type) ? applyVolumeDelta(tx, target.tenantId, target.connectionId, m.sentAt, target.timezone, m.fromMe, 1) : null,
        countsAsVolume(m.type) ? refreshResponseTimes(tx, chat.id, m.sentAt, target.timezone) : null,
      ]);
      if (status === "pending") {
        await enqueue(tx, { name: "message/received", data: { tenantId: target.tenantId, messageId }, tenantId: target.tenantId });
      }
      return { messageId, chatId: chat.id, duplicate: false };
    },
    db,
  );
}
