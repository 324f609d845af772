import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { POLARITY_THRESHOLD } from "@/lib/analysis/polarity";

/**
 * Recomputes the daily and chat rollups from the messages themselves, for one tenant or all: the incremental
 * updates (ingest, analysis, deletion) must always agree with this, and tests hold them to it. Runs as the owner,
 * in one transaction per call, so readers see the old or the new rollups, never a half-built day.
 */
export async function rebuildRollups(db: Db, tenantId: string | null = null): Promise<{ days: number; chats: number }> {
  const scope = tenantId ? sql`m.tenant_id = ${tenantId}` : sql`true`;
  const chatScope = tenantId ? sql`c.tenant_id = ${tenantId}` : sql`true`;
  return db.transaction(async (tx) => {
    await tx.execute(sql`delete from daily_rollups where ${tenantId ? sql`tenant_id = ${tenantId}` : sql`true`}`);
    const days = await tx.execute(sql`
      with base as (
        select m.tenant_id, m.connection_id, to_char(m.sent_at at time zone t.timezone, 'YYYY-MM-DD') as day,
          extract(hour from m.sent_at at time zone t.timezone)::int as hour,
          m.from_me, m.type, m.sentiment, m.satisfaction, m.emotion, m.tone,
          (m.analysis_status = 'done' and m.sentiment is not null and m.satisfaction is not null) as scored,
          ceil(2 * log(2, greatest(1, extract(epoch from (m.analyzed_at - m.created_at)) * 1000)::numeric))::int as latency_bucket
        from messages m join tenants t on t.id = m.tenant_id
        where m.deleted_at is null and ${scope}
      ),
      counts as (
        select tenant_id, connection_id, day,
          count(*) filter (where not from_me and type <> 'reaction')::int as messages_in,
          count(*) filter (where from_me and type <> 'reaction')::int as messages_out,
          count(*) filter (where scored)::int as analyzed,
          count(*) filter (where scored and sentiment >= ${POLARITY_THRESHOLD})::int as positive,
          count(*) filter (where scored and sentiment > ${-POLARITY_THRESHOLD} and sentiment < ${POLARITY_THRESHOLD})::int as neutral,
          count(*) filter (where scored and sentiment <= ${-POLARITY_THRESHOLD})::int as negative,
          coalesce(sum(sentiment) filter (where scored), 0)::real as sentiment_sum,
          coalesce(sum(satisfaction) filter (where scored), 0)::int as satisfaction_sum,
          count(*) filter (where scored)::int as satisfaction_count
        from base group by 1, 2, 3
      ),
      maps as (
        select tenant_id, connection_id, day, kind, jsonb_object_agg(k, n) as counts
        from (
          select tenant_id, connection_id, day, 'emotions' as kind, coalesce(emotion, 'neutral') as k, count(*) as n from base where scored group by 1, 2, 3, 5
          union all
          select tenant_id, connection_id, day, 'tones', coalesce(tone, 'neutral'), count(*) from base where scored group by 1, 2, 3, 5
          union all
          select tenant_id, connection_id, day, 'satisfaction', least(9, greatest(0, floor(satisfaction / 10)))::int::text, count(*) from base where scored group by 1, 2, 3, 5
          union all
          select tenant_id, connection_id, day, 'latency', latency_bucket::text, count(*) from base where scored and latency_bucket is not null group by 1, 2, 3, 5
          union all
          select tenant_id, connection_id, day, 'hours', hour::text, count(*) from base where not from_me and type <> 'reaction' group by 1, 2, 3, 5
        ) g
        group by 1, 2, 3, 4
      )
      insert into daily_rollups (tenant_id, connection_id, day, messages_in, messages_out, analyzed, positive, neutral, negative,
        sentiment_sum, satisfaction_sum, satisfaction_count, emotions, tones, satisfaction_buckets, latency_buckets, hours)
      select c.tenant_id, c.connection_id, c.day, c.messages_in, c.messages_out, c.analyzed, c.positive, c.neutral, c.negative,
        c.sentiment_sum, c.satisfaction_sum, c.satisfaction_count,
        coalesce((select counts from maps x where (x.tenant_id, x.connection_id, x.day, x.kind) = (c.tenant_id, c.connection_id, c.day, 'emotions')), '{}'),
        coalesce((select counts from maps x where (x.tenant_id, x.connection_id, x.day, x.kind) = (c.tenant_id, c.connection_id, c.day, 'tones')), '{}'),
        coalesce((select counts from maps x where (x.tenant_id, x.connection_id, x.day, x.kind) = (c.tenant_id, c.connection_id, c.day, 'satisfaction')), '{}'),
        coalesce((select counts from maps x where (x.tenant_id, x.connection_id, x.day, x.kind) = (c.tenant_id, c.connection_id, c.day, 'latency')), '{}'),
        coalesce((select counts from maps x where (x.tenant_id, x.connection_id, x.day, x.kind) = (c.tenant_id, c.connection_id, c.day, 'hours')), '{}')
      from counts c
      returning 1`);
    const chats = await tx.execute(sql`
      update chats c set
        analyzed_count = coalesce(s.n, 0),
        negative_count = coalesce(s.negative, 0),
        sentiment_sum = coalesce(s.sentiment_sum, 0),
        satisfaction_sum = coalesce(s.satisfaction_sum, 0),
        first_sentiment = s.first_sentiment, first_sentiment_at = s.first_at,
        last_sentiment = s.last_sentiment, last_sentiment_at = s.last_at
      from chats c2 left join lateral (
        select count(*)::int as n,
          count(*) filter (where m.sentiment <= ${-POLARITY_THRESHOLD})::int as negative,
          sum(m.sentiment)::real as sentiment_sum, sum(m.satisfaction)::int as satisfaction_sum,
          (array_agg(m.sentiment order by m.sent_at asc))[1] as first_sentiment, min(m.sent_at) as first_at,
          (array_agg(m.sentiment order by m.sent_at desc))[1] as last_sentiment, max(m.sent_at) as last_at
        from messages m
        where m.chat_id = c2.id and m.deleted_at is null and m.analysis_status = 'done' and m.sentiment is not null and m.satisfaction is not null
      ) s on true
      where c.id = c2.id and ${chatScope}
      returning 1`);
    const count = (r: unknown) => (Array.isArray(r) ? r.length : ((r as { rows?: unknown[] }).rows?.length ?? 0));
    return { days: count(days), chats: count(chats) };
  });
}
