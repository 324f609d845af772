// npm run bench:pipeline — N webhook messages in; time until every one is analysed by the local model and
// embedded, through the real ingest path, outbox and embedded runner, on the configured database.
//
//   BENCH_DATABASE_URL   PostgreSQL server (a database `evosense_bench_pipeline` is recreated on it); default
//                        postgres://postgres@127.0.0.1:5432/evosense_bench_pipeline. `embedded` runs on PGlite.
//   BENCH_MESSAGES       number of messages (default 2000)
//   BENCH_TENANTS        tenants the messages are spread over (default 4; per-tenant concurrency is 5)
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { serve } from "inngest/next";
import postgres from "postgres";
import { openPglite, openPostgres, setDatabase, type Database } from "../db/client";
import { runMigrations } from "../db/migrate";
import { rowsOf } from "../db/rows";
import { connections, plans, tenants } from "../db/schema";
import { ensureReferenceData } from "../lib/demo/seed";
import { inngest } from "../inngest/client";
import { analyzeMessageFn } from "../inngest/functions/analyze-message";
import { analyzeLocal, embedLocal } from "../lib/analysis/model";
import { handleEvolutionWebhook } from "../lib/ingest/handle-webhook";
import { EmbeddedRunner } from "../inngest/embedded/runner";
import { encryptSecret } from "../lib/security/crypto";

const N = Number(process.env.BENCH_MESSAGES ?? 2000);
const TENANTS = Number(process.env.BENCH_TENANTS ?? 4);
const TARGET = process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/evosense_bench_pipeline";
const TEXTS = [
  "Oi, meu pedido ainda não chegou, já faz uma semana",
  "Obrigada pelo atendimento, resolveram super rápido!",
  "Vocês têm o tênis de corrida no 41?",
  "Péssimo, a entrega atrasou de novo e ninguém me avisou",
  "Qual o horário de funcionamento no sábado?",
  "Comprei ontem e já chegou, amei o produto 😍",
  "Quero cancelar e ter meu dinheiro de volta, absurdo",
];
const limits = {
  connections: 10,
  retentionDays: null,
  exportsPerDay: null,
  analysesPerMonth: null,
  semanticSearch: true,
};

async function open(): Promise<{ database: Database; cleanup: () => Promise<void>; label: string }> {
  if (TARGET === "embedded") {
    const dir = mkdtempSync(path.join(tmpdir(), "evosense-bench-pipeline-"));
    const database = await openPglite(path.join(dir, "pg"));
    return {
      database,
      label: "PGlite (embedded)",
      cleanup: async () => {
        await database.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const url = new URL(TARGET);
  const name = url.pathname.slice(1);
  const admin = postgres({
    host: url.hostname,
    port: Number(url.port || 5432),
    user: url.username || "postgres",
    database: "postgres",
    onnotice: () => {},
  });
  await admin.unsafe(`drop database if exists ${name} with (force)`);
  await admin.unsafe(`create database ${name}`);
  await admin.end();
  const database = openPostgres(TARGET, 20);
  return { database, label: `PostgreSQL ${url.host}/${name}`, cleanup: () => database.close() };
}

async function main() {
  // As `npm start` launches the server (scripts/start.mjs): without npm's lifecycle variables, which the Inngest
  // SDK would otherwise scan on every request.
  for (const k of Object.keys(process.env)) if (k.startsWith("npm_")) delete process.env[k];
  const { database, cleanup, label } = await open();
  setDatabase(database);
  try {
    await runMigrations(database);
    await ensureReferenceData(database.db);
    await database.db
      .insert(plans)
      .values({ code: "bench", name: "Bench", priceBrlCents: 0, limits })
      .onConflictDoNothing();
    const fixture = JSON.parse(
      readFileSync(path.resolve(process.cwd(), "test", "fixtures", "evolution", "messages-upsert-text.json"), "utf8"),
    );
    for (let t = 0; t < TENANTS; t++) {
      const [tenant] = await database.db
        .insert(tenants)
        .values({ slug: `bench-${t}`, name: `Bench ${t}`, planCode: "bench", planLimits: limits })
        .returning();
      await database.db.insert(connections).values({
        tenantId: tenant!.id,
        name: "Bench",
        instanceName: `bench-${t}`,
        evolutionBaseUrl: "http://evo",
        instanceTokenEnc: encryptSecret("t"),
        webhookSecretEnc: encryptSecret("bench-secret"),
      });
    }

    const runner = new EmbeddedRunner({
      database,
      handler: serve({ client: inngest, functions: [analyzeMessageFn] }),
      logger: { info() {}, warn() {}, error: console.error },
      maxParallel: 20,
    });
    const started = performance.now();
    for (let n = 0; n < N; n++) {
      const phone = `55119${String(10_000_000 + (n % 500)).padStart(8, "0")}`;
      const raw = JSON.stringify({
        ...fixture,
        instance: `bench-${n % TENANTS}`,
        data: {
          ...fixture.data,
          key: {
            ...fixture.data.key,
            id: `PIPE${String(n).padStart(9, "0")}`,
            remoteJid: `${phone}@s.whatsapp.net`,
            remoteJidAlt: null,
          },
          message: { conversation: TEXTS[n % TEXTS.length] },
          messageTimestamp: Math.floor(Date.now() / 1000),
        },
      });
      const r = await handleEvolutionWebhook(database.db, {
        rawBody: raw,
        headers: new Headers({ "x-evosense-secret": "bench-secret" }),
        url: new URL("http://bench/api/webhooks/evolution"),
      });
      if (r.status !== 200) throw new Error(`ingest failed: ${JSON.stringify(r.body)}`);
    }
    const ingested = performance.now();
    // The runner as `npm start` runs it: its own loop, woken by finished runs, polling every 250 ms when idle.
    await runner.start();
    const deadline = Date.now() + 30 * 60_000;
    for (;;) {
      const [{ open = 0 } = {}] = rowsOf<{ open: number }>(
        await database.db.execute(sql`select count(*)::int as open from messages where embedding is null`),
      );
      if (open === 0) break;
      if (Date.now() > deadline) throw new Error(`${open} messages still unanalysed after 30 minutes`);
      await new Promise((r) => setTimeout(r, 100));
    }
    const done = performance.now();
    await runner.stop();

    const [counts] = rowsOf<{ analysed: number; embedded: number }>(
      await database.db.execute(
        sql`select count(*) filter (where analysis_status = 'done')::int as analysed, count(embedding)::int as embedded from messages`,
      ),
    );
    if (counts!.analysed !== N || counts!.embedded !== N)
      throw new Error(`only ${counts!.analysed} analysed / ${counts!.embedded} embedded of ${N}`);

    // The model alone on the same texts: what the pipeline adds is everything else.
    const modelStart = performance.now();
    for (let n = 0; n < N; n++) {
      analyzeLocal(TEXTS[n % TEXTS.length]!);
      embedLocal(TEXTS[n % TEXTS.length]!);
    }
    const modelMs = performance.now() - modelStart;
    const analysisMs = done - ingested;
    const totalMs = done - started;
    console.log(`bench:pipeline on ${label}: ${N} messages across ${TENANTS} tenants`);
    console.log(
      `  ingest (webhook handler, sequential): ${(ingested - started).toFixed(0)} ms  (${(N / ((ingested - started) / 1000)).toFixed(0)} msg/s)`,
    );
    console.log(
      `  analysis until all analysed and embedded: ${analysisMs.toFixed(0)} ms  (${(N / (analysisMs / 1000)).toFixed(0)} msg/s)`,
    );
    console.log(`  end to end: ${(N / (totalMs / 1000)).toFixed(0)} msg/s`);
    console.log(`  model alone (analyse + embed): ${(modelMs / N).toFixed(3)} ms/message`);
    console.log(
      `  pipeline overhead outside the model: ${((analysisMs - modelMs) / N).toFixed(2)} ms/message (target ≤ 10 ms on native PostgreSQL)`,
    );
  } finally {
    await cleanup();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
