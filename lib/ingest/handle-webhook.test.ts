import { readFileSync } from "node:fs";
import path from "node:path";
import { eq } from "drizzle-orm";
import { afterAll, afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import {
  auditLog,
  chats,
  connections,
  messages,
  outbox,
  pendingMessageEvents,
  tenants,
  unclaimedInstances,
} from "@/db/schema";
import { encryptSecret } from "@/lib/security/crypto";
import { createTestDatabase, dropTestTemplate } from "@/test/db";
import { seedTenants } from "@/test/helpers/seed-tenants";
import { shuffled } from "@/test/helpers/shuffle";
import { signEvolutionJwt } from "./authenticate";
import { handleEvolutionWebhook } from "./handle-webhook";
import { requeueDeferredMessages, requeueDeferredOfActiveTenants } from "./requeue-deferred";
import { setTenantStatus } from "@/lib/tenancy/admin";
import { withTenant } from "@/lib/tenancy/with-tenant";

const FIXTURES = path.resolve(process.cwd(), "test", "fixtures", "evolution");
const body = (name: string) => readFileSync(path.join(FIXTURES, name), "utf8");
const SECRET = "loja-webhook-secret";
const URL_BASE = new URL("http://evosense.test/api/webhooks/evolution");

describe("Evolution webhook ingest", () => {
  let database: Database;
  let tenantId: string;
  let otherTenantId: string;

  const post = (raw: string, headers: Record<string, string> = { "x-evosense-secret": SECRET }, url = URL_BASE) =>
    handleEvolutionWebhook(database.db, { rawBody: raw, headers: new Headers(headers), url });

  beforeEach(async () => {
    database = await createTestDatabase();
    const [loja, other] = await seedTenants(database.db, [
      { slug: "loja-centro", name: "Loja Centro", connection: { token: "LOJA-TOKEN", webhookSecret: SECRET } },
      { slug: "outra", name: "Outra", connection: { token: "OUTRA-TOKEN", webhookSecret: "outra-secret" } },
    ]);
    tenantId = loja.tenant.id;
    otherTenantId = other.tenant.id;
  });
  afterEach(async () => database.close());
  afterAll(dropTestTemplate);

  it("stores a customer text under the right tenant with its message/received event, once", async () => {
    const first = await post(body("messages-upsert-text.json"));
    expect(first).toMatchObject({ status: 200, body: { stored: true } });
    const again = await post(body("messages-upsert-text.json"));
    expect(again).toEqual({ status: 200, body: { duplicate: true } });

    const rows = await database.db.select().from(messages);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      tenantId,
      type: "text",
      fromMe: false,
      analysisStatus: "pending",
      text: "Oi! Vocês têm o tênis de corrida no tamanho 38?",
    });
    const events = await database.db.select().from(outbox).where(eq(outbox.name, "message/received"));
    expect(events.map((e) => e.data.messageId)).toEqual([rows[0]!.id]);
    const [chat] = await database.db.select().from(chats);
    expect(chat).toMatchObject({ contactName: "Mariana Souza", phoneMasked: "+55 11 9****-4321", messageCount: 1 });
    // No address is kept in clear: a phone JID contains the number.
    expect(chat!.remoteJid).toMatch(/^jid_[0-9a-f]{40}$/);
    expect(chat!.altJid).toMatch(/^jid_[0-9a-f]{40}$/);
    expect(JSON.stringify(chat)).not.toContain("987654321");
    expect(chat!.phoneHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it("keeps one chat identity when the same contact writes from its @lid address", async () => {
    await post(body("messages-upsert-text.json"));
    const lidFirst = JSON.parse(body("messages-upsert-reply.json"));
    lidFirst.data.key.remoteJid = "187654321098765@lid";
    lidFirst.data.key.remoteJidAlt = "5511987654321@s.whatsapp.net";
    await post(JSON.stringify(lidFirst));
    expect(await database.db.select().from(chats)).toHaveLength(1);
    expect(await database.db.select().from(messages)).toHaveLength(2);
  });

  it("stores outgoing, audio and media messages without scoring them or keeping media bytes", async () => {
    await post(body("messages-upsert-fromme.json"));
    await post(body("send-message-text.json"));
    const audio = JSON.parse(body("messages-upsert-audio.json"));
    audio.data.message.base64 = "T2dnUwACAAAAAAAAAAA".repeat(1000);
    await post(JSON.stringify(audio));
    const rows = await database.db.select().from(messages);
    expect(rows.map((r) => [r.type, r.fromMe, r.analysisStatus]).sort()).toEqual([
      ["audio", false, "skipped"],
      ["text", true, "skipped"],
      ["text", true, "skipped"],
    ]);
    expect(JSON.stringify(rows)).not.toContain("T2dnUwACAAAAAAAAAAA");
    expect(await database.db.select().from(outbox)).toEqual([]);
  });

  it("applies read receipts, edits (keeping history) and deletes (keeping the row)", async () => {
    await post(body("send-message-text.json"));
    expect((await post(body("messages-update-read.json"))).status).toBe(200);
    await post(body("messages-upsert-text.json"));
    expect((await post(body("messages-edited.json"))).status).toBe(200);
    const [sent] = await database.db.select().from(messages).where(eq(messages.externalId, "3EB0C7A1F49D2E86B5A301"));
    expect(sent!.deliveryStatus).toBe("READ");
    const [edited] = await database.db
      .select()
      .from(messages)
      .where(eq(messages.externalId, "A1F3C5E7092B4D6F8A1C3E5F7092B4D6"));
    expect(edited!.text).toBe("Oi! Vocês têm o tênis de corrida no tamanho 39?");
    expect(edited!.editedAt).not.toBeNull();
    expect(edited!.meta.editHistory).toEqual([
      expect.objectContaining({ text: "Oi! Vocês têm o tênis de corrida no tamanho 38?" }),
    ]);

    await post(body("messages-upsert-video-caption.json"));
    expect((await post(body("messages-delete.json"))).status).toBe(200);
    const [deleted] = await database.db
      .select()
      .from(messages)
      .where(eq(messages.externalId, "C4E6A8B0D2F41638A5C7E9B1D3F52749"));
    expect(deleted!.deletedAt).not.toBeNull();
  });

  it("keeps a reaction, receipt, edit or delete that arrives before its message and applies it on arrival", async () => {
    expect(await post(body("messages-upsert-reaction.json"))).toEqual({ status: 200, body: { pending: true } });
    expect(await post(body("messages-update-read.json"))).toEqual({ status: 200, body: { applied: 0, pending: 1 } });
    expect(await post(body("messages-edited.json"))).toEqual({ status: 200, body: { pending: true } });
    expect(await post(body("messages-delete.json"))).toEqual({ status: 200, body: { pending: true } });
    expect(await database.db.select().from(pendingMessageEvents)).toHaveLength(4);

    await post(body("send-message-text.json"));
    await post(body("messages-upsert-text.json"));
    await post(body("messages-upsert-video-caption.json"));
    const byId = async (id: string) =>
      (await database.db.select().from(messages).where(eq(messages.externalId, id)))[0]!;
    const sent = await byId("3EB0C7A1F49D2E86B5A301");
    expect(sent.meta.reactions).toEqual({ customer: "❤️" });
    expect(sent.deliveryStatus).toBe("READ");
    expect((await byId("A1F3C5E7092B4D6F8A1C3E5F7092B4D6")).text).toBe(
      "Oi! Vocês têm o tênis de corrida no tamanho 39?",
    );
    expect((await byId("C4E6A8B0D2F41638A5C7E9B1D3F52749")).deletedAt).not.toBeNull();
    expect(await database.db.select().from(pendingMessageEvents)).toEqual([]);
  });

  it("records unknown instances for super-admins and raises an alert on the third disconnect within an hour", async () => {
    const unknown = JSON.parse(body("messages-upsert-text.json"));
    unknown.instance = "nao-existe";
    await post(JSON.stringify(unknown));
    await post(JSON.stringify(unknown));
    expect(await database.db.select().from(unclaimedInstances)).toEqual([
      expect.objectContaining({ instanceName: "nao-existe", hits: 2, lastEvent: "messages.upsert" }),
    ]);

    const close = body("connection-update-close.json");
    expect((await post(close)).body).toEqual({ updated: true });
    await post(body("connection-update-open.json"));
    expect((await post(close)).body).toEqual({ updated: true });
    expect((await post(close)).body).toEqual({ updated: true, alert: true });
    const alerts = await database.db.select().from(auditLog).where(eq(auditLog.action, "connection.unstable"));
    expect(alerts).toHaveLength(1);
    expect(alerts[0]!.tenantId).toBe(tenantId);
  });

  it("tracks connection state, the latest QR code, contact names and logout", async () => {
    await post(body("qrcode-updated.json"));
    let [c] = await database.db.select().from(connections).where(eq(connections.tenantId, tenantId));
    expect(c!.qrCode).toMatch(/^data:image\/png;base64,/);
    await post(body("connection-update-open.json"));
    [c] = await database.db.select().from(connections).where(eq(connections.tenantId, tenantId));
    expect(c).toMatchObject({ state: "open", ownJid: "5511912345678@s.whatsapp.net", qrCode: null });
    await post(body("connection-update-close.json"));
    [c] = await database.db.select().from(connections).where(eq(connections.tenantId, tenantId));
    expect(c).toMatchObject({ state: "close", stateReason: "close (401)" });
    await post(body("logout-instance.json"));
    [c] = await database.db.select().from(connections).where(eq(connections.tenantId, tenantId));
    expect(c!.state).toBe("logged_out");

    await post(body("messages-upsert-text.json"));
    const contacts = JSON.parse(body("contacts-upsert.json"));
    contacts.data[0].pushName = "Mariana S.";
    expect((await post(JSON.stringify(contacts))).body).toEqual({ updated: 2 });
    const [chat] = await database.db.select().from(chats);
    expect(chat!.contactName).toBe("Mariana S.");
  });

  it("acknowledges presence and unknown events without storing anything", async () => {
    expect(await post(body("presence-update.json"))).toEqual({ status: 200, body: { ignored: true } });
    expect(await post(JSON.stringify({ event: "call", instance: "loja-centro", data: [] }))).toEqual({
      status: 200,
      body: { ignored: true },
    });
    expect(await database.db.select().from(messages)).toEqual([]);
  });

  it("authenticates by jwt_key, global ?secret= and body apikey, and refuses anything else with 401", async () => {
    const text = JSON.parse(body("messages-upsert-text.json"));
    expect((await post(JSON.stringify(text), { authorization: `Bearer ${signEvolutionJwt(SECRET)}` })).status).toBe(
      200,
    );
    expect((await post(JSON.stringify({ ...text, apikey: "LOJA-TOKEN" }), {})).status).toBe(200);
    expect((await post(JSON.stringify(text), { "x-evosense-secret": "outra-secret" })).status).toBe(401);
    expect((await post(JSON.stringify({ ...text, apikey: "OUTRA-TOKEN" }), {})).status).toBe(401);
    const refused = await post(JSON.stringify(text), {}, new URL(`${URL_BASE}?secret=guess`));
    expect(refused).toMatchObject({ status: 401, body: { error: { code: "unauthorized" } } });
  });

  it("answers bad input with a clear JSON error and writes nothing", async () => {
    expect(await post("{not json")).toMatchObject({ status: 400, body: { error: { code: "invalid_json" } } });
    expect(await post(JSON.stringify({ event: "messages.upsert" }))).toMatchObject({
      status: 422,
      body: { error: { code: "invalid_payload" } },
    });
    const unknown = JSON.parse(body("messages-upsert-text.json"));
    unknown.instance = "nao-existe";
    expect(await post(JSON.stringify(unknown))).toMatchObject({
      status: 404,
      body: { error: { code: "unknown_instance" } },
    });
    const broken = JSON.parse(body("messages-upsert-text.json"));
    delete broken.data.key.id;
    const res = await post(JSON.stringify(broken));
    expect(res).toMatchObject({ status: 422, body: { error: { code: "invalid_payload" } } });
    expect((res.body.error as { message: string }).message).toContain("data.key.id");
    expect(await database.db.select().from(messages)).toEqual([]);
  });

  it.each([1, 7, 42])(
    "replaying every fixture twice in a shuffled order stores each message once (shuffle %i)",
    async (seed) => {
      const names = [
        "messages-upsert-text.json",
        "messages-upsert-reply.json",
        "messages-upsert-image-caption.json",
        "messages-upsert-video-caption.json",
        "messages-upsert-document-caption.json",
        "messages-upsert-audio.json",
        "messages-upsert-group.json",
        "messages-upsert-fromme.json",
        "send-message-text.json",
      ];
      const deliveries = shuffled([...names, ...names], seed);
      for (const name of deliveries) expect((await post(body(name))).status).toBe(200);
      const rows = await database.db.select().from(messages);
      expect(new Set(rows.map((r) => r.externalId)).size).toBe(rows.length);
      expect(rows).toHaveLength(names.length);
    },
  );

  it.each([1, 7, 42])(
    "group-commits concurrent deliveries of two tenants: each message once, under its own tenant, one chat per contact (shuffle %i)",
    async (seed) => {
      const names = [
        "messages-upsert-text.json",
        "messages-upsert-reply.json",
        "messages-upsert-image-caption.json",
        "messages-upsert-group.json",
        "messages-upsert-fromme.json",
        "send-message-text.json",
      ];
      const asOther = (name: string) => {
        const b = JSON.parse(body(name));
        b.instance = "outra";
        return JSON.stringify(b);
      };
      // A new customer's first two messages in one batch: the second call must see the chat the first created.
      const newCustomer = (id: string) => {
        const b = JSON.parse(body("messages-upsert-text.json"));
        b.data.key = { ...b.data.key, id, remoteJid: "5511900001111@s.whatsapp.net", remoteJidAlt: null };
        return JSON.stringify(b);
      };
      const deliveries = shuffled(
        [
          ...[...names, ...names].map((n) => ({ raw: body(n), secret: SECRET })),
          ...[...names, ...names].map((n) => ({ raw: asOther(n), secret: "outra-secret" })),
          { raw: newCustomer("NEW-1"), secret: SECRET },
          { raw: newCustomer("NEW-2"), secret: SECRET },
        ],
        seed,
      );
      const results = await Promise.all(deliveries.map((d) => post(d.raw, { "x-evosense-secret": d.secret })));
      expect(results.map((r) => r.status)).toEqual(results.map(() => 200));
      expect(results.filter((r) => r.body.stored)).toHaveLength(2 * names.length + 2);
      expect(results.filter((r) => r.body.duplicate)).toHaveLength(2 * names.length);

      const rows = await database.db.select().from(messages);
      // Each webhook is answered with its own message, though batches are stored in chat order.
      const stored = results.flatMap((r, i) =>
        r.body.stored ? [[JSON.parse(deliveries[i]!.raw).data.key.id, r.body.messageId]] : [],
      );
      expect(stored.map(([externalId, id]) => rows.find((row) => row.id === id)?.externalId === externalId)).toEqual(
        stored.map(() => true),
      );
      const byTenant = (id: string) =>
        rows
          .filter((r) => r.tenantId === id)
          .map((r) => r.externalId)
          .sort();
      expect(byTenant(tenantId)).toHaveLength(names.length + 2);
      expect(byTenant(otherTenantId)).toHaveLength(names.length);
      const events = await database.db.select().from(outbox).where(eq(outbox.name, "message/received"));
      expect(events.map((e) => e.data.messageId).sort()).toEqual(
        rows
          .filter((r) => r.analysisStatus === "pending")
          .map((r) => r.id)
          .sort(),
      );
      const newChats = await database.db.select().from(chats).where(eq(chats.phoneMasked, "+55 11 9****-1111"));
      expect(newChats).toHaveLength(1);
      expect(newChats[0]!.messageCount).toBe(2);
      // Under row-level security each tenant sees only its own rows of the shared batches.
      const seen = await withTenant(otherTenantId, (tx) => tx.select().from(messages), database.db);
      expect(seen.map((r) => r.externalId).sort()).toEqual(byTenant(otherTenantId));
    },
  );

  it("a delivery that fails in a shared batch fails alone; the others in it are stored", async () => {
    // An unknown timezone makes ingest_message fail for this tenant's messages only.
    await database.db.update(tenants).set({ timezone: "Mars/Olympus_Mons" }).where(eq(tenants.id, otherTenantId));
    const broken = JSON.parse(body("messages-upsert-text.json"));
    broken.instance = "outra";
    const names = ["messages-upsert-text.json", "messages-upsert-reply.json", "messages-upsert-image-caption.json"];
    const results = await Promise.all([
      post(body("messages-upsert-group.json")),
      ...names.map((n) => post(body(n))),
      post(JSON.stringify(broken), { "x-evosense-secret": "outra-secret" }).then(
        () => "stored",
        // The driver's error wraps PostgreSQL's.
        (e: Error & { cause?: Error }) => e.cause?.message ?? e.message,
      ),
    ]);
    expect(results.at(-1)).toMatch(/time zone/);
    expect(results.slice(0, -1).map((r) => (r as { status: number }).status)).toEqual([200, 200, 200, 200]);
    const rows = await database.db.select().from(messages);
    expect(rows.map((r) => r.tenantId)).toEqual(rows.map(() => tenantId));
    expect(rows).toHaveLength(names.length + 1);
  });

  it("a suspended tenant's messages are stored with analysis deferred, and re-queued on reactivation", async () => {
    await database.db.update(tenants).set({ status: "suspended" }).where(eq(tenants.id, tenantId));
    await post(body("messages-upsert-text.json"));
    const [row] = await database.db.select().from(messages);
    expect(row!.analysisStatus).toBe("deferred");
    expect(await database.db.select().from(outbox)).toEqual([]);

    expect(await requeueDeferredMessages(database.db, tenantId)).toBe(1);
    expect(await requeueDeferredMessages(database.db, tenantId)).toBe(0);
    const [after] = await database.db.select().from(messages);
    expect(after!.analysisStatus).toBe("pending");
    expect((await database.db.select().from(outbox)).map((e) => e.data)).toEqual([{ tenantId, messageId: row!.id }]);
  });

  it("sweeps up messages stored as deferred after their tenant's reactivation re-queued the rest", async () => {
    await database.db.update(tenants).set({ status: "suspended" }).where(eq(tenants.id, tenantId));
    await post(body("messages-upsert-text.json"));
    // Still suspended: nothing to sweep.
    const later = new Date(Date.now() + 120_000);
    expect(await requeueDeferredOfActiveTenants(database.db, later)).toBe(0);
    // Active again, but this message missed the reactivation's own re-queue: the sweep takes it, once.
    await database.db.update(tenants).set({ status: "active" }).where(eq(tenants.id, tenantId));
    expect(await requeueDeferredOfActiveTenants(database.db, new Date())).toBe(0); // within the grace minute
    expect(await requeueDeferredOfActiveTenants(database.db, later)).toBe(1);
    expect(await requeueDeferredOfActiveTenants(database.db, later)).toBe(0);
    const [row] = await database.db.select().from(messages);
    expect(row!.analysisStatus).toBe("pending");
    expect((await database.db.select().from(outbox)).map((e) => e.data)).toEqual([{ tenantId, messageId: row!.id }]);
  });

  it("knows a suspension made through the admin service at the next webhook, despite the target cache", async () => {
    await post(body("messages-upsert-text.json"));
    // A super-admin with no user row (as in the admin tests): the audit entry keeps the e-mail.
    await setTenantStatus(
      database.db,
      { id: null as unknown as string, email: "ops@evosense.local" },
      tenantId,
      "suspended",
    );
    const reply = JSON.parse(body("messages-upsert-text.json"));
    reply.data.key.id = "AFTER-SUSPENSION";
    await post(JSON.stringify(reply));
    const rows = await database.db.select().from(messages);
    expect(Object.fromEntries(rows.map((r) => [r.externalId, r.analysisStatus]))).toMatchObject({
      "AFTER-SUSPENSION": "deferred",
    });
    // An instance configured after a webhook named it is found at once: unknown instances are not cached.
    const stray = JSON.parse(body("messages-upsert-text.json"));
    stray.instance = "nova-loja";
    expect((await post(JSON.stringify(stray))).status).toBe(404);
    await database.db.insert(connections).values({
      tenantId: otherTenantId,
      name: "Nova",
      instanceName: "nova-loja",
      evolutionBaseUrl: "http://evo",
      instanceTokenEnc: encryptSecret("NOVA-TOKEN"),
      webhookSecretEnc: encryptSecret(SECRET),
    });
    expect((await post(JSON.stringify(stray))).status).toBe(200);
  });

  it("stores redacted text when the tenant chose so", async () => {
    await database.db
      .update(tenants)
      .set({ settings: { storedText: "redacted" } })
      .where(eq(tenants.id, tenantId));
    const text = JSON.parse(body("messages-upsert-text.json"));
    text.data.message.conversation = "Meu CPF é 529.982.247-25 e o email ana@ex.com";
    await post(JSON.stringify(text));
    const [row] = await database.db.select().from(messages);
    expect(row!.text).toBe("Meu CPF é [cpf] e o email [email]");
  });
});
