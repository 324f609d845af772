import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { chatIdentity, longToNumber, normalizeMessage, unwrapMessage } from "./normalize";
import { envelopeSchema, messageDataSchema } from "./schemas";

const FIXTURES = path.resolve(process.cwd(), "test", "fixtures", "evolution");
const fixture = (name: string) => envelopeSchema.parse(JSON.parse(readFileSync(path.join(FIXTURES, name), "utf8")));
const message = (name: string) => normalizeMessage(messageDataSchema.parse(fixture(name).data));

describe("Evolution message normalisation (fixtures)", () => {
  it("plain text in a 1:1 chat keeps the phone as identity and the LID as its other address", () => {
    const m = message("messages-upsert-text.json");
    expect(m).toMatchObject({
      externalId: "A1F3C5E7092B4D6F8A1C3E5F7092B4D6",
      fromMe: false,
      chatJid: "5511987654321@s.whatsapp.net",
      chatAltJid: "187654321098765@lid",
      isGroup: false,
      senderJid: "5511987654321@s.whatsapp.net",
      senderName: "Mariana Souza",
      type: "text",
      text: "Oi! Vocês têm o tênis de corrida no tamanho 38?",
      status: "DELIVERY_ACK",
    });
    const raw = fixture("messages-upsert-text.json").data as { messageTimestamp: number };
    expect(m.sentAt.getTime()).toBe(raw.messageTimestamp * 1000);
  });

  it("captions are the text of images, videos and documents; audio has none", () => {
    expect(message("messages-upsert-image-caption.json")).toMatchObject({ type: "image", text: expect.any(String) });
    expect(message("messages-upsert-video-caption.json")).toMatchObject({ type: "video", text: expect.any(String) });
    const doc = message("messages-upsert-document-caption.json");
    expect(doc.type).toBe("document");
    expect(doc.text).toBeTruthy();
    const audio = message("messages-upsert-audio.json");
    expect(audio).toMatchObject({ type: "audio", text: null });
    expect(audio.media?.mimetype).toContain("audio/ogg");
  });

  it("a reaction points at its target message", () => {
    expect(message("messages-upsert-reaction.json")).toMatchObject({
      type: "reaction",
      reaction: { targetId: "3EB0C7A1F49D2E86B5A301", emoji: "❤️" },
    });
  });

  it("a reply keeps the quoted message id", () => {
    const m = message("messages-upsert-reply.json");
    expect(m.type).toBe("text");
    expect(m.quotedId).toBeTruthy();
  });

  it("a group message is a group chat written by the participant's phone", () => {
    expect(message("messages-upsert-group.json")).toMatchObject({
      chatJid: "120363041234567890@g.us",
      isGroup: true,
      senderJid: "5521998765432@s.whatsapp.net",
      senderName: "Carlos Pereira",
    });
  });

  it("our own messages (phone or API) are outgoing, with no customer sender", () => {
    expect(message("messages-upsert-fromme.json")).toMatchObject({ fromMe: true, senderJid: null, type: "text" });
    expect(message("send-message-text.json")).toMatchObject({
      fromMe: true,
      text: "Seu pedido #4821 foi confirmado ✅",
      status: "PENDING",
    });
  });
});

describe("shapes of other Evolution versions", () => {
  it("unwraps ephemeral and view-once wrappers recursively", () => {
    const wrapped = {
      ephemeralMessage: {
        message: { viewOnceMessageV2: { message: { imageMessage: { caption: "foto do defeito" } } } },
      },
    };
    expect(unwrapMessage(wrapped)).toEqual({ imageMessage: { caption: "foto do defeito" } });
    const m = normalizeMessage(
      messageDataSchema.parse({
        key: { remoteJid: "5511@s.whatsapp.net", id: "X1", fromMe: false },
        message: wrapped,
        messageTimestamp: "1761051605",
      }),
    );
    expect(m).toMatchObject({ type: "image", text: "foto do defeito" });
    expect(m.sentAt.toISOString()).toBe("2025-10-21T13:00:05.000Z");
  });

  it("reads extendedTextMessage (older versions do not rewrite it) and Long timestamps", () => {
    const m = normalizeMessage(
      messageDataSchema.parse({
        key: { remoteJid: "5511987654321@s.whatsapp.net", id: "X2", fromMe: false },
        message: { extendedTextMessage: { text: "veja https://loja.example", contextInfo: { stanzaId: "Q1" } } },
        messageTimestamp: { low: 1761051605, high: 0, unsigned: true },
      }),
    );
    expect(m).toMatchObject({ type: "text", text: "veja https://loja.example", quotedId: "Q1" });
    expect(longToNumber({ low: 1, high: 1 })).toBe(2 ** 32 + 1);
  });

  it("resolves one identity from 2.3.1–2.3.2 keys (phone in remoteJid, LID in previousRemoteJid) and LID-first keys", () => {
    expect(
      chatIdentity({
        remoteJid: "5511987654321@s.whatsapp.net",
        previousRemoteJid: "187654321098765@lid",
        id: "a",
        fromMe: false,
      }),
    ).toEqual({
      chatJid: "5511987654321@s.whatsapp.net",
      chatAltJid: "187654321098765@lid",
      isGroup: false,
    });
    expect(
      chatIdentity({
        remoteJid: "187654321098765@lid",
        remoteJidAlt: "5511987654321@s.whatsapp.net",
        id: "b",
        fromMe: false,
      }),
    ).toEqual({
      chatJid: "5511987654321@s.whatsapp.net",
      chatAltJid: "187654321098765@lid",
      isGroup: false,
    });
    expect(chatIdentity({ remoteJid: "187654321098765@lid", id: "c", fromMe: false }).chatJid).toBe(
      "187654321098765@lid",
    );
  });

  it("treats a message with no content as unknown rather than failing", () => {
    const m = normalizeMessage(messageDataSchema.parse({ key: { remoteJid: "5511@s.whatsapp.net", id: "X3" } }));
    expect(m).toMatchObject({ type: "unknown", text: null, fromMe: false });
  });
});
