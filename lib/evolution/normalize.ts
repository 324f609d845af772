import { plausibleTime } from "./plausible-time";
import { bareJid, isGroupJid, isLidJid, isPhoneJid } from "./jid";
import type { MessageData, MessageKey } from "./schemas";

export type MessageType =
  | "text"
  | "image"
  | "video"
  | "document"
  | "audio"
  | "sticker"
  | "reaction"
  | "location"
  | "contact"
  | "poll"
  | "unknown";

/** One WhatsApp message in the shape ingest stores, whatever Evolution version or wrapper it came in. */
export type NormalizedMessage = {
  externalId: string;
  fromMe: boolean;
  /** The chat's stable address: the phone JID when known, else the @lid (1:1), or the group JID. */
  chatJid: string;
  /** The other address of the same chat (the @lid when chatJid is the phone), for identity matching. */
  chatAltJid: string | null;
  isGroup: boolean;
  /** Who wrote it: the phone JID when known (group author or 1:1 contact); null for our own messages. */
  senderJid: string | null;
  senderName: string | null;
  type: MessageType;
  text: string | null;
  sentAt: Date;
  /** Set when the sender's timestamp was impossible and the receive time stands in (plausible-time.ts). */
  sentAtReplaced: { original: string } | null;
  status: string | null;
  reaction: { targetId: string; emoji: string | null } | null;
  quotedId: string | null;
  media: { mimetype: string | null; sizeBytes: number | null; seconds: number | null } | null;
};

// Containers whose content is another message: unwrapped recursively so text is found at any depth.
const WRAPPERS = [
  "ephemeralMessage",
  "viewOnceMessage",
  "viewOnceMessageV2",
  "viewOnceMessageV2Extension",
  "documentWithCaptionMessage",
  "editedMessage",
  "botInvokeMessage",
];

const MEDIA: Record<string, MessageType> = {
  imageMessage: "image",
  videoMessage: "video",
  ptvMessage: "video",
  documentMessage: "document",
  audioMessage: "audio",
  stickerMessage: "sticker",
};

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);
const str = (v: unknown): string | null => (typeof v === "string" && v.length > 0 ? v : null);

/** A 64-bit value as a JS number: plain number, decimal string or protobuf Long `{low, high}`. */
export function longToNumber(value: unknown): number | null {
  if (typeof value === "number") return value;
  if (typeof value === "string" && /^\d+$/.test(value)) return Number(value);
  if (isObj(value) && typeof value.low === "number" && typeof value.high === "number") {
    return (value.high >>> 0) * 2 ** 32 + (value.low >>> 0);
  }
  return null;
}

export function unwrapMessage(message: Obj | null | undefined, depth = 0): Obj | null {
  if (!message || depth > 5) return message ?? null;
  for (const wrapper of WRAPPERS) {
    const inner = message[wrapper];
    if (isObj(inner) && isObj(inner.message)) return unwrapMessage(inner.message, depth + 1);
  }
  return message;
}

function content(
  message: Obj | null,
): Pick<NormalizedMessage, "type" | "text" | "reaction" | "media"> & { quotedId: string | null } {
  const none = { reaction: null, media: null, quotedId: null };
  if (!message) return { type: "unknown", text: null, ...none };
  const conversation = str(message.conversation);
  if (conversation) return { type: "text", text: conversation, ...none };
  const extended = message.extendedTextMessage;
  if (isObj(extended)) {
    const quoted = isObj(extended.contextInfo) ? str(extended.contextInfo.stanzaId) : null;
    return { type: "text", text: str(extended.text), reaction: null, media: null, quotedId: quoted };
  }
  const reaction = message.reactionMessage;
  if (isObj(reaction) && isObj(reaction.key)) {
    // An empty reaction text means the reaction was removed.
    return {
      type: "reaction",
      text: null,
      reaction: { targetId: String(reaction.key.id), emoji: str(reaction.text) },
      media: null,
      quotedId: null,
    };
  }
  for (const [field, type] of Object.entries(MEDIA)) {
    const media = message[field];
    if (!isObj(media)) continue;
    return {
      type,
      // Audio and stickers carry no text; captions are the text of images, videos and documents.
      text: type === "audio" || type === "sticker" ? null : str(media.caption),
      reaction: null,
      media: {
        mimetype: str(media.mimetype),
        sizeBytes: longToNumber(media.fileLength),
        seconds: typeof media.seconds === "number" ? media.seconds : null,
      },
      quotedId: isObj(media.contextInfo) ? str(media.contextInfo.stanzaId) : null,
    };
  }
  if (isObj(message.locationMessage) || isObj(message.liveLocationMessage))
    return { type: "location", text: null, ...none };
  if (isObj(message.contactMessage) || isObj(message.contactsArrayMessage))
    return { type: "contact", text: null, ...none };
  if (Object.keys(message).some((k) => k.startsWith("pollCreationMessage"))) {
    const poll = Object.entries(message).find(([k]) => k.startsWith("pollCreationMessage"))?.[1];
    return { type: "poll", text: isObj(poll) ? str(poll.name) : null, ...none };
  }
  return { type: "unknown", text: null, ...none };
}

/**
 * The chat's two addresses. Evolution 2.3.5+ sends Baileys' raw key with the other form in `remoteJidAlt`;
 * 2.3.1–2.3.4 had already rewritten `remoteJid` to the phone (the LID in `previousRemoteJid`, or `senderPn`).
 */
export function chatIdentity(key: MessageKey): { chatJid: string; chatAltJid: string | null; isGroup: boolean } {
  const remote = bareJid(key.remoteJid);
  if (isGroupJid(remote)) return { chatJid: remote, chatAltJid: null, isGroup: true };
  const candidates = [remote, key.remoteJidAlt, key.senderPn, key.previousRemoteJid]
    .filter((j): j is string => Boolean(j))
    .map(bareJid);
  const phone = candidates.find(isPhoneJid) ?? null;
  const lid = candidates.find(isLidJid) ?? null;
  const chatJid = phone ?? lid ?? remote;
  const other = chatJid === phone ? lid : phone;
  return { chatJid, chatAltJid: other && other !== chatJid ? other : null, isGroup: false };
}

export function normalizeMessage(data: MessageData, receivedAt = new Date()): NormalizedMessage {
  const { key } = data;
  const identity = chatIdentity(key);
  const body = content(unwrapMessage(data.message as Obj | null | undefined));
  const seconds = longToNumber(data.messageTimestamp);
  const sent = plausibleTime(
    seconds === null || seconds === 0 ? null : seconds * 1000,
    data.messageTimestamp,
    receivedAt,
  );
  let senderJid: string | null = null;
  if (!key.fromMe) {
    senderJid = identity.isGroup
      ? ([key.participantAlt, key.participant]
          .filter((j): j is string => Boolean(j))
          .map(bareJid)
          .find(isPhoneJid) ?? (key.participant ? bareJid(key.participant) : null))
      : identity.chatJid;
  }
  return {
    externalId: key.id,
    fromMe: key.fromMe,
    ...identity,
    senderJid,
    senderName: str(data.pushName),
    ...body,
    quotedId: body.quotedId ?? str(data.contextInfo?.stanzaId),
    sentAt: sent.at,
    sentAtReplaced: sent.replaced,
    status: str(data.status),
  };
}
