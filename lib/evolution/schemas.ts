import { z } from "zod";

// Bounds far above anything WhatsApp produces (ids are 16–40 characters, JIDs under 100, push names 25), so a broken
// or hostile sender gets a 422 naming the field instead of a row PostgreSQL indexes or the UI must render.
const id = z.string().min(1).max(256);
const jid = z.string().min(1).max(256);
// Optional addresses arrive as "" from some versions.
const maybeJid = z.string().max(256).nullish();
const label = z.string().max(1024);
const word = z.string().max(128);

/**
 * Evolution API v2 webhook bodies (see shared/research/evolution.md). Schemas accept what real versions send
 * (2.2–2.3.x encodings differ) and keep unknown fields: only what ingest reads is required.
 */
export const envelopeSchema = z.looseObject({
  event: z.string().min(1).max(128),
  instance: z.string().min(1).max(256),
  data: z.unknown(),
  date_time: word.nullish(),
  sender: maybeJid,
  server_url: z.string().max(2048).nullish(),
  apikey: z.string().max(512).nullish(),
});
export type Envelope = z.infer<typeof envelopeSchema>;

/** 64-bit values arrive as numbers, decimal strings or protobuf Long objects depending on the version. */
export const longSchema = z.union([
  z.number(),
  z.string().max(40).regex(/^\d+$/),
  z.looseObject({ low: z.number().int(), high: z.number().int() }),
]);

export const messageKeySchema = z.looseObject({
  remoteJid: jid,
  remoteJidAlt: maybeJid,
  fromMe: z.boolean().default(false),
  id,
  participant: maybeJid,
  participantAlt: maybeJid,
  senderPn: maybeJid,
  previousRemoteJid: maybeJid,
  addressingMode: word.nullish(),
});
export type MessageKey = z.infer<typeof messageKeySchema>;

export const messageDataSchema = z.looseObject({
  key: messageKeySchema,
  pushName: label.nullish(),
  status: word.nullish(),
  message: z.record(z.string(), z.unknown()).nullish(),
  messageType: word.nullish(),
  messageTimestamp: longSchema.nullish(),
  contextInfo: z.looseObject({ stanzaId: id.nullish() }).nullish(),
  source: word.nullish(),
});
export type MessageData = z.infer<typeof messageDataSchema>;

export const messageUpdateSchema = z.looseObject({
  keyId: id,
  remoteJid: maybeJid,
  fromMe: z.boolean().nullish(),
  status: word.min(1),
});

export const messageEditedSchema = z.looseObject({
  key: z.looseObject({ id, remoteJid: maybeJid, fromMe: z.boolean().nullish() }),
  type: z.union([word, z.number()]),
  editedMessage: z.record(z.string(), z.unknown()).nullish(),
  timestampMs: longSchema.nullish(),
});

/** Delete-for-everyone from WhatsApp sends the key itself; a delete through the API sends the stored row. */
export const messageDeleteSchema = z.union([
  z.looseObject({ key: z.looseObject({ id }) }).transform((d) => ({ id: d.key.id })),
  z.looseObject({ id, remoteJid: jid }).transform((d) => ({ id: d.id })),
]);

export const connectionUpdateSchema = z.looseObject({
  state: word.min(1),
  statusReason: z.number().int().nullish(),
  wuid: maybeJid,
  profileName: label.nullish(),
});

export const qrcodeSchema = z.looseObject({
  qrcode: z
    .looseObject({ code: z.string().nullish(), base64: z.string().nullish(), pairingCode: z.string().nullish() })
    .nullish(),
});

export const contactSchema = z.looseObject({ remoteJid: jid, pushName: label.nullish() });
