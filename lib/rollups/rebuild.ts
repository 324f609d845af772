import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { rowsOf } from "@/db/rows";
import { POLARITY_THRESHOLD } from "@/lib/analysis/polarity";

/**
 * Recomputes the daily and chat rollups from the messages themselves, for one tenant or all: the incremental
 * updates (ingest, analysis, deletion) must always agree with this, and tests hold them to it. Runs as the owner,
 * in one transaction per call, so readers see the old or the new rollups, never a half-built day.
 */
export async function rebuildRollups(db: Db, tenantId: string | null = null): Promise<{ days: number; chats: number }> {
  const chatScope = tenantId ? sql`c.tenant_id = ${tenantId}` : sql`true`;
  return db.transaction(async (tx) => {
    // Response times and the daily rows, emotion-keyed: db/functions/rebuild_daily_rollups.sql.
    const [{ days } = { days: 0 }] = rowsOf<{ days: number }>(
      await tx.execute(sql`select rebuild_daily_rollups(${tenantId}::uuid, ${POLARITY_THRESHOLD}::real) as days`),
    );
    await tx.execute(sql`select rebuild_chat_days(${tenantId}::uuid)`);
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
    return { days: Number(days), chats: rowsOf(chats).length };
  });
}
