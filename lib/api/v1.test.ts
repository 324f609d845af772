import { afterAll, afterEach, beforeEach, describe, expect, it } from "vitest";
import { setDatabase, type Database } from "@/db/client";
import { seedDemoData } from "@/lib/demo/seed";
import { GET as getChats } from "@/app/api/v1/chats/route";
import { GET as getConnections, POST as postConnection } from "@/app/api/v1/connections/route";
import { GET as getMessages } from "@/app/api/v1/messages/route";
import { createApiKey, revokeApiKey } from "@/lib/api-keys/service";
import { DEMO_API_KEY } from "@/lib/api-keys/keys";
import { findTenantBySlug } from "@/lib/tenancy/queries";
import { createTestDatabase, dropTestTemplate } from "@/test/db";

const call = (handler: (r: Request) => Promise<Response>, path: string, key: string, init: RequestInit = {}) =>
  handler(
    new Request(`http://evosense.test${path}`, {
      ...init,
      headers: { authorization: `Bearer ${key}`, ...(init.headers ?? {}) },
    }),
  );

describe("read API v1 with tenant API keys", () => {
  let database: Database;
  let clinicaKey: string;
  let clinicaId: string;
  const actor = { id: null as unknown as string, email: "test" };

  beforeEach(async () => {
    database = await createTestDatabase();
    setDatabase(database);
    await seedDemoData(database.db, { now: new Date() });
    clinicaId = (await findTenantBySlug(database.db, "clinica-vida"))!.id;
    clinicaKey = (await createApiKey(database.db, clinicaId, actor, "tests")).key;
  });
  afterEach(async () => database.close());
  afterAll(dropTestTemplate);

  it("lists a tenant's messages newest first, paginated, and only that tenant's", async () => {
    const res = await call(getMessages, "/api/v1/messages?page_size=20", DEMO_API_KEY);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { data: { sentAt: string; text: string }[]; total: number; page: number };
    expect(body.data).toHaveLength(20);
    expect(body.total).toBeGreaterThan(100);
    const times = body.data.map((m) => Date.parse(m.sentAt));
    expect([...times].sort((a, b) => b - a)).toEqual(times);

    const clinica = (await (await call(getMessages, "/api/v1/messages?page_size=200", clinicaKey)).json()) as {
      data: { text: string }[];
      total: number;
    };
    expect(clinica.total).toBeLessThan(body.total);
    const lojaTexts = new Set(body.data.map((m) => m.text));
    expect(clinica.data.some((m) => lojaTexts.has(m.text))).toBe(false);
  });

  it("searches Portuguese text with stemming and filters by chat", async () => {
    const res = (await (await call(getMessages, "/api/v1/messages?q=entregas", DEMO_API_KEY)).json()) as {
      data: { text: string; chatId: string }[];
    };
    expect(res.data.length).toBeGreaterThan(0);
    for (const m of res.data) expect(m.text.toLowerCase()).toMatch(/entreg/);
    const chatId = res.data[0]!.chatId;
    const inChat = (await (await call(getMessages, `/api/v1/messages?chat_id=${chatId}`, DEMO_API_KEY)).json()) as {
      data: { chatId: string }[];
    };
    expect(new Set(inChat.data.map((m) => m.chatId))).toEqual(new Set([chatId]));
  });

  it("a tenant cannot read another tenant's chat even by naming its id", async () => {
    const lojaChats = (await (await call(getChats, "/api/v1/chats", DEMO_API_KEY)).json()) as {
      data: { id: string }[];
    };
    const foreign = lojaChats.data[0]!.id;
    const res = (await (await call(getMessages, `/api/v1/messages?chat_id=${foreign}`, clinicaKey)).json()) as {
      data: unknown[];
      total: number;
    };
    expect(res).toMatchObject({ data: [], total: 0 });
  });

  it("lists chats and connections without secrets, and creates a connection", async () => {
    const chats = (await (await call(getChats, "/api/v1/chats?page=1&page_size=5", DEMO_API_KEY)).json()) as {
      data: { phoneMasked: string }[];
      total: number;
    };
    expect(chats.data).toHaveLength(5);
    expect(chats.total).toBe(40);
    expect(JSON.stringify(chats)).not.toMatch(/5511\d{9}/);
    const connections = await (await call(getConnections, "/api/v1/connections", DEMO_API_KEY)).json();
    expect(JSON.stringify(connections)).not.toMatch(/token|Enc/i);

    const created = await call(postConnection, "/api/v1/connections", DEMO_API_KEY, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        name: "Segundo número",
        instanceName: "loja-centro-2",
        evolutionBaseUrl: "https://evo.example.com",
        instanceToken: "token-0123456789",
      }),
    });
    expect(created.status).toBe(201);
    expect(await created.json()).toMatchObject({ instanceName: "loja-centro-2", webhookSecret: expect.any(String) });
  });

  it("refuses with 422 a connection whose Evolution URL is an internal address, creating nothing", async () => {
    const before = (
      (await (await call(getConnections, "/api/v1/connections", DEMO_API_KEY)).json()) as { data: unknown[] }
    ).data.length;
    for (const evolutionBaseUrl of [
      "http://169.254.169.254",
      "http://[fd00:ec2::254]",
      "http://2852039166/latest/meta-data",
      "http://10.0.0.1:8080",
    ]) {
      const refused = await call(postConnection, "/api/v1/connections", DEMO_API_KEY, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({
          name: "Metadata",
          instanceName: "loja-metadata",
          evolutionBaseUrl,
          instanceToken: "token-0123456789",
        }),
      });
      expect(refused.status).toBe(422);
      expect(await refused.json()).toEqual({
        error: { code: "outbound_url_refused", message: expect.stringMatching(/internal, local or reserved address/) },
      });
    }
    const after = (
      (await (await call(getConnections, "/api/v1/connections", DEMO_API_KEY)).json()) as { data: unknown[] }
    ).data.length;
    expect(after).toBe(before);
  });

  it("answers bad keys, revoked keys and bad input with clear errors", async () => {
    expect((await call(getMessages, "/api/v1/messages", "evo_wrong")).status).toBe(401);
    expect((await call(getMessages, "/api/v1/messages", "not-a-key")).status).toBe(401);
    const { id, key } = await createApiKey(database.db, clinicaId, actor, "short-lived");
    expect((await call(getChats, "/api/v1/chats", key)).status).toBe(200);
    await revokeApiKey(database.db, clinicaId, actor, id);
    const revoked = await call(getChats, "/api/v1/chats", key);
    expect(revoked.status).toBe(401);
    expect(await revoked.json()).toEqual({ error: { code: "invalid_api_key", message: expect.any(String) } });
    const bad = await call(getMessages, "/api/v1/messages?page=0", DEMO_API_KEY);
    expect(bad.status).toBe(422);
    const dup = await call(postConnection, "/api/v1/connections", DEMO_API_KEY, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        name: "Dup",
        instanceName: "clinica-vida",
        evolutionBaseUrl: "https://evo.example.com",
        instanceToken: "token-0123456789",
      }),
    });
    expect(dup.status).toBe(409);
    expect(
      (
        await call(postConnection, "/api/v1/connections", DEMO_API_KEY, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: "{",
        })
      ).status,
    ).toBe(400);
  });
});
