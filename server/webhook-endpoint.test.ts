import { readFileSync } from "node:fs";
import { createServer, request as httpRequest, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { eq } from "drizzle-orm";
import { afterAll, afterEach, beforeEach, describe, expect, it } from "vitest";
import { setDatabase, type Database } from "@/db/client";
import { messages } from "@/db/schema";
import { seedDemoData } from "@/lib/demo/seed";
import { env } from "@/lib/env";
import { createTestDatabase, dropTestTemplate } from "@/test/db";
import { evolutionWebhookEndpoint } from "./webhook-endpoint";

const FIXTURE = path.resolve(process.cwd(), "test", "fixtures", "evolution", "messages-upsert-text.json");
const SECRET = "demo-webhook-secret";

type Reply = { status: number; headers: Record<string, string | string[] | undefined>; body: Record<string, unknown> };

/** A raw HTTP request, so the test controls framing (declared lengths, chunked bodies) as a sender would. */
function send(
  port: number,
  options: { path?: string; headers?: Record<string, string>; chunks: (string | Buffer)[] },
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        host: "127.0.0.1",
        port,
        method: "POST",
        path: options.path ?? "/api/webhooks/evolution",
        headers: options.headers,
        agent: false,
      },
      (res) => {
        const parts: Buffer[] = [];
        res.on("data", (c: Buffer) => parts.push(c));
        res.on("end", () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: JSON.parse(Buffer.concat(parts).toString("utf8")),
          }),
        );
      },
    );
    // The server may answer (413) and close before the whole body is written.
    req.on("error", (error: NodeJS.ErrnoException) =>
      error.code === "EPIPE" || error.code === "ECONNRESET" ? undefined : reject(error),
    );
    for (const chunk of options.chunks) req.write(chunk);
    req.end();
  });
}

describe("direct webhook endpoint (npm start's server)", () => {
  let database: Database;
  let server: Server;
  let port: number;

  beforeEach(async () => {
    database = await createTestDatabase();
    setDatabase(database);
    await seedDemoData(database.db, { now: new Date() });
    server = createServer(evolutionWebhookEndpoint);
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    port = (server.address() as AddressInfo).port;
  });
  afterEach(async () => {
    // A refused body declared longer than it was sent leaves its connection waiting for the rest.
    server.closeAllConnections();
    await new Promise((r) => server.close(r));
    await database.close();
  });
  afterAll(dropTestTemplate);

  const fixture = (id: string) => {
    const body = JSON.parse(readFileSync(FIXTURE, "utf8"));
    body.data.key.id = id;
    return JSON.stringify(body);
  };
  const json = { "content-type": "application/json", "x-evosense-secret": SECRET };

  it("stores a message once, on the event-suffix path too, and answers as the Next.js route does", async () => {
    const first = await send(port, {
      path: "/api/webhooks/evolution/messages-upsert",
      headers: { ...json, "x-request-id": "req-1" },
      chunks: [fixture("DIRECT-1")],
    });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ stored: true });
    expect(first.headers["x-request-id"]).toBe("req-1");
    expect(first.headers["cache-control"]).toBe("no-store, no-transform");
    // A body split across packets is read whole.
    const raw = fixture("DIRECT-1");
    const again = await send(port, { headers: json, chunks: [raw.slice(0, 40), raw.slice(40)] });
    expect(again).toMatchObject({ status: 200, body: { duplicate: true } });
    const stored = await database.db.select().from(messages).where(eq(messages.externalId, "DIRECT-1"));
    expect(stored).toHaveLength(1);
    expect(stored[0]!.id).toBe(first.body.messageId);
  });

  it("answers bad input with JSON errors and stores nothing", async () => {
    expect(await send(port, { headers: json, chunks: ["not json"] })).toMatchObject({
      status: 400,
      body: { error: { code: "invalid_json" } },
    });
    expect(
      await send(port, { headers: { ...json, "x-evosense-secret": "wrong" }, chunks: [fixture("DIRECT-2")] }),
    ).toMatchObject({
      status: 401,
      body: { error: { code: "unauthorized" } },
    });
    const limit = env().WEBHOOK_MAX_BYTES;
    const declared = await send(port, { headers: { ...json, "content-length": String(limit + 1) }, chunks: ["{}"] });
    expect(declared).toMatchObject({ status: 413, body: { error: { code: "payload_too_large" } } });
    // Chunked: no length up front, refused once it passes the limit.
    const mb = Buffer.alloc(1024 * 1024, 0x20);
    const chunked = await send(port, {
      headers: json,
      chunks: Array.from({ length: Math.ceil(limit / mb.length) + 1 }, () => mb),
    });
    expect(chunked).toMatchObject({ status: 413, body: { error: { code: "payload_too_large" } } });
    expect(await database.db.select().from(messages).where(eq(messages.externalId, "DIRECT-2"))).toHaveLength(0);
  });

  const failingStore = (error: Error) => {
    const fail = () => {
      throw error;
    };
    setDatabase({ kind: "pglite", db: { select: fail, execute: fail, transaction: fail } } as never);
  };
  const unseen = (id: string) => {
    const body = JSON.parse(fixture(id));
    body.instance = `never-cached-${id}`;
    return JSON.stringify(body);
  };
  const sqlError = (code: string) => Object.assign(new Error("database says no"), { code });

  it.each(["08006", "40P01", "40001", "53300", "57P01"])(
    "answers 503 with Retry-After when a retry can succeed (SQLSTATE %s)",
    async (code) => {
      failingStore(sqlError(code));
      const res = await send(port, { headers: json, chunks: [unseen(`RETRY-${code}`)] });
      expect(res).toMatchObject({ status: 503, body: { error: { code: "temporarily_unavailable" } } });
      expect(res.headers["retry-after"]).toBe("5");
    },
  );

  it("answers 503 when the database cannot be reached at all", async () => {
    failingStore(Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" }));
    expect(await send(port, { headers: json, chunks: [unseen("REFUSED")] })).toMatchObject({ status: 503 });
  });

  it.each([
    ["a data error", sqlError("22P05")],
    ["a constraint", sqlError("23514")],
    ["a bug", new TypeError("cannot read properties of undefined")],
  ])("answers 422, never 5xx, for %s that every retry would repeat", async (_, error) => {
    failingStore(error);
    const res = await send(port, { headers: json, chunks: [unseen("NEVER")] });
    expect(res).toMatchObject({ status: 422, body: { error: { code: "unprocessable_event" } } });
  });
});
