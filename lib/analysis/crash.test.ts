import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { openPglite } from "@/db/client";
import { runMigrations } from "@/db/migrate";
import { inferences, messages } from "@/db/schema";
import { ensureReferenceData } from "@/lib/demo/seed";
import { handleEvolutionWebhook } from "@/lib/ingest/handle-webhook";
import { json, startFakeServer } from "@/test/helpers/fake-server";
import { seedTenants } from "@/test/helpers/seed-tenants";

const dir = mkdtempSync(path.join(tmpdir(), "evosense-analysis-crash-"));
const pgDir = path.join(dir, "pg");
const FIXTURE = path.resolve(process.cwd(), "test", "fixtures", "evolution", "messages-upsert-text.json");
const answer = {
  sentiment: 0.2,
  emotion: "neutral",
  satisfaction: 59,
  tone: "neutral",
  summary: "Pergunta sobre tênis.",
  confidence: 0.6,
  rationale: "pergunta",
  language: "pt",
};

function worker(webhook: string) {
  // node --import tsx, not the tsx CLI (which forks): the SIGKILL must hit the process holding the database.
  const child = spawn(process.execPath, ["--import", "tsx", "test/fixtures/analysis-worker.ts", pgDir], {
    cwd: process.cwd(),
    env: { ...process.env, DATA_DIR: dir, DATABASE_URL: "", N8N_AI_WEBHOOK: webhook },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stderr = "";
  child.stderr.on("data", (c: Buffer) => (stderr += c.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>((resolve) =>
    child.on("exit", (code, signal) => resolve({ code, signal, stderr })),
  );
  return { child, exited };
}

describe("analysis survives a crash", () => {
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it(
    "a worker killed while the model is answering analyses the message after restart, with one inference",
    { timeout: 180_000 },
    async () => {
      const setup = await openPglite(pgDir);
      await runMigrations(setup);
      await ensureReferenceData(setup.db);
      await seedTenants(setup.db, [
        { slug: "loja", name: "Loja", connection: { instanceName: "loja-centro", webhookSecret: "s3cret" } },
      ]);
      // Accepted while no worker runs.
      const accepted = await handleEvolutionWebhook(setup.db, {
        rawBody: readFileSync(FIXTURE, "utf8"),
        headers: new Headers({ "x-evosense-secret": "s3cret" }),
        url: new URL("http://evosense.test/api/webhooks/evolution"),
      });
      expect(accepted.status).toBe(200);
      await setup.close();

      let victim: ReturnType<typeof worker> | undefined;
      let calls = 0;
      const server = await startFakeServer((_req, res) => {
        calls++;
        // The first call never gets an answer: its worker dies while waiting for the model.
        if (calls === 1) return victim!.child.kill("SIGKILL");
        json(res, 200, answer);
      });
      try {
        victim = worker(server.url);
        const killed = await victim.exited;
        expect(killed.signal, killed.stderr).toBe("SIGKILL");

        const restarted = await worker(server.url).exited;
        expect(restarted.code, restarted.stderr).toBe(0);
      } finally {
        await server.close();
      }

      const check = await openPglite(pgDir);
      try {
        const [m] = await check.db.select().from(messages);
        expect(m).toMatchObject({ analysisStatus: "done", satisfaction: 59, summary: "Pergunta sobre tênis." });
        expect(await check.db.select().from(inferences)).toHaveLength(1);
        expect(calls).toBe(2);
      } finally {
        await check.close();
      }
    },
  );
});
