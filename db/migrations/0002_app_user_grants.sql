-- app_user is what tenant transactions run as (withTenant). It gets exactly what tenant code needs;
-- RLS policies then restrict every tenant-owned table to the transaction's tenant.
GRANT USAGE ON SCHEMA public TO app_user;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON
  tenants, users, api_keys, audit_log, connections, chats, messages, daily_rollups, experiments, inferences, replay_runs
  TO app_user;
--> statement-breakpoint
GRANT SELECT ON plans, prompt_versions TO app_user;
--> statement-breakpoint
-- Tenant code may enqueue events in its own transaction, never read or change other tenants' queue.
GRANT INSERT ON outbox TO app_user;
--> statement-breakpoint
GRANT USAGE, SELECT ON SEQUENCE audit_log_id_seq TO app_user;
