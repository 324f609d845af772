import { Writable } from "node:stream";
import pino from "pino";
import { sql } from "drizzle-orm";
import { afterAll, afterEach, beforeEach, describe, expect, it } from "vitest";
import { setDatabase, type Database } from "@/db/client";
import { loggerOptions } from "@/lib/log";
import { createTestDatabase, dropTestTemplate } from "@/test/db";
import { evolutionFixtureJson, FIXTURE_WEBHOOK_SECRET, webhookTenant } from "@/test/fixtures/evolution";
import { receiveEvolutionWebhook } from "./receive-webhook";

const holder = globalThis as unknown as { __evosenseLogger?: pino.Logger };

/** The lines the app logs while `run` runs, through the app's own logger settings. */
async function capturedLines(run: () => Promise<unknown>): Promise<string[]> {
  const lines: string[] = [];
  const previous = holder.__evosenseLogger;
  const sink = new Writable({
    write: (chunk, _enc, done) => (lines.push(...String(chunk).trim().split("\n")), done()),
  });
  holder.__evosenseLogger = pino({ ...loggerOptions, level: "info" }, sink);
  try {
    await run();
  } finally {
    holder.__evosenseLogger = previous;
  }
  return lines;
}

describe("logs of a failing store", () => {
  let database: Database;
  beforeEach(async () => {
    database = await createTestDatabase();
    setDatabase(database);
    await webhookTenant(database.db);
  });
  afterEach(async () => database.close());
  afterAll(dropTestTemplate);

  it("carry the statement and SQLSTATE, never the message text, the sender's name or number", async () => {
    // A constraint the batch cannot satisfy makes ingest_batch fail with every message field in its parameters.
    await database.db.execute(
      sql`alter table messages add constraint refuse_marker check (text is null or text not like '%MARCADOR%')`,
    );
    const body = evolutionFixtureJson("messages-upsert-text.json");
    body.data.key.id = "LOG-SAFETY";
    body.data.message.conversation = `Meu CPF é 123.456.789-09, MARCADOR ${"x".repeat(5000)}`;
    body.data.pushName = "Fulana Secreta";
    let reply: Awaited<ReturnType<typeof receiveEvolutionWebhook>> | undefined;
    const lines = await capturedLines(async () => {
      reply = await receiveEvolutionWebhook({
        rawBody: JSON.stringify(body),
        headers: new Headers({ "x-evosense-secret": FIXTURE_WEBHOOK_SECRET }),
        url: new URL("http://evosense.test/api/webhooks/evolution"),
        requestId: "req-log-safety",
      });
    });
    expect(reply).toMatchObject({ status: 422, body: { error: { code: "unprocessable_event" } } });
    const line = lines
      .map((l) => JSON.parse(l) as Record<string, any>)
      .find((l) => l.requestId === "req-log-safety" && l.err);
    expect(line).toBeDefined();
    expect(line!.err).toMatchObject({ type: "database", code: "23514", statement: "ingest_batch" });
    const all = lines.join("\n");
    for (const secret of ["MARCADOR", "123.456.789", "Fulana", "xxxxxxxx", body.data.key.remoteJid.split("@")[0]])
      expect(all).not.toContain(secret);
    expect(Math.max(...lines.map((l) => l.length))).toBeLessThan(2000);
  });
});
