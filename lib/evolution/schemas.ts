import { z } from "zod";

/**
 * Evolution API v2 webhook bodies (see shared/research/evolution.md). Schemas accept what real versions send
 * (2.2–2.3.x encodings differ) and keep unknown fields: only what ingest reads is required.
 */
export const envelopeSchema = z.looseObject({
  event: z.string().min(1),
  instance: z.string().min(1),
  data: z.unknown(),
  date_time: z.string().nullish(),
  sender: z.string().nullish(),
  server_url: z.string().nullish(),
  apikey: z.string().nullish(),
});
export type Envelope = z.infer<typeof envelopeSchema>;

/** 64-bit values arrive as numbers, decimal strings or protobuf Long objects depending on the version. */
export const longSchema = z.union([
  z.number(),
  z.string().regex(/^\d+$/),
  z.looseObject({ low: z.number(), high: z.number() }),
]);

export const messageKeySchema = z.looseObject({
  remoteJid: z.string().min(1),
  remoteJidAlt: z.string().nullish(),
  fromMe: z.boolean().default(false),
  id: z.string().min(1),
  participant: z.string().nullish(),
  participantAlt: z.string().nullish(),
  senderPn: z.string().nullish(),
  previousRemoteJid: z.string().nullish(),
  addressingMode: z.string().nullish(),
});
export type MessageKey = z.infer<typeof messageKeySchema>;

export const messageDataSchema = z.looseObject({
  key: messageKeySchema,
  pushName: z.string().nullish(),
  status: z.string().nullish(),
  message: z.record(z.string(), z.unknown()).nullish(),
  messageType: z.string().nullish(),
  messageTimestamp: longSchema.nullish(),
  contextInfo: z.looseObject({ stanzaId: z.string().nullish() }).nullish(),
  source: z.string().nullish(),
});
export type MessageData = z.infer<typeof messageDataSchema>;

export const messageUpdateSchema = z.looseObject({
  keyId: z.string().min(1),
  remoteJid: z.string().nullish(),
  fromMe: z.boolean().nullish(),
  status: z.string().min(1),
});

export const messageEditedSchema = z.looseObject({
  key: z.looseObject({ id: z.string().min(1), remoteJid: z.string().nullish(), fromMe: z.boolean().nullish() }),
  type: z.union([z.string(), z.number()]),
  editedMessage: z.record(z.string(), z.unknown()).nullish(),
  timestampMs: longSchema.nullish(),
});

/** Delete-for-everyone from WhatsApp sends the key itself; a delete through the API sends the stored row. */
export const messageDeleteSchema = z.union([
  z.looseObject({ key: z.looseObject({ id: z.string().min(1) }) }).transform((d) => ({ id: d.key.id })),
  z.looseObject({ id: z.string().min(1), remoteJid: z.string() }).transform((d) => ({ id: d.id })),
]);

export const connectionUpdateSchema = z.looseObject({
  state: z.string().min(1),
  statusReason: z.number().nullish(),
  wuid: z.string().nullish(),
  profileName: z.string().nullish(),
});

export const qrcodeSchema = z.looseObject({
  qrcode: z.looseObject({ code: z.string().nullish(), base64: z.string().nullish(), pairingCode: z.string().nullish() }).nullish(),
});

export const contactSchema = z.looseObject({ remoteJid: z.string().min(1), pushName: z.string().nullish() });
