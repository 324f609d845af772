import { eq } from "drizzle-orm";
import { afterAll, afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { chats, messages, pendingMessageEvents, tenants, unclaimedInstances } from "@/db/schema";
import { createTestDatabase, dropTestTemplate } from "@/test/db";
import { evolutionFixtureJson, FIXTURE_WEBHOOK_SECRET, webhookTenant } from "@/test/fixtures/evolution";
import { handleEvolutionWebhook } from "./handle-webhook";

const URL_BASE = new URL("http://evosense.test/api/webhooks/evolution");
const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Bodies a WhatsApp user or a broken sender can produce that PostgreSQL or JavaScript cannot take as they are. Each
 * one is answered below 500 (a 5xx makes Evolution retry a body that would fail again forever) and what can be
 * kept is stored.
 */
describe("poison messages", () => {
  let database: Database;

  const post = (body: unknown) =>
    handleEvolutionWebhook(database.db, {
      rawBody: typeof body === "string" ? body : JSON.stringify(body),
      headers: new Headers({ "x-evosense-secret": FIXTURE_WEBHOOK_SECRET }),
      url: URL_BASE,
    });
  const text = (id: string, conversation: string, changes: (data: Record<string, any>) => void = () => {}) => {
    const body = evolutionFixtureJson("messages-upsert-text.json");
    body.data.key.id = id;
    body.data.message.conversation = conversation;
    changes(body.data);
    return body;
  };
  const stored = async (externalId: string) =>
    (await database.db.select().from(messages).where(eq(messages.externalId, externalId)))[0];

  beforeEach(async () => {
    database = await createTestDatabase();
    await webhookTenant(database.db);
  });
  afterEach(async () => database.close());
  afterAll(dropTestTemplate);

  it("drops NUL from text and push name and keeps the rest byte-exact", async () => {
    const res = await post(text("NUL-TEXT", "Oi\u0000 tudo bem? 😀 ação", (d) => (d.pushName = "Mari\u0000ana")));
    expect(res).toMatchObject({ status: 200, body: { stored: true } });
    const row = await stored("NUL-TEXT");
    expect(row).toMatchObject({ text: "Oi tudo bem? 😀 ação", senderName: "Mariana" });
    expect((await database.db.select().from(chats))[0]!.contactName).toBe("Mariana");
  });

  it("replaces lone surrogates in text and push name with U+FFFD, keeping paired ones", async () => {
    const res = await post(text("SURROGATE-TEXT", "a\ud800b \udc00c 😀", (d) => (d.pushName = "Ana\udbff")));
    expect(res).toMatchObject({ status: 200, body: { stored: true } });
    expect(await stored("SURROGATE-TEXT")).toMatchObject({ text: "a\ufffdb \ufffdc 😀", senderName: "Ana\ufffd" });
  });

  it("cleans ids the same way, so a re-delivery is still a duplicate", async () => {
    const body = text("ID\u0000NUL\ud800", "oi");
    expect(await post(body)).toMatchObject({ status: 200, body: { stored: true } });
    expect(await post(body)).toEqual({ status: 200, body: { duplicate: true } });
    expect(await stored("IDNUL\ufffd")).toBeDefined();
  });

  it("cleans captions, edits, reactions, receipts, deletions, contact names and unknown instances", async () => {
    const image = evolutionFixtureJson("messages-upsert-image-caption.json");
    image.data.message.imageMessage.caption = "foto\u0000 \ud83d";
    image.data.message.imageMessage.mimetype = "image/jpeg\u0000";
    expect(await post(image)).toMatchObject({ status: 200, body: { stored: true } });
    expect(await stored(image.data.key.id)).toMatchObject({ text: "foto \ufffd" });

    expect(await post(text("EDITED", "antes"))).toMatchObject({ status: 200 });
    const edit = evolutionFixtureJson("messages-edited.json");
    edit.data.key.id = "EDITED";
    edit.data.editedMessage.conversation = "depois\u0000\udfff";
    expect(await post(edit)).toEqual({ status: 200, body: { applied: true } });
    expect(await stored("EDITED")).toMatchObject({ text: "depois\ufffd" });

    const reaction = evolutionFixtureJson("messages-upsert-reaction.json");
    reaction.data.message.reactionMessage.key.id = "EDITED";
    reaction.data.message.reactionMessage.text = "\ud83d\u0000";
    expect(await post(reaction)).toEqual({ status: 200, body: { applied: true } });
    expect((await stored("EDITED"))!.meta.reactions).toEqual({ customer: "\ufffd" });

    const receipt = evolutionFixtureJson("messages-update-read.json");
    receipt.data.keyId = "LATE\u0000";
    receipt.data.status = "READ\u0000\ud800";
    expect(await post(receipt)).toEqual({ status: 200, body: { applied: 0, pending: 1 } });
    const deletion = evolutionFixtureJson("messages-delete.json");
    deletion.data.id = "LATE\u0000";
    if (deletion.data.key) deletion.data.key.id = "LATE\u0000";
    expect(await post(deletion)).toEqual({ status: 200, body: { pending: true } });
    expect((await database.db.select().from(pendingMessageEvents)).map((e) => e.externalId)).toEqual(["LATE", "LATE"]);

    const contacts = evolutionFixtureJson("contacts-upsert.json");
    for (const c of contacts.data) c.pushName = "Contato\u0000\ud800";
    expect(await post(contacts)).toMatchObject({ status: 200 });

    const stranger = {
      ...evolutionFixtureJson("presence-update.json"),
      instance: "desconhecida\u0000\ud800",
      event: "presence.update\u0000",
    };
    expect(await post(stranger)).toMatchObject({ status: 404 });
    expect((await database.db.select().from(unclaimedInstances)).map((u) => u.instanceName)).toEqual([
      "desconhecida\ufffd",
    ]);
  });

  it.each([
    ["1e20 seconds", 1e20],
    ["the year 2999", Date.UTC(2999, 0, 1) / 1000],
    ["1969", -86_400],
    ["2008, before WhatsApp", Date.UTC(2008, 5, 1) / 1000],
    ["two days ahead", () => Math.floor((Date.now() + 2 * DAY_MS) / 1000)],
  ])("stores a message sent at %s at its receive time, flagged", async (_, value) => {
    const seconds = typeof value === "function" ? value() : value;
    const before = Date.now();
    const res = await post(text("CLOCK", "oi", (d) => (d.messageTimestamp = seconds)));
    expect(res).toMatchObject({ status: 200, body: { stored: true } });
    const row = (await stored("CLOCK"))!;
    expect(row.sentAt.getTime()).toBeGreaterThanOrEqual(before - 1000);
    expect(row.sentAt.getTime()).toBeLessThanOrEqual(Date.now() + 1000);
    expect(row.meta.sentAtReplaced).toEqual({ original: String(seconds) });
  });

  it("keeps a plausible sending time as sent, unflagged", async () => {
    await post(text("ON-TIME", "oi", (d) => (d.messageTimestamp = 1_761_055_205)));
    const row = (await stored("ON-TIME"))!;
    expect(row.sentAt.toISOString()).toBe("2025-10-21T14:00:05.000Z");
    expect(row.meta.sentAtReplaced).toBeUndefined();
  });

  it("applies an edit stamped 1e30 ms at its receive time", async () => {
    await post(text("EDIT-CLOCK", "antes"));
    const edit = evolutionFixtureJson("messages-edited.json");
    edit.data.key.id = "EDIT-CLOCK";
    edit.data.timestampMs = 1e30;
    const before = Date.now();
    expect(await post(edit)).toEqual({ status: 200, body: { applied: true } });
    const row = (await stored("EDIT-CLOCK"))!;
    expect(row.text).toBe("Oi! Vocês têm o tênis de corrida no tamanho 39?");
    expect(row.editedAt!.getTime()).toBeGreaterThanOrEqual(before - 1000);
  });

  it("refuses a 1 MB key id with 422 naming the field", async () => {
    const res = await post(text("X".repeat(1024 * 1024), "oi"));
    expect(res.status).toBe(422);
    expect((res.body.error as { message: string }).message).toContain("data.key.id");
    expect(await database.db.select().from(messages)).toHaveLength(0);
  });

  it("answers a 1 MB message at once and stores it whole, redacted when the tenant asks", async () => {
    await database.db.update(tenants).set({ settings: { storedText: "redacted" } });
    const huge = `${"k".repeat(512 * 1024)} ${"9".repeat(256 * 1024)} ${"a.".repeat(128 * 1024)}`;
    const started = Date.now();
    const res = await post(text("HUGE", huge));
    expect(res).toMatchObject({ status: 200, body: { stored: true } });
    expect(Date.now() - started).toBeLessThan(3000);
    expect((await stored("HUGE"))!.text!.length).toBeGreaterThan(900_000);
  });

  it.each([10_000, 100_000])("refuses JSON nested %i deep with 400", async (depth) => {
    const started = Date.now();
    const res = await post(
      `{"event":"messages.upsert","instance":"loja-centro","data":${"[".repeat(depth)}${"]".repeat(depth)}}`,
    );
    expect(res).toMatchObject({ status: 400, body: { error: { code: "too_deep" } } });
    expect(Date.now() - started).toBeLessThan(2000);
  });
});
