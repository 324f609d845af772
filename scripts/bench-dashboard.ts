// npm run bench:dashboard — loads synthetic analysed messages for one tenant among 20 into native PostgreSQL, then
// times what the dashboard reads (rollups, backlog, conversations page) and semantic search (p50/p95), with
// recall@10 of the HNSW index against exact search.
//
//   BENCH_DATABASE_URL  PostgreSQL server (database `evosense_bench_dashboard` is recreated); default local.
//   BENCH_ROWS          messages of the measured tenant (default 1,000,000); the 19 others get BENCH_ROWS / 100 each
//   BENCH_QUERIES       semantic queries timed (default 50); recall is measured on the first 20
import { sql } from "drizzle-orm";
import postgres from "postgres";
import { openPostgres, setDatabase } from "../db/client";
import { runMigrations } from "../db/migrate";
import { rowsOf } from "../db/rows";
import { ensureReferenceData } from "../lib/demo/seed";
import { embedLocal, LOCAL_EMBEDDING_MODEL } from "../lib/analysis/model";
import { countConversations, listConversations } from "../lib/conversations/queries";
import { conversationQuerySchema } from "../lib/conversations/schemas";
import { readDashboardQuery } from "../lib/metrics/dashboard-query";
import { getTenantMetrics } from "../lib/metrics/queries";
import { vectorSearch } from "../lib/search/queries";
import { getAnalysisBacklog } from "../lib/tenancy/queries";
import { withTenant } from "../lib/tenancy/with-tenant";

const TARGET = process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/evosense_bench_dashboard";
const ROWS = Number(process.env.BENCH_ROWS ?? 1_000_000);
const QUERIES = Number(process.env.BENCH_QUERIES ?? 50);
const TENANTS = 20;
const TZ = "America/Sao_Paulo";

const PHRASES = [
  "meu pedido ainda não chegou",
  "quero cancelar a compra",
  "o produto veio quebrado",
  "adorei o atendimento",
  "qual o horário da loja",
  "preciso da segunda via do boleto",
  "a entrega foi muito rápida",
  "não consigo acessar minha conta",
  "o tamanho ficou pequeno, quero trocar",
  "vocês têm esse modelo em azul",
  "o reembolso ainda não caiu",
  "obrigado pela ajuda de hoje",
  "o aplicativo trava no pagamento",
  "chegou antes do prazo, recomendo",
  "ninguém responde o chat",
  "posso pagar com pix",
  "a nota fiscal veio errada",
  "o motoboy foi educado",
  "estou esperando há uma semana",
  "produto excelente, comprarei de novo",
];

const fmt = (ms: number) => `${ms.toFixed(1)} ms`;
const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;

async function timeIt<T>(runs: number, fn: (i: number) => Promise<T>) {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn(i);
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return { p50: pct(times, 0.5), p95: pct(times, 0.95) };
}

async function main() {
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
  const database = openPostgres(TARGET, 4);
  setDatabase(database);
  const db = database.db;
  const started = performance.now();
  try {
    await runMigrations(database);
    await ensureReferenceData(db);
    await db.execute(
      sql`insert into plans (code, name, price_brl_cents, limits) values ('bench', 'Bench', 0, '{"connections":null,"retentionDays":null,"exportsPerDay":null,"analysesPerMonth":null,"semanticSearch":true}') on conflict do nothing`,
    );
    const tenantIds = rowsOf<{ id: string }>(
      await db.execute(
        sql`insert into tenants (slug, name, plan_code, plan_limits) select 'bench-' || g, 'Bench ' || g, 'bench', '{"connections":null,"retentionDays":null,"exportsPerDay":null,"analysesPerMonth":null,"semanticSearch":true}'::jsonb from generate_series(1, ${TENANTS}) g returning id`,
      ),
    ).map((r) => r.id);
    const target = tenantIds[0]!;
    // Base vectors of real phrases (the local embedding); rows are a base plus two of a pool of perturbations.
    await db.execute(sql`create unlogged table bench_base (i int primary key, text text, v vector(768))`);
    await db.execute(sql`create unlogged table bench_noise (i int primary key, v vector(768))`);
    const bases = PHRASES.flatMap((p, i) =>
      Array.from({ length: 50 }, (_, k) => ({ i: i * 50 + k, text: `${p} (${k})` })),
    );
    for (const b of bases)
      await db.execute(
        sql`insert into bench_base values (${b.i}, ${b.text}, ${JSON.stringify(embedLocal(b.text))}::vector)`,
      );
    await db.execute(
      sql`insert into bench_noise select g, (select array_agg((random() - 0.5) * 0.05)::real[]::vector(768) from generate_series(1, 768) where g >= 0) from generate_series(0, 998) g`,
    );
    // HNSW is built once after the load: maintaining it row by row would dominate the load time.
    await db.execute(sql`drop index if exists messages_embedding_hnsw`);
    const loadStart = performance.now();
    for (const [t, tenantId] of tenantIds.entries()) {
      const rows = t === 0 ? ROWS : Math.ceil(ROWS / 100);
      const conn = rowsOf<{ id: string }>(
        await db.execute(
          sql`insert into connections (tenant_id, name, instance_name, evolution_base_url, instance_token_enc, webhook_secret_enc) values (${tenantId}, 'Bench', ${`bench-${t}`}, 'http://evo', 'x', 'x') returning id`,
        ),
      )[0]!.id;
      const chatsCount = Math.max(10, Math.ceil(rows / 25));
      await db.execute(
        sql`insert into chats (tenant_id, connection_id, remote_jid, contact_name) select ${tenantId}, ${conn}, 'jid-' || g, 'Cliente ' || g from generate_series(1, ${chatsCount}) g`,
      );
      await db.execute(sql`
        insert into messages (tenant_id, connection_id, chat_id, external_id, from_me, type, text, sent_at, analysis_status, sentiment, emotion, satisfaction, tone, summary, analyzed_at, embedding, embedding_model, created_at)
        select ${tenantId}, ${conn}, c.id, 'b' || g, (g % 3 = 0), 'text', b.text,
          now() - (random() * interval '90 days'),
          case when g % 3 = 0 then 'skipped'::analysis_status else 'done'::analysis_status end,
          case when g % 3 = 0 then null else s end,
          case when g % 3 = 0 then null when s < -0.3 then 'frustration' when s > 0.3 then 'joy' else 'neutral' end,
          case when g % 3 = 0 then null else greatest(5, least(95, round(50 + 45 * s)))::smallint end,
          case when g % 3 = 0 then null else 'neutral' end, b.text, now(),
          case when g % 3 = 0 then null else b.v + n.v + n2.v end, case when g % 3 = 0 then null else ${LOCAL_EMBEDDING_MODEL} end,
          now()
        from generate_series(1, ${rows}) g
        cross join lateral (select (random() * 2 - 1) as s) r
        join bench_base b on b.i = (g * 7) % ${bases.length}
        -- Two perturbations with coprime strides: rows are (almost all) distinct vectors, as real messages are.
        join bench_noise n on n.i = (g * 13) % 500
        join bench_noise n2 on n2.i = 500 + (g * 17) % 499
        join (select id, (row_number() over (order by id) - 1)::int as k from chats where tenant_id = ${tenantId}) c on c.k = g % ${chatsCount}`);
      process.stdout.write(`  tenant ${t + 1}/${TENANTS}: ${rows} messages\n`);
    }
    const loadMs = performance.now() - loadStart;
    const indexStart = performance.now();
    await db.execute(sql`set maintenance_work_mem = '2GB'`);
    await db.execute(sql`create index messages_embedding_hnsw on messages using hnsw (embedding vector_cosine_ops)`);
    const indexMs = performance.now() - indexStart;
    const rollupStart = performance.now();
    const { rebuildRollups } = await import("../lib/rollups/rebuild");
    await rebuildRollups(db);
    await db.execute(sql`analyze`);
    const rollupMs = performance.now() - rollupStart;

    const { period, previous } = readDashboardQuery(TZ, { range: "30" });
    const period90 = readDashboardQuery(TZ, { range: "90" });
    // What the dashboard page reads (app/(app)/t/[tenant]/dashboard/page.tsx), with and without an emotion filter.
    const dashboardData = (emotion?: "frustration") => {
      const conversations = (days: { from: string; to: string }) =>
        conversationQuerySchema.parse({ from: days.from, to: days.to, emotion });
      return withTenant(target, (tx) =>
        Promise.all([
          getAnalysisBacklog(tx, target),
          getTenantMetrics(tx, target, { ...period, emotion }),
          getTenantMetrics(tx, target, { ...previous, emotion }),
          countConversations(tx, target, conversations(period), TZ),
          countConversations(tx, target, conversations(previous), TZ),
        ]),
      );
    };
    const dashboard = await timeIt(20, () => dashboardData());
    const dashboardEmotion = await timeIt(20, () => dashboardData("frustration"));
    const conversationsPage = await timeIt(20, () =>
      withTenant(target, (tx) =>
        listConversations(tx, target, conversationQuerySchema.parse({ from: period.from, to: period.to }), TZ),
      ),
    );
    const dashboard90 = await timeIt(20, () =>
      withTenant(target, (tx) =>
        Promise.all([getTenantMetrics(tx, target, period90.period), getTenantMetrics(tx, target, period90.previous)]),
      ),
    );
    const queries = Array.from({ length: QUERIES }, (_, i) => embedLocal(`${PHRASES[i % PHRASES.length]} ${i}`));
    const search = await timeIt(QUERIES, (i) =>
      withTenant(target, (tx) => vectorSearch(tx, target, queries[i]!, LOCAL_EMBEDDING_MODEL, {}, 10)),
    );
    let hits = 0;
    const recallQueries = Math.min(20, QUERIES);
    for (let i = 0; i < recallQueries; i++) {
      const { approx, exact } = await withTenant(target, async (tx) => {
        const approx = await vectorSearch(tx, target, queries[i]!, LOCAL_EMBEDDING_MODEL, {}, 10);
        await tx.execute(sql`select set_config('enable_indexscan', 'off', true)`);
        const exact = await vectorSearch(tx, target, queries[i]!, LOCAL_EMBEDDING_MODEL, {}, 10);
        return { approx, exact };
      });
      const tenth = exact.at(-1)?.distance ?? Infinity;
      hits += approx.filter((r) => r.distance <= tenth + 1e-6).length;
    }
    const plan = rowsOf<Record<string, string>>(
      await withTenant(target, async (tx) => {
        await tx.execute(sql`select set_config('hnsw.iterative_scan', 'relaxed_order', true)`);
        return tx.execute(
          sql`explain select id from messages m where m.tenant_id = ${target} and m.embedding_model = ${LOCAL_EMBEDDING_MODEL} and m.embedding is not null order by m.embedding <=> ${JSON.stringify(queries[0])}::vector limit 10`,
        );
      }),
    )
      .map((r) => Object.values(r)[0])
      .join(" ");
    console.log(
      `\nbench:dashboard on ${url.host}/${name}: ${ROWS.toLocaleString("en")} messages for the measured tenant, ${TENANTS} tenants`,
    );
    console.log(
      `  load ${(loadMs / 1000).toFixed(0)} s · HNSW build ${(indexMs / 1000).toFixed(0)} s · rollup rebuild ${(rollupMs / 1000).toFixed(0)} s`,
    );
    console.log(
      `  dashboard data, 30 days (backlog, metrics and conversations, this and the previous period): p50 ${fmt(dashboard.p50)}  p95 ${fmt(dashboard.p95)}  (target ≤ 300 ms)`,
    );
    console.log(
      `  dashboard data, 30 days, emotion filter: p50 ${fmt(dashboardEmotion.p50)}  p95 ${fmt(dashboardEmotion.p95)}  (target ≤ 300 ms)`,
    );
    console.log(`  conversations page, 30 days: p50 ${fmt(conversationsPage.p50)}  p95 ${fmt(conversationsPage.p95)}`);
    console.log(`  dashboard metrics, 90 days + previous: p50 ${fmt(dashboard90.p50)}  p95 ${fmt(dashboard90.p95)}`);
    console.log(`  semantic search, top 10: p50 ${fmt(search.p50)}  p95 ${fmt(search.p95)}  (target p95 ≤ 25 ms)`);
    console.log(
      `  recall@10 vs exact search: ${(hits / (recallQueries * 10)).toFixed(3)} over ${recallQueries} queries  (target ≥ 0.95)`,
    );
    console.log(`  plan uses the HNSW index: ${plan.includes("messages_embedding_hnsw") ? "yes" : "NO"}`);
    console.log(`  total ${((performance.now() - started) / 1000).toFixed(0)} s`);
  } finally {
    await database.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
