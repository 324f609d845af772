import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { readFileSync } from "node:fs";
import path from "node:path";
import { eq } from "drizzle-orm";
import { serve } from "inngest/next";
import { afterAll, afterEach, beforeEach, describe, expect, it } from "vitest";
import { setDatabase, type Database } from "@/db/client";
import { chats, connections, messages } from "@/db/schema";
import { inngest } from "@/inngest/client";
import { historyImportFn } from "@/inngest/functions/history-import";
import { enqueue } from "@/lib/jobs/outbox";
import { EmbeddedRunner } from "@/inngest/embedded/runner";
import { encryptSecret } from "@/lib/security/crypto";
import { safeFetch } from "@/lib/security/outbound-fetch";
import { createTestDatabase, dropTestTemplate } from "@/test/db";
import { seedTenants } from "@/test/helpers/seed-tenants";
import { runEvolutionImport } from "./evolution-import";
import { importWhatsAppExport } from "./export-import";
import { claimImport } from "./import-state";

const TEMPLATE = JSON.parse(
  readFileSync(path.resolve(process.cwd(), "test", "fixtures", "evolution", "messages-upsert-text.json"), "utf8"),
).data;
const BASE_TS = 1_790_000_000;

function record(i: number) {
  return {
    ...TEMPLATE,
    key: { ...TEMPLATE.key, id: `HIST${String(i).padStart(5, "0")}` },
    messageTimestamp: BASE_TS + i * 60,
    message: { conversation: `mensagem antiga ${i}` },
  };
}

/** A small stand-in for Evolution's findMessages, with the instance token check and timestamp filter. */
function fakeEvolution(count: () => number) {
  const requests: { page: number; gte: number | null }[] = [];
  // Every request that reached the server, answered or not; `redirectTo` makes it answer with a 307.
  const seen = { hits: 0, redirectTo: null as string | null };
  const server: Server = createServer((req, res) => {
    let raw = "";
    req.on("data", (c) => (raw += c));
    req.on("end", () => {
      seen.hits++;
      if (seen.redirectTo) {
        res.writeHead(307, { location: seen.redirectTo }).end();
        return;
      }
      if (req.headers.apikey !== "LOJA-TOKEN" || req.url !== "/chat/findMessages/loja-centro") {
        res.writeHead(401).end(JSON.stringify({ message: "Unauthorized" }));
        return;
      }
      const body = JSON.parse(raw) as { page: number; offset: number; where: { messageTimestamp?: { gte: number } } };
      const gte = body.where.messageTimestamp?.gte ?? null;
      requests.push({ page: body.page, gte });
      const all = Array.from({ length: count() }, (_, i) => record(i)).filter(
        (r) => gte === null || r.messageTimestamp >= gte,
      );
      const pages = Math.max(1, Math.ceil(all.length / body.offset));
      const records = all.slice((body.page - 1) * body.offset, body.page * body.offset);
      res
        .writeHead(200, { "content-type": "application/json" })
        .end(JSON.stringify({ messages: { total: all.length, pages, currentPage: body.page, records } }));
    });
  });
  return { server, requests, seen };
}

describe("history import", () => {
  let database: Database;
  let tenantId: string;
  let connectionId: string;
  let fake: ReturnType<typeof fakeEvolution>;
  let total = 250;

  beforeEach(async () => {
    total = 250;
    fake = fakeEvolution(() => total);
    await new Promise<void>((r) => fake.server.listen(0, "127.0.0.1", r));
    const port = (fake.server.address() as AddressInfo).port;
    database = await createTestDatabase();
    setDatabase(database);
    const [{ tenant, connection }] = await seedTenants(database.db, [
      {
        slug: "loja-centro",
        name: "Loja",
        connection: { evolutionBaseUrl: `http://127.0.0.1:${port}`, token: "LOJA-TOKEN" },
      },
    ]);
    tenantId = tenant.id;
    connectionId = connection.id;
  });
  afterEach(async () => {
    await new Promise((r) => fake.server.close(r));
    await database.close();
  });
  afterAll(dropTestTemplate);

  it("pages through findMessages, then fetches only newer messages on the next run", async () => {
    const first = await runEvolutionImport(database.db, tenantId, connectionId);
    expect(first).toMatchObject({ started: true, imported: 250, duplicates: 0, pages: 3 });
    expect(fake.requests.map((r) => r.page)).toEqual([1, 2, 3]);
    expect(await database.db.select().from(messages)).toHaveLength(250);
    expect(await database.db.select().from(chats)).toHaveLength(1);
    const [c] = await database.db.select().from(connections);
    expect(c!.importStatus).toBe("done");
    expect(c!.historyWatermark!.getTime()).toBe((BASE_TS + 249 * 60) * 1000);

    total = 270;
    fake.requests.length = 0;
    const second = await runEvolutionImport(database.db, tenantId, connectionId);
    expect(second).toMatchObject({ imported: 20 });
    expect(fake.requests[0]!.gte).toBe(BASE_TS + 249 * 60);
    expect(await database.db.select().from(messages)).toHaveLength(270);
  });

  it("allows one import per connection at a time", async () => {
    expect((await claimImport(database.db, { tenantId, connectionId }, "evolution")).claimed).toBe(true);
    expect((await claimImport(database.db, { tenantId, connectionId }, "evolution")).claimed).toBe(false);
    expect(await runEvolutionImport(database.db, tenantId, connectionId)).toEqual({ started: false });
  });

  it("records a failed import (wrong token) without moving the watermark", async () => {
    await database.db.update(connections).set({ instanceTokenEnc: encryptSecret("WRONG") });
    await expect(runEvolutionImport(database.db, tenantId, connectionId)).rejects.toThrow(/401/);
    const [c] = await database.db.select().from(connections);
    expect(c).toMatchObject({ importStatus: "failed", historyWatermark: null });
    expect(c!.importProgress?.error).toMatch(/401/);
  });

  it("runs durably as the history-import Inngest function", async () => {
    const runner = new EmbeddedRunner({
      database,
      handler: serve({ client: inngest, functions: [historyImportFn] }),
      logger: { info() {}, warn() {}, error() {} },
      backoffMs: () => 0,
    });
    await runner.prepare();
    await enqueue(database.db, { name: "connection/history.import.requested", data: { tenantId, connectionId } });
    await runner.runUntilIdle(60_000);
    await runner.stop();
    const [c] = await database.db.select().from(connections);
    expect(c!.importStatus).toBe("done");
    expect(c!.importProgress).toMatchObject({ imported: 250, page: 3, pages: 3 });
    expect(await database.db.select().from(messages)).toHaveLength(250);
  });

  const port = () => (fake.server.address() as AddressInfo).port;
  const failure = async () => (await database.db.select().from(connections))[0]!;

  it("sends nothing to a base URL that is refused even when embedded (an IPv4-mapped loopback)", async () => {
    await database.db.update(connections).set({ evolutionBaseUrl: `http://[::ffff:127.0.0.1]:${port()}` });
    await expect(runEvolutionImport(database.db, tenantId, connectionId)).rejects.toThrow(/^outbound_url_refused: /);
    expect(fake.seen.hits).toBe(0);
    expect(await failure()).toMatchObject({
      importStatus: "failed",
      historyWatermark: null,
      importProgress: expect.objectContaining({ errorCode: "outbound_url_refused" }),
    });
  });

  it("sends nothing to 127.0.0.1 where no allow-list lets it through (production)", async () => {
    const production = (url: string, init?: Parameters<typeof safeFetch>[1]) =>
      safeFetch(url, init, { allowedHosts: [] });
    await expect(runEvolutionImport(database.db, tenantId, connectionId, production)).rejects.toThrow(/loopback/);
    await database.db
      .update(connections)
      .set({ importStatus: "idle", evolutionBaseUrl: `http://2130706433:${port()}` });
    await expect(runEvolutionImport(database.db, tenantId, connectionId, production)).rejects.toThrow(/loopback/);
    expect(fake.seen.hits).toBe(0);
    expect(fake.requests).toEqual([]);
  });

  it("gives up at once, not after five attempts, when Evolution redirects to a refused address", async () => {
    fake.seen.redirectTo = "http://169.254.169.254/latest/meta-data/";
    const runner = new EmbeddedRunner({
      database,
      handler: serve({ client: inngest, functions: [historyImportFn] }),
      logger: { info() {}, warn() {}, error() {} },
      backoffMs: () => 0,
    });
    await runner.prepare();
    await enqueue(database.db, { name: "connection/history.import.requested", data: { tenantId, connectionId } });
    await runner.runUntilIdle(60_000);
    await runner.stop();
    // One request per attempt reaches the tenant's server; the redirect target is never contacted.
    expect(fake.seen.hits).toBe(1);
    expect(await failure()).toMatchObject({
      importStatus: "failed",
      importProgress: expect.objectContaining({ errorCode: "outbound_url_refused" }),
    });
  });

  it("imports a WhatsApp export .txt once, whoever re-uploads it", async () => {
    const content = [
      "12/11/2026 09:14 - As mensagens e as ligações são protegidas com a criptografia de ponta a ponta.",
      "12/11/2026 09:14 - Mariana Souza: Bom dia! Meu pedido 4821 não chegou",
      "12/11/2026 09:20 - Loja Centro: Bom dia, Mariana! Vou verificar.",
      "Um momento, por favor.",
      "12/11/2026 09:32 - Mariana Souza: <Mídia oculta>",
      "13/11/2026 18:02 - Mariana Souza: Chegou, obrigada!!",
      "13/11/2026 18:02 - Mariana Souza: Chegou, obrigada!!",
    ].join("\n");
    const first = await importWhatsAppExport(database.db, tenantId, connectionId, {
      content,
      ownerName: "Loja Centro",
    });
    expect(first).toEqual({ contact: "Mariana Souza", imported: 5, duplicates: 0 });
    const again = await importWhatsAppExport(database.db, tenantId, connectionId, {
      content,
      ownerName: "Loja Centro",
    });
    expect(again).toEqual({ contact: "Mariana Souza", imported: 0, duplicates: 5 });
    const rows = await database.db.select().from(messages).orderBy(messages.sentAt);
    expect(rows.map((r) => [r.fromMe, r.type, r.analysisStatus])).toEqual([
      [false, "text", "pending"],
      [true, "text", "skipped"],
      [false, "unknown", "skipped"],
      [false, "text", "pending"],
      [false, "text", "pending"],
    ]);
    expect(rows[1]!.text).toBe("Bom dia, Mariana! Vou verificar.\nUm momento, por favor.");
    const [chat] = await database.db.select().from(chats).where(eq(chats.connectionId, connectionId));
    expect(chat).toMatchObject({ contactName: "Mariana Souza", messageCount: 5 });
  });
});
