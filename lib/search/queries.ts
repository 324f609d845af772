import { sql, type SQL } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { rowsOf } from "@/db/rows";
import type { SearchFilters } from "./schemas";

export type SearchHit = {
  id: string;
  chatId: string;
  connectionId: string;
  text: string;
  sentAt: Date;
  sentiment: number | null;
  emotion: string | null;
  satisfaction: number | null;
};

function filterSql(tenantId: string, f: SearchFilters): SQL {
  const parts: SQL[] = [sql`m.tenant_id = ${tenantId}`, sql`m.deleted_at is null`, sql`m.text is not null`];
  if (f.connection_id) parts.push(sql`m.connection_id = ${f.connection_id}`);
  if (f.emotion) parts.push(sql`m.emotion = ${f.emotion}`);
  if (f.sentiment_min !== undefined) parts.push(sql`m.sentiment >= ${f.sentiment_min}`);
  if (f.sentiment_max !== undefined) parts.push(sql`m.sentiment <= ${f.sentiment_max}`);
  if (f.from) parts.push(sql`m.sent_at >= ${f.from}::timestamptz`);
  if (f.to) parts.push(sql`m.sent_at <= ${f.to}::timestamptz`);
  return sql.join(parts, sql` and `);
}

const columns = sql`m.id, m.chat_id as "chatId", m.connection_id as "connectionId", m.text, m.sent_at as "sentAt", m.sentiment, m.emotion, m.satisfaction`;

/** The vector half: nearest by cosine distance through the HNSW index, only among vectors of the same model. */
export function vectorSearchSql(
  tenantId: string,
  vector: number[],
  model: string,
  filters: SearchFilters,
  limit: number,
): SQL {
  return sql`select ${columns}, (m.embedding <=> ${JSON.stringify(vector)}::vector) as distance
    from messages m
    where ${filterSql(tenantId, filters)} and m.embedding_model = ${model} and m.embedding is not null
    order by m.embedding <=> ${JSON.stringify(vector)}::vector
    limit ${limit}`;
}

export async function vectorSearch(
  tx: DbOrTx,
  tenantId: string,
  vector: number[],
  model: string,
  filters: SearchFilters,
  limit: number,
) {
  // pgvector ≥ 0.8: keep scanning the index until enough rows pass the tenant and filter conditions.
  await tx.execute(
    sql`select set_config('hnsw.iterative_scan', 'relaxed_order', true), set_config('hnsw.ef_search', '200', true)`,
  );
  const rows = rowsOf<SearchHit & { distance: number; sentAt: Date | string }>(
    await tx.execute(vectorSearchSql(tenantId, vector, model, filters, limit)),
  );
  return rows
    .map((r) => ({ ...r, sentAt: new Date(r.sentAt), distance: Number(r.distance) }))
    .sort((a, b) => a.distance - b.distance);
}

/** The exact-words half: Portuguese full-text match, ranked. */
export async function textSearch(tx: DbOrTx, tenantId: string, query: string, filters: SearchFilters, limit: number) {
  const rows = rowsOf<SearchHit & { rank: number; sentAt: Date | string }>(
    await tx.execute(sql`select ${columns}, ts_rank(m.search, websearch_to_tsquery('portuguese', ${query})) as rank
      from messages m
      where ${filterSql(tenantId, filters)} and m.search @@ websearch_to_tsquery('portuguese', ${query})
      order by rank desc, m.sent_at desc
      limit ${limit}`),
  );
  return rows.map((r) => ({ ...r, sentAt: new Date(r.sentAt), rank: Number(r.rank) }));
}
