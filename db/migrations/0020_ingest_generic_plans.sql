-- The statements of the ingest path are the same every call, with the same plan: PL/pgSQL's default (plan anew
-- for each call until a generic plan looks cheaper) re-planned the chat lookup on every message, ~0.1 ms of the
-- ~0.5 ms a message costs the database (pg_stat_statements, bench:ingest). A later CREATE OR REPLACE of either
-- function drops this setting and must repeat it.
ALTER FUNCTION ingest_message(jsonb, boolean) SET plan_cache_mode = force_generic_plan;
--> statement-breakpoint
ALTER FUNCTION apply_volume_delta(uuid, uuid, timestamptz, text, boolean, integer) SET plan_cache_mode = force_generic_plan;
