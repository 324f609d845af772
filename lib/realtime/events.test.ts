import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { setDatabase, type Database } from "@/db/client";
import { seedDemoData } from "@/lib/demo/seed";
import { readFileSync } from "node:fs";
import path from "node:path";
import { GET as events } from "@/app/api/v1/events/route";
import { POST as webhook } from "@/app/api/webhooks/evolution/[[...event]]/route";
import { createApiKey } from "@/lib/api-keys/service";
import { DEMO_API_KEY } from "@/lib/api-keys/keys";
import { findTenantBySlug } from "@/lib/tenancy/queries";
import { createTestDatabase, dropTestTemplate } from "@/test/db";
import { publishTenantEvent, subscribeTenant } from "./bus";
import { startRealtimeListener } from "./listen";

// No session in these tests: callers identify with API keys, and an anonymous one has neither.
vi.mock("@/lib/auth/auth", () => ({ auth: async () => null }));

async function readUntil(reader: ReadableStreamDefaultReader<Uint8Array>, marker: string, ms: number): Promise<string> {
  const decoder = new TextDecoder();
  let text = "";
  const deadline = Date.now() + ms;
  while (Date.now() < deadline && !text.includes(marker)) {
    const next = await Promise.race([
      reader.read(),
      new Promise<null>((r) => setTimeout(() => r(null), deadline - Date.now())),
    ]);
    if (!next || next.done) break;
    text += decoder.decode(next.value);
  }
  return text;
}

describe("tenant event stream", () => {
  let database: Database;
  let lojaId: string;
  let clinicaKey: string;
  beforeEach(async () => {
    database = await createTestDatabase();
    setDatabase(database);
    await seedDemoData(database.db, { now: new Date() });
    lojaId = (await findTenantBySlug(database.db, "loja-centro"))!.id;
    const clinica = (await findTenantBySlug(database.db, "clinica-vida"))!;
    clinicaKey = (await createApiKey(database.db, clinica.id, { id: null as unknown as string, email: "t" }, "t")).key;
  });
  afterEach(async () => database.close());
  afterAll(dropTestTemplate);

  const open = async (key: string) => {
    const abort = new AbortController();
    const res = await events(
      new Request("http://evosense.test/api/v1/events", {
        headers: { authorization: `Bearer ${key}` },
        signal: abort.signal,
      }),
    );
    return { res, reader: res.body!.getReader(), abort };
  };

  it("streams the tenant's own events, and nothing of another tenant", async () => {
    const loja = await open(DEMO_API_KEY);
    const clinica = await open(clinicaKey);
    expect(loja.res.headers.get("content-type")).toContain("text/event-stream");
    expect(await readUntil(loja.reader, "connected", 1000)).toContain(": connected");
    await readUntil(clinica.reader, "connected", 1000);

    const messageId = "11111111-1111-4111-8111-111111111111";
    const chatId = "22222222-2222-4222-8222-222222222222";
    // On PostgreSQL the event travels through NOTIFY to this process's LISTEN connection; on PGlite, in-process.
    await startRealtimeListener(database);
    await publishTenantEvent(database, lojaId, { type: "message.analyzed", messageId, chatId });
    const got = await readUntil(loja.reader, messageId, 2000);
    expect(got).toContain("event: message.analyzed");
    expect(got).toContain(`"messageId":"${messageId}"`);
    expect(await readUntil(clinica.reader, messageId, 300)).not.toContain(messageId);
    loja.abort.abort();
    clinica.abort.abort();
  });

  it("announces a message stored through the webhook once (batched NOTIFY after the commit on PostgreSQL, in-process on PGlite)", async () => {
    const loja = await open(DEMO_API_KEY);
    await readUntil(loja.reader, "connected", 1000);
    await startRealtimeListener(database);
    const fixture = JSON.parse(
      readFileSync(path.resolve(process.cwd(), "test", "fixtures", "evolution", "messages-upsert-text.json"), "utf8"),
    );
    fixture.data.key.id = "SSE-WEBHOOK-1";
    fixture.data.messageTimestamp = Math.floor(Date.now() / 1000);
    const res = await webhook(
      new Request("http://evosense.test/api/webhooks/evolution", {
        method: "POST",
        headers: { "content-type": "application/json", "x-evosense-secret": "demo-webhook-secret" },
        body: JSON.stringify(fixture),
      }),
    );
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toContain("no-transform");
    const { messageId } = (await res.json()) as { messageId: string };
    const got = await readUntil(loja.reader, "\n\n: never", 1500);
    expect(got.split("event: message.received").length - 1).toBe(1);
    expect(got).toContain(`"messageId":"${messageId}"`);
    loja.abort.abort();
  });

  it("delivers a burst of events once each, in order, to their own tenant only", async () => {
    await startRealtimeListener(database);
    const heard: { loja: string[]; other: string[] } = { loja: [], other: [] };
    const otherId = "33333333-3333-4333-8333-333333333333";
    const stops = [
      subscribeTenant(lojaId, (e) => heard.loja.push(e.messageId)),
      subscribeTenant(otherId, (e) => heard.other.push(e.messageId)),
    ];
    // 150 events of ~150 bytes: more than one NOTIFY payload (8000 bytes at most) carries them.
    const ids = Array.from({ length: 150 }, (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, "0")}`);
    await Promise.all(
      ids.map((messageId, i) =>
        publishTenantEvent(database, i % 3 === 0 ? otherId : lojaId, {
          type: "message.received",
          messageId,
          chatId: messageId,
        }),
      ),
    );
    const deadline = Date.now() + 3000;
    while (Date.now() < deadline && heard.loja.length + heard.other.length < ids.length)
      await new Promise((r) => setTimeout(r, 20));
    await new Promise((r) => setTimeout(r, 100)); // nothing more arrives
    stops.forEach((stop) => stop());
    expect(heard.loja).toEqual(ids.filter((_, i) => i % 3 !== 0));
    expect(heard.other).toEqual(ids.filter((_, i) => i % 3 === 0));
  });

  it("refuses anonymous callers", async () => {
    const res = await events(new Request("http://evosense.test/api/v1/events"));
    expect(res.status).toBe(401);
  });
});
