// npm run bench:ingest — drives the real webhook route with concurrent, realistic Evolution bodies, and in the
// same run measures the raw `INSERT … ON CONFLICT` ceiling of the same database through postgres.js. On
// PostgreSQL it also measures a second ceiling: SQL ingest_message (a message's whole store: chat, message,
// rollups, outbox event) called directly through postgres.js, one message per transaction, for the same chats.
//
//   BENCH_DATABASE_URL   PostgreSQL server to use (a database `evosense_bench` is recreated on it);
//                        default postgres://postgres@127.0.0.1:5432/evosense_bench. Set BENCH_DATABASE_URL=embedded
//                        to run the server on PGlite instead (the ceiling is then an in-process PGlite).
//   BENCH_SECONDS        duration of each phase (default 10)
//   BENCH_CONCURRENCY    parallel requests in the throughput phase (default 16)
//   BENCH_RATE           requests/s of the fixed-rate latency phase (default 200)
//   BENCH_JOBS           where the analysis runs while the route is driven: "inngest" (default; the server
//                        forwards its outbox to an Inngest event API, here a stand-in started by this script, as
//                        in production where functions run on other invocations) or "embedded" (the embedded
//                        runner analyses every message in the same process, competing for the same cores)
//   BENCH_FRESH_DATABASE=1  skip the VACUUM (ANALYZE) that follows the warm-up, and measure a database that has
//                        never been analysed (by default the phases run on one in the state autovacuum keeps)
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { Agent, createServer as createHttpServer, request as httpRequest } from "node:http";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import postgres from "postgres";
import { monotonicFactory } from "ulid";
import { ensureBuild, root, serveScript } from "./build.mjs";

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 16);
const RATE = Number(process.env.BENCH_RATE ?? 200);
const TARGET = process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/evosense_bench";
const embedded = TARGET === "embedded";
const JOBS = process.env.BENCH_JOBS ?? "inngest";
const STEADY = process.env.BENCH_FRESH_DATABASE !== "1";

const fixture = JSON.parse(
  readFileSync(path.resolve(root, "test", "fixtures", "evolution", "messages-upsert-text.json"), "utf8"),
);
const TEXTS = [
  "Oi, meu pedido ainda não chegou, já faz uma semana",
  "Obrigada pelo atendimento, resolveram super rápido!",
  "Vocês têm o tênis de corrida no 41?",
  "Péssimo, a entrega atrasou de novo e ninguém me avisou",
  "Qual o horário de funcionamento no sábado?",
];
// Customers writing in: every message of the run comes from one of them.
const PHONES = 5000;
let sequence = 0;
function body() {
  const n = sequence++;
  const phone = `55119${String(10_000_000 + (n % PHONES)).padStart(8, "0")}`;
  return JSON.stringify({
    ...fixture,
    data: {
      ...fixture.data,
      key: {
        ...fixture.data.key,
        id: `BENCH${process.pid}${String(n).padStart(9, "0")}`,
        remoteJid: `${phone}@s.whatsapp.net`,
        remoteJidAlt: null,
      },
      message: { conversation: TEXTS[n % TEXTS.length] },
      messageTimestamp: Math.floor(Date.now() / 1000),
    },
  });
}

const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
const fmt = (v) => (Number.isFinite(v) ? v.toFixed(2) : "n/a");

// node:http with keep-alive rather than fetch: the load generator shares the cores it measures, and undici's
// streams cost several times more per request.
const agent = new Agent({ keepAlive: true, maxSockets: 64 });

/** POSTs a body to the webhook; resolves with the status once the answer has been read. */
function post(port, payload, headers = {}) {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        host: "127.0.0.1",
        port,
        method: "POST",
        path: "/api/webhooks/evolution",
        agent,
        headers: { "content-type": "application/json", "content-length": Buffer.byteLength(payload), ...headers },
      },
      (res) => {
        res.resume();
        res.on("end", () => resolve(res.statusCode));
      },
    );
    req.on("error", reject);
    req.end(payload);
  });
}

async function freePort() {
  return new Promise((resolve) => {
    const srv = createServer().listen(0, "127.0.0.1", () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

async function recreateDatabase(url) {
  const u = new URL(url);
  const name = u.pathname.slice(1);
  u.pathname = "/postgres";
  const admin = postgres(u.toString(), { max: 1, onnotice: () => {} });
  await admin.unsafe(`drop database if exists ${name} with (force)`);
  await admin.unsafe(`create database ${name}`);
  await admin.end();
}

/** Runs `worker` in `concurrency` loops for `seconds` (or until `done()`); returns per-operation latencies in ms. */
async function closedLoop(seconds, concurrency, worker, done = () => false) {
  const latencies = [];
  let errors = 0;
  const deadline = performance.now() + seconds * 1000;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < deadline && !done()) {
        const t = performance.now();
        try {
          await worker();
          latencies.push(performance.now() - t);
        } catch {
          errors++;
        }
      }
    }),
  );
  return { latencies, errors, rps: latencies.length / seconds };
}

/** Sends at a fixed rate regardless of answers (open loop), so latency is not hidden by back-pressure. */
async function openLoop(seconds, rate, worker) {
  const latencies = [];
  let errors = 0;
  const inflight = [];
  const start = performance.now();
  for (let i = 0; i < seconds * rate; i++) {
    const due = start + (i * 1000) / rate;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    const t = performance.now();
    inflight.push(
      worker().then(
        () => latencies.push(performance.now() - t),
        () => errors++,
      ),
    );
  }
  await Promise.all(inflight);
  return { latencies, errors, rps: latencies.length / ((performance.now() - start) / 1000) };
}

function report(label, r) {
  const sorted = [...r.latencies].sort((a, b) => a - b);
  console.log(
    `${label.padEnd(34)} ${fmt(r.rps).padStart(9)} req/s   p50 ${fmt(percentile(sorted, 50))} ms   p95 ${fmt(percentile(sorted, 95))} ms   p99 ${fmt(percentile(sorted, 99))} ms   errors ${r.errors}`,
  );
}

async function ceilingPostgres(url) {
  const sql = postgres(url, { max: CONCURRENCY, onnotice: () => {} });
  await sql`create table if not exists bench_ceiling (
    id uuid primary key default gen_random_uuid(), tenant_id uuid not null, connection_id uuid not null,
    external_id text not null, text text, sent_at timestamptz not null, unique (connection_id, external_id))`;
  const tenant = crypto.randomUUID();
  const connection = crypto.randomUUID();
  let n = 0;
  const result = await closedLoop(SECONDS, CONCURRENCY, async () => {
    const i = n++;
    await sql`insert into bench_ceiling (tenant_id, connection_id, external_id, text, sent_at)
      values (${tenant}, ${connection}, ${`C${i}`}, ${TEXTS[i % TEXTS.length]}, now()) on conflict do nothing`;
  });
  await sql.end();
  return result;
}

async function ceilingPglite() {
  const { PGlite } = await import("@electric-sql/pglite");
  const db = await PGlite.create("memory://");
  await db.exec(`create table bench_ceiling (id uuid primary key default gen_random_uuid(), tenant_id uuid not null,
    connection_id uuid not null, external_id text not null, text text, sent_at timestamptz not null, unique (connection_id, external_id))`);
  let n = 0;
  const result = await closedLoop(SECONDS, CONCURRENCY, async () => {
    const i = n++;
    await db.query(
      "insert into bench_ceiling (tenant_id, connection_id, external_id, text, sent_at) values ($1, $2, $3, $4, now()) on conflict do nothing",
      [
        "00000000-0000-0000-0000-000000000001",
        "00000000-0000-0000-0000-000000000002",
        `C${i}`,
        TEXTS[i % TEXTS.length],
      ],
    );
  });
  await db.close();
  return result;
}

/**
 * ingest_message called directly, as the route's store calls it but without HTTP, the server or group commit: new
 * messages from the customers the run has already seen (their chats exist), one per transaction. The payload has the
 * shape lib/ingest/ingest-message.ts builds, with the chats' own hashed addresses; a call that does not store counts
 * as an error. Text is stored raw, as the demo tenant's setting says.
 */
async function ceilingStore(url) {
  const sql = postgres(url, { max: CONCURRENCY, onnotice: () => {} });
  const chats = await sql`select distinct on (c.id) c.tenant_id, c.connection_id, c.remote_jid, t.timezone
    from chats c join tenants t on t.id = c.tenant_id join messages m on m.chat_id = c.id
    where m.external_id like 'BENCH%'`;
  if (chats.length === 0) throw new Error("no chats from the route phases to store into");
  const ulid = monotonicFactory();
  let n = 0;
  const result = await closedLoop(SECONDS, CONCURRENCY, async () => {
    const i = n++;
    const chat = chats[i % chats.length];
    const now = Date.now();
    const payload = {
      tenantId: chat.tenant_id,
      connectionId: chat.connection_id,
      timezone: chat.timezone,
      jids: [chat.remote_jid],
      remoteJid: chat.remote_jid,
      altJid: null,
      isGroup: false,
      contactName: null,
      phoneHash: null,
      phoneMasked: null,
      externalId: `STORE${process.pid}${String(i).padStart(9, "0")}`,
      fromMe: false,
      senderHash: null,
      senderName: "Cliente",
      type: "text",
      text: TEXTS[i % TEXTS.length],
      sentAt: new Date(now).toISOString(),
      deliveryStatus: null,
      analysisStatus: "pending",
      meta: {},
      outboxId: ulid(now),
      outboxTs: now,
    };
    const [row] = await sql`select outcome from ingest_message(${sql.json(payload)}, false)`;
    if (row.outcome !== "stored") throw new Error(`ingest_message: ${row.outcome}`);
  });
  await sql.end();
  return result;
}

/** Inngest's event API as the SDK sees it (POST /e/<key> → {ids, status}); counts what the outbox forwarded. */
async function fakeInngest() {
  let events = 0;
  const server = createHttpServer((req, res) => {
    const chunks = [];
    req.on("data", (c) => chunks.push(c));
    req.on("end", () => {
      let ids = [];
      try {
        const body = JSON.parse(Buffer.concat(chunks).toString("utf8"));
        const list = Array.isArray(body) ? body : [body];
        events += list.length;
        ids = list.map((e) => e.id ?? "");
      } catch {}
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify({ ids, status: 200 }));
    });
  });
  await new Promise((r) => server.listen(0, "127.0.0.1", r));
  return { url: `http://127.0.0.1:${server.address().port}`, events: () => events, close: () => server.close() };
}

async function main() {
  const dataDir = mkdtempSync(path.join(tmpdir(), "evosense-bench-"));
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  if (!embedded) await recreateDatabase(TARGET);
  const inngest = JOBS === "inngest" ? await fakeInngest() : null;
  const env = {
    ...process.env,
    NEXT_TELEMETRY_DISABLED: "1",
    EVOSENSE_LAUNCH: "embedded",
    DATA_DIR: dataDir,
    LOG_LEVEL: "warn",
    DATABASE_URL: embedded ? "" : TARGET,
    ...(inngest
      ? { JOBS_MODE: "inngest", INNGEST_DEV: "1", INNGEST_BASE_URL: inngest.url }
      : { JOBS_MODE: "embedded" }),
  };
  await ensureBuild(env);
  const server = spawn(
    process.execPath,
    [
      ...(process.env.BENCH_CPU_PROF ? ["--cpu-prof", `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`] : []),
      serveScript,
      "-p",
      String(port),
      "-H",
      "127.0.0.1",
    ],
    { cwd: root, env, stdio: ["ignore", "ignore", "inherit"] },
  );
  try {
    for (let i = 0; i < 240; i++) {
      try {
        if ((await fetch(`${base}/api/health`)).ok) break;
      } catch {}
      await new Promise((r) => setTimeout(r, 500));
    }
    const send = async () => {
      const status = await post(port, body(), { "x-evosense-secret": "demo-webhook-secret" });
      if (status !== 200) throw new Error(String(status));
    };
    console.log(
      `EvoSense ingest benchmark — ${embedded ? "embedded PGlite" : TARGET.replace(/\/\/[^@]*@/, "//")}; ${SECONDS}s per phase; analysis: ${inngest ? "forwarded to Inngest (out of process)" : "embedded runner, same process"}${!embedded ? `; ${STEADY ? "vacuumed and analysed after warm-up" : "never analysed"}` : ""}`,
    );
    // Warm-up: JIT, connection pools, and one message from every customer, so the measured phases write to a
    // database that already holds their chats, as one in service does.
    const warmUp = await closedLoop(600, CONCURRENCY, send, () => sequence >= PHONES);
    if (warmUp.errors > 0) throw new Error(`${warmUp.errors} warm-up requests failed`);
    // …and whose outbox is not catching up on a backlog: the warm-up's events have left before the clock starts.
    for (let i = 0; inngest && i < 240 && inngest.events() < sequence; i++)
      await new Promise((r) => setTimeout(r, 250));
    if (STEADY && !embedded) {
      // A database in service has statistics and a vacuumed heap (autovacuum passes every minute); one created
      // seconds ago has neither, and its plans for the chat lookups cost ten times more (see the README).
      const admin = postgres(TARGET, { max: 1, onnotice: () => {} });
      await admin.unsafe("vacuum (analyze)");
      await admin.end();
    }
    // The fixed rate first: measured after a saturating phase, it would time the outbox's catch-up on that
    // phase's backlog rather than the route at that rate.
    const fixed = await openLoop(SECONDS, RATE, send);
    report(`route, fixed ${RATE} req/s`, fixed);
    const route = await closedLoop(SECONDS, CONCURRENCY, send);
    report(`route, ${CONCURRENCY} concurrent`, route);
    // The same endpoint answering 400 to a body that is not JSON: HTTP handling alone, no database, so the figures
    // above can be read against what the server costs on this machine.
    const floor = await closedLoop(SECONDS, CONCURRENCY, async () => {
      const status = await post(port, "not json");
      if (status !== 400) throw new Error(String(status));
    });
    report(`route floor (400, no database)`, floor);
    if (inngest) {
      // Every stored message's event left through the outbox (the forwarder polls; give it a moment).
      const stored = route.latencies.length + fixed.latencies.length;
      for (let i = 0; i < 20 && inngest.events() < stored; i++) await new Promise((r) => setTimeout(r, 500));
      console.log(
        `events forwarded to Inngest: ${inngest.events()} (messages stored in the measured phases: ${stored}, plus warm-up)`,
      );
    }
    // The ceilings run with the server stopped, so neither shares the cores with its forwarder or the runner.
    await stopServer(server);
    const ceiling = embedded ? await ceilingPglite() : await ceilingPostgres(TARGET);
    report(`raw INSERT … ON CONFLICT, ${CONCURRENCY} conc.`, ceiling);
    console.log(`ratio route/ceiling: ${((route.rps / ceiling.rps) * 100).toFixed(1)} %`);
    if (!embedded) {
      const store = await ceilingStore(TARGET);
      report(`ingest_message direct, ${CONCURRENCY} conc.`, store);
      console.log(`ratio route/ingest_message direct: ${((route.rps / store.rps) * 100).toFixed(1)} %`);
    }
  } finally {
    await stopServer(server);
    inngest?.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** SIGTERM, then waits for the process to leave (the server exits within two seconds). */
async function stopServer(server) {
  if (server.exitCode !== null || server.signalCode !== null) return;
  const exited = new Promise((r) => server.once("exit", r));
  server.kill("SIGTERM");
  await exited;
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
