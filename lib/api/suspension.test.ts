import { eq } from "drizzle-orm";
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { setDatabase, type Database } from "@/db/client";
import { connections, messages, users } from "@/db/schema";
import { seedDemoData } from "@/lib/demo/seed";
import { GET as getChats } from "@/app/api/v1/chats/route";
import { GET as getConnections, POST as postConnection } from "@/app/api/v1/connections/route";
import { GET as getEvents } from "@/app/api/v1/events/route";
import { GET as getMe } from "@/app/api/v1/me/route";
import { GET as getMessages } from "@/app/api/v1/messages/route";
import { POST as webhook } from "@/app/api/webhooks/evolution/[[...event]]/route";
import { createApiKey } from "@/lib/api-keys/service";
import { DEMO_API_KEY } from "@/lib/api-keys/keys";
import type { SessionUser } from "@/lib/auth/roles";
import { watchTenantStatus } from "@/lib/realtime/status-watch";
import { setTenantStatus } from "@/lib/tenancy/admin";
import { findTenantBySlug } from "@/lib/tenancy/queries";
import { createTestDatabase, dropTestTemplate } from "@/test/db";
import { evolutionFixtureJson } from "@/test/fixtures/evolution";

const session = vi.hoisted(() => ({ current: null as null | { user: SessionUser } }));
vi.mock("@/lib/auth/auth", () => ({ auth: async () => session.current }));

type Handler = (r: Request) => Promise<Response>;
const byKey = (handler: Handler, path: string, key: string, init: RequestInit = {}) =>
  handler(
    new Request(`http://evosense.test${path}`, {
      ...init,
      headers: { authorization: `Bearer ${key}`, ...(init.headers ?? {}) },
    }),
  );
const bySession = (handler: Handler, path: string) => handler(new Request(`http://evosense.test${path}`));
const newConnection = (instanceName: string): RequestInit => ({
  method: "POST",
  headers: { "content-type": "application/json" },
  body: JSON.stringify({
    name: "Outro número",
    instanceName,
    evolutionBaseUrl: "https://evo.example.com",
    instanceToken: "token-0123456789",
  }),
});
const refusal = { error: { code: "tenant_suspended", message: expect.any(String) } };

describe("a suspended tenant through the API", () => {
  let database: Database;
  let lojaId: string;
  let clinicaId: string;
  let clinicaKey: string;
  const ops = { id: null as unknown as string, email: "ops@evosense.local" };
  const suspend = (id: string) => setTenantStatus(database.db, ops, id, "suspended");
  const reactivate = (id: string) => setTenantStatus(database.db, ops, id, "active");
  const sessionOf = async (email: string): Promise<SessionUser> => {
    const [u] = await database.db.select().from(users).where(eq(users.email, email));
    const slug = u!.tenantId === lojaId ? "loja-centro" : u!.tenantId === clinicaId ? "clinica-vida" : null;
    return { id: u!.id, email: u!.email, name: u!.name, role: u!.role, tenantId: u!.tenantId, tenantSlug: slug };
  };
  const lojaConnections = async () =>
    (await database.db.select().from(connections).where(eq(connections.tenantId, lojaId))).length;

  beforeEach(async () => {
    database = await createTestDatabase();
    setDatabase(database);
    await seedDemoData(database.db, { now: new Date() });
    lojaId = (await findTenantBySlug(database.db, "loja-centro"))!.id;
    clinicaId = (await findTenantBySlug(database.db, "clinica-vida"))!.id;
    clinicaKey = (await createApiKey(database.db, clinicaId, ops, "tests")).key;
    session.current = null;
  });
  afterEach(async () => database.close());
  afterAll(dropTestTemplate);

  it("refuses the tenant's API key on reads and on POST /connections, creating nothing, until reactivation", async () => {
    expect((await byKey(getMessages, "/api/v1/messages", DEMO_API_KEY)).status).toBe(200);
    await suspend(lojaId);

    for (const [handler, path] of [
      [getMessages, "/api/v1/messages"],
      [getChats, "/api/v1/chats"],
      [getConnections, "/api/v1/connections"],
      [getMe, "/api/v1/me"],
    ] as const) {
      const res = await byKey(handler, path, DEMO_API_KEY);
      expect(res.status, path).toBe(403);
      expect(await res.json()).toEqual(refusal);
    }
    const before = await lojaConnections();
    const created = await byKey(postConnection, "/api/v1/connections", DEMO_API_KEY, newConnection("loja-centro-2"));
    expect(created.status).toBe(403);
    expect(await created.json()).toEqual(refusal);
    expect(await lojaConnections()).toBe(before);

    await reactivate(lojaId);
    expect((await byKey(getMessages, "/api/v1/messages", DEMO_API_KEY)).status).toBe(200);
    expect(
      (await byKey(postConnection, "/api/v1/connections", DEMO_API_KEY, newConnection("loja-centro-2"))).status,
    ).toBe(201);
    expect(await lojaConnections()).toBe(before + 1);
  });

  it("refuses a session issued before the suspension on its very next call, and serves it again after reactivation", async () => {
    session.current = { user: await sessionOf("admin@lojacentro.local") };
    expect((await bySession(getChats, "/api/v1/chats")).status).toBe(200);
    await suspend(lojaId);
    const res = await bySession(getChats, "/api/v1/chats");
    expect(res.status).toBe(403);
    expect(await res.json()).toEqual(refusal);
    session.current = { user: await sessionOf("viewer@lojacentro.local") };
    expect((await bySession(getMessages, "/api/v1/messages")).status).toBe(403);
    await reactivate(lojaId);
    expect((await bySession(getMessages, "/api/v1/messages")).status).toBe(200);
  });

  it("still serves a super-admin on a suspended tenant (support)", async () => {
    await suspend(lojaId);
    session.current = { user: await sessionOf("admin@evosense.local") };
    const res = await bySession(getMe, "/api/v1/me?tenant=loja-centro");
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ data: { tenant: { slug: "loja-centro", status: "suspended" } } });
  });

  it("never lets one tenant's suspension touch another's keys or sessions", async () => {
    await suspend(clinicaId);
    expect((await byKey(getChats, "/api/v1/chats", clinicaKey)).status).toBe(403);
    expect((await byKey(getChats, "/api/v1/chats", DEMO_API_KEY)).status).toBe(200);
    expect(
      (await byKey(postConnection, "/api/v1/connections", DEMO_API_KEY, newConnection("loja-centro-3"))).status,
    ).toBe(201);
    session.current = { user: await sessionOf("admin@lojacentro.local") };
    expect((await bySession(getMessages, "/api/v1/messages")).status).toBe(200);
    session.current = { user: await sessionOf("admin@clinicavida.local") };
    expect((await bySession(getMessages, "/api/v1/messages")).status).toBe(403);
  });

  it("refuses the live event stream, by key and by session", async () => {
    await suspend(lojaId);
    const byKeyRes = await byKey(getEvents, "/api/v1/events", DEMO_API_KEY);
    expect(byKeyRes.status).toBe(403);
    expect(await byKeyRes.json()).toEqual(refusal);
    session.current = { user: await sessionOf("admin@lojacentro.local") };
    expect((await bySession(getEvents, "/api/v1/events")).status).toBe(403);
  });

  it("ends a stream already open when its tenant is suspended, and only that tenant's", async () => {
    const refused: string[] = [];
    const stops = [
      watchTenantStatus(lojaId, "admin", () => refused.push("loja"), 20),
      watchTenantStatus(clinicaId, "admin", () => refused.push("clinica"), 20),
      watchTenantStatus(lojaId, "super_admin", () => refused.push("super-admin"), 20),
    ];
    await new Promise((r) => setTimeout(r, 100));
    expect(refused).toEqual([]);
    await suspend(lojaId);
    const deadline = Date.now() + 2000;
    while (Date.now() < deadline && refused.length === 0) await new Promise((r) => setTimeout(r, 20));
    await new Promise((r) => setTimeout(r, 100)); // once only, and nobody else
    stops.forEach((stop) => stop());
    expect(refused).toEqual(["loja"]);
  });

  it("sends tenant.suspended and closes a live stream of the tenant when it is suspended", async () => {
    const abort = new AbortController();
    const res = await getEvents(
      new Request("http://evosense.test/api/v1/events", {
        headers: { authorization: `Bearer ${DEMO_API_KEY}` },
        signal: abort.signal,
      }),
    );
    expect(res.status).toBe(200);
    const reader = res.body!.getReader();
    const decoder = new TextDecoder();
    let text = decoder.decode((await reader.read()).value);
    expect(text).toContain(": connected");
    await suspend(lojaId);
    // The stream re-reads the status every STREAM_STATUS_CHECK_MS (5 s): it ends by itself within that.
    const deadline = Date.now() + 8000;
    for (;;) {
      const next = await Promise.race([
        reader.read(),
        new Promise<null>((r) => setTimeout(() => r(null), Math.max(0, deadline - Date.now()))),
      ]);
      if (!next || next.done) break;
      text += decoder.decode(next.value);
    }
    expect(text).toContain("event: tenant.suspended");
    expect(Date.now()).toBeLessThan(deadline);
    abort.abort();
  });

  it("still stores a suspended tenant's webhooks (analysis deferred)", async () => {
    await suspend(lojaId);
    const fixture = evolutionFixtureJson("messages-upsert-text.json");
    fixture.data.key.id = "SUSPENDED-WEBHOOK-1";
    fixture.data.messageTimestamp = Math.floor(Date.now() / 1000);
    const res = await webhook(
      new Request("http://evosense.test/api/webhooks/evolution", {
        method: "POST",
        headers: { "content-type": "application/json", "x-evosense-secret": "demo-webhook-secret" },
        body: JSON.stringify(fixture),
      }),
    );
    expect(res.status).toBe(200);
    const [row] = await database.db.select().from(messages).where(eq(messages.externalId, "SUSPENDED-WEBHOOK-1"));
    expect(row).toMatchObject({ tenantId: lojaId, analysisStatus: "deferred" });
  });
});
