-- One definition of a message's place in the day's volume (received/sent, and customer messages by local hour),
-- for ingest (+1, ingest_message) and deletion (−1, lib/rollups/volume.ts); volume lives in the day's '' row, in
-- the transaction's shard of it (rollup_shard).
CREATE OR REPLACE FUNCTION apply_volume_delta(p_tenant uuid, p_connection uuid, p_sent_at timestamptz, p_timezone text, p_from_me boolean, p_delta integer)
RETURNS void LANGUAGE plpgsql
-- The statements are the same every call, with the same plan: PL/pgSQL's default (plan anew for each call until a
-- generic plan looks cheaper) re-planned the chat lookup on every message, ~0.1 ms of the ~0.5 ms a message costs
-- the database (pg_stat_statements, bench:ingest). Set in the definition because CREATE OR REPLACE resets it.
SET plan_cache_mode = force_generic_plan
AS $$
DECLARE
  v_local timestamp := p_sent_at AT TIME ZONE p_timezone;
BEGIN
  INSERT INTO daily_rollups AS r (tenant_id, connection_id, day, emotion, shard, messages_in, messages_out, hours, updated_at)
  VALUES (p_tenant, p_connection, to_char(v_local, 'YYYY-MM-DD'), '', rollup_shard(), CASE WHEN p_from_me THEN 0 ELSE p_delta END,
    CASE WHEN p_from_me THEN p_delta ELSE 0 END,
    CASE WHEN p_from_me THEN '{}'::jsonb ELSE jsonb_build_object(extract(hour FROM v_local)::int::text, p_delta) END, now())
  ON CONFLICT (tenant_id, connection_id, day, emotion, shard) DO UPDATE SET
    messages_in = r.messages_in + excluded.messages_in,
    messages_out = r.messages_out + excluded.messages_out,
    hours = jsonb_counts_add(r.hours, excluded.hours),
    updated_at = now();
END
$$;
