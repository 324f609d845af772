-- The schema: extensions, roles, types, tables, indexes, row-level security and grants. The SQL functions (and the
-- trigger that calls one) are in db/functions, created after the migrations on every migrate.
CREATE EXTENSION IF NOT EXISTS vector;
--> statement-breakpoint
-- Roles are cluster-wide: several databases on one server (tests, staging) share app_user, and two of them
-- may migrate at the same moment, so "already exists" is success however it is reported.
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'app_user') THEN
    CREATE ROLE app_user NOLOGIN;
  END IF;
EXCEPTION WHEN duplicate_object OR unique_violation THEN
  NULL;
END
$$;
--> statement-breakpoint
-- The connecting role must be able to `SET ROLE app_user` inside tenant transactions.
DO $$
BEGIN
  EXECUTE format('GRANT app_user TO %I', current_user);
EXCEPTION WHEN others THEN
  RAISE NOTICE 'could not grant app_user to %: %', current_user, SQLERRM;
END
$$;
--> statement-breakpoint
CREATE TYPE "public"."tenant_status" AS ENUM('active', 'suspended', 'canceled');
--> statement-breakpoint
CREATE TYPE "public"."user_role" AS ENUM('super_admin', 'admin', 'viewer');
--> statement-breakpoint
CREATE TYPE "public"."analysis_status" AS ENUM('pending', 'deferred', 'processing', 'done', 'failed', 'skipped');
--> statement-breakpoint
CREATE TYPE "public"."connection_state" AS ENUM('created', 'connecting', 'open', 'close', 'logged_out');
--> statement-breakpoint
CREATE TYPE "public"."experiment_mode" AS ENUM('split', 'shadow');
--> statement-breakpoint
CREATE TYPE "public"."experiment_status" AS ENUM('draft', 'running', 'stopped');
--> statement-breakpoint
CREATE TABLE "api_keys" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"name" text NOT NULL,
	"prefix" text NOT NULL,
	"key_hash" text NOT NULL,
	"created_by" uuid,
	"last_used_at" timestamp with time zone,
	"revoked_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "api_keys" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE TABLE "audit_log" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"tenant_id" uuid,
	"actor_user_id" uuid,
	"actor_email" text,
	"action" text NOT NULL,
	"target_type" text NOT NULL,
	"target_id" text,
	"details" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "audit_log" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE TABLE "plans" (
	"code" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"price_brl_cents" integer NOT NULL,
	"stripe_price_id" text,
	"limits" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "rate_limits" (
	"key" text PRIMARY KEY NOT NULL,
	"window_start" timestamp with time zone NOT NULL,
	"count" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "tenants" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"slug" text NOT NULL,
	"name" text NOT NULL,
	"status" "tenant_status" DEFAULT 'active' NOT NULL,
	"plan_code" text NOT NULL,
	"plan_limits" jsonb NOT NULL,
	"timezone" text DEFAULT 'America/Sao_Paulo' NOT NULL,
	"settings" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"status_changed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "tenants" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE TABLE "users" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid,
	"email" text NOT NULL,
	"name" text NOT NULL,
	"password_hash" text NOT NULL,
	"role" "user_role" NOT NULL,
	"locale" text DEFAULT 'pt-BR' NOT NULL,
	"last_login_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "users" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE TABLE "chats" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"connection_id" uuid NOT NULL,
	"remote_jid" text NOT NULL,
	"alt_jid" text,
	"is_group" boolean DEFAULT false NOT NULL,
	"contact_name" text,
	"phone_hash" text,
	"phone_masked" text,
	"last_message_at" timestamp with time zone,
	"message_count" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"analyzed_count" integer DEFAULT 0 NOT NULL,
	"negative_count" integer DEFAULT 0 NOT NULL,
	"sentiment_sum" real DEFAULT 0 NOT NULL,
	"satisfaction_sum" integer DEFAULT 0 NOT NULL,
	"first_sentiment" real,
	"first_sentiment_at" timestamp with time zone,
	"last_sentiment" real,
	"last_sentiment_at" timestamp with time zone,
	"active_days" integer[] DEFAULT '{}'::integer[] NOT NULL,
	"emotion_days" integer[] DEFAULT '{}'::integer[] NOT NULL
);
--> statement-breakpoint
ALTER TABLE "chats" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE TABLE "connections" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"name" text NOT NULL,
	"instance_name" text NOT NULL,
	"evolution_base_url" text NOT NULL,
	"instance_token_enc" text NOT NULL,
	"webhook_secret_enc" text NOT NULL,
	"state" "connection_state" DEFAULT 'created' NOT NULL,
	"state_reason" text,
	"state_changed_at" timestamp with time zone,
	"own_jid" text,
	"qr_code" text,
	"qr_updated_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"history_watermark" timestamp with time zone,
	"import_status" text DEFAULT 'idle' NOT NULL,
	"import_progress" jsonb
);
--> statement-breakpoint
ALTER TABLE "connections" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE TABLE "daily_rollups" (
	"tenant_id" uuid NOT NULL,
	"connection_id" uuid NOT NULL,
	"day" text NOT NULL,
	"messages_in" integer DEFAULT 0 NOT NULL,
	"messages_out" integer DEFAULT 0 NOT NULL,
	"analyzed" integer DEFAULT 0 NOT NULL,
	"positive" integer DEFAULT 0 NOT NULL,
	"neutral" integer DEFAULT 0 NOT NULL,
	"negative" integer DEFAULT 0 NOT NULL,
	"sentiment_sum" real DEFAULT 0 NOT NULL,
	"satisfaction_sum" integer DEFAULT 0 NOT NULL,
	"satisfaction_count" integer DEFAULT 0 NOT NULL,
	"emotions" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"tones" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"satisfaction_buckets" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"latency_buckets" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"hours" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"emotion" text DEFAULT '' NOT NULL,
	"response_buckets" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"shard" smallint DEFAULT 0 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "daily_rollups" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE TABLE "messages" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"connection_id" uuid NOT NULL,
	"chat_id" uuid NOT NULL,
	"external_id" text NOT NULL,
	"from_me" boolean NOT NULL,
	"sender_hash" text,
	"sender_name" text,
	"type" text NOT NULL,
	"text" text,
	"sent_at" timestamp with time zone NOT NULL,
	"delivery_status" text,
	"edited_at" timestamp with time zone,
	"deleted_at" timestamp with time zone,
	"analysis_status" "analysis_status" DEFAULT 'pending' NOT NULL,
	"analysis_error" text,
	"sentiment" real,
	"emotion" text,
	"satisfaction" smallint,
	"tone" text,
	"summary" text,
	"prompt_version_id" uuid,
	"analyzed_at" timestamp with time zone,
	"embedding" vector(768),
	"embedding_model" text,
	"search" "tsvector" GENERATED ALWAYS AS (to_tsvector('portuguese'::regconfig, coalesce("messages"."text", ''))) STORED,
	"meta" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"confidence" real,
	"rationale" text,
	"language" text,
	"inference_id" uuid,
	"response_seconds" integer
);
--> statement-breakpoint
ALTER TABLE "messages" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE TABLE "experiments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"name" text NOT NULL,
	"champion_id" uuid NOT NULL,
	"challenger_id" uuid,
	"mode" "experiment_mode" DEFAULT 'split' NOT NULL,
	"share" real DEFAULT 0 NOT NULL,
	"status" "experiment_status" DEFAULT 'draft' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "experiments" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE TABLE "inferences" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"message_id" uuid NOT NULL,
	"prompt_version_id" uuid NOT NULL,
	"experiment_id" uuid,
	"provider" text NOT NULL,
	"model" text NOT NULL,
	"run_key" text NOT NULL,
	"is_shadow" boolean DEFAULT false NOT NULL,
	"latency_ms" integer NOT NULL,
	"input_tokens" integer,
	"output_tokens" integer,
	"cost_usd" numeric(12, 8),
	"sentiment" real,
	"emotion" text,
	"satisfaction" smallint,
	"tone" text,
	"summary" text,
	"confidence" real,
	"rationale" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"template_hash" text NOT NULL,
	"language" text,
	"repaired" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
ALTER TABLE "inferences" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE TABLE "prompt_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"key" text NOT NULL,
	"description" text,
	"body" text NOT NULL,
	"provider" text,
	"model" text,
	"params" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"hash" text NOT NULL,
	"is_default" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "replay_runs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"prompt_version_id" uuid NOT NULL,
	"status" text DEFAULT 'queued' NOT NULL,
	"filters" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"total" integer DEFAULT 0 NOT NULL,
	"done" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "replay_runs" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE TABLE "job_runs" (
	"run_id" text PRIMARY KEY NOT NULL,
	"fn_id" text NOT NULL,
	"event" jsonb NOT NULL,
	"events" jsonb NOT NULL,
	"steps" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"stack" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"attempt" integer DEFAULT 0 NOT NULL,
	"status" text DEFAULT 'queued' NOT NULL,
	"concurrency_key" text,
	"idempotency_key" text,
	"run_after" timestamp with time zone DEFAULT now() NOT NULL,
	"wait" jsonb,
	"parent" jsonb,
	"output" jsonb,
	"error" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "outbox" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"data" jsonb NOT NULL,
	"ts" bigint NOT NULL,
	"tenant_id" text,
	"attempts" integer DEFAULT 0 NOT NULL,
	"last_error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"dispatched_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "connection_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"tenant_id" uuid NOT NULL,
	"connection_id" uuid NOT NULL,
	"state" text NOT NULL,
	"reason" text,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "connection_events" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE TABLE "pending_message_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"tenant_id" uuid NOT NULL,
	"connection_id" uuid NOT NULL,
	"external_id" text NOT NULL,
	"kind" text NOT NULL,
	"payload" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "pending_message_events" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE TABLE "unclaimed_instances" (
	"instance_name" text PRIMARY KEY NOT NULL,
	"last_event" text,
	"hits" integer DEFAULT 1 NOT NULL,
	"first_seen_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_seen_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "data_exports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"user_id" uuid,
	"kind" text NOT NULL,
	"rows" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "data_exports" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "api_keys" ADD CONSTRAINT "api_keys_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "api_keys" ADD CONSTRAINT "api_keys_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "audit_log" ADD CONSTRAINT "audit_log_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE set null ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "audit_log" ADD CONSTRAINT "audit_log_actor_user_id_users_id_fk" FOREIGN KEY ("actor_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "tenants" ADD CONSTRAINT "tenants_plan_code_plans_code_fk" FOREIGN KEY ("plan_code") REFERENCES "public"."plans"("code") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "chats" ADD CONSTRAINT "chats_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "chats" ADD CONSTRAINT "chats_connection_id_connections_id_fk" FOREIGN KEY ("connection_id") REFERENCES "public"."connections"("id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "connections" ADD CONSTRAINT "connections_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "daily_rollups" ADD CONSTRAINT "daily_rollups_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "daily_rollups" ADD CONSTRAINT "daily_rollups_connection_id_connections_id_fk" FOREIGN KEY ("connection_id") REFERENCES "public"."connections"("id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "messages" ADD CONSTRAINT "messages_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "messages" ADD CONSTRAINT "messages_connection_id_connections_id_fk" FOREIGN KEY ("connection_id") REFERENCES "public"."connections"("id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "messages" ADD CONSTRAINT "messages_chat_id_chats_id_fk" FOREIGN KEY ("chat_id") REFERENCES "public"."chats"("id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "experiments" ADD CONSTRAINT "experiments_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "experiments" ADD CONSTRAINT "experiments_champion_id_prompt_versions_id_fk" FOREIGN KEY ("champion_id") REFERENCES "public"."prompt_versions"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "experiments" ADD CONSTRAINT "experiments_challenger_id_prompt_versions_id_fk" FOREIGN KEY ("challenger_id") REFERENCES "public"."prompt_versions"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "inferences" ADD CONSTRAINT "inferences_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "inferences" ADD CONSTRAINT "inferences_message_id_messages_id_fk" FOREIGN KEY ("message_id") REFERENCES "public"."messages"("id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "inferences" ADD CONSTRAINT "inferences_prompt_version_id_prompt_versions_id_fk" FOREIGN KEY ("prompt_version_id") REFERENCES "public"."prompt_versions"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "inferences" ADD CONSTRAINT "inferences_experiment_id_experiments_id_fk" FOREIGN KEY ("experiment_id") REFERENCES "public"."experiments"("id") ON DELETE set null ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "replay_runs" ADD CONSTRAINT "replay_runs_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "replay_runs" ADD CONSTRAINT "replay_runs_prompt_version_id_prompt_versions_id_fk" FOREIGN KEY ("prompt_version_id") REFERENCES "public"."prompt_versions"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "connection_events" ADD CONSTRAINT "connection_events_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "connection_events" ADD CONSTRAINT "connection_events_connection_id_connections_id_fk" FOREIGN KEY ("connection_id") REFERENCES "public"."connections"("id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "pending_message_events" ADD CONSTRAINT "pending_message_events_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "pending_message_events" ADD CONSTRAINT "pending_message_events_connection_id_connections_id_fk" FOREIGN KEY ("connection_id") REFERENCES "public"."connections"("id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "data_exports" ADD CONSTRAINT "data_exports_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
CREATE UNIQUE INDEX "api_keys_hash_key" ON "api_keys" USING btree ("key_hash");
--> statement-breakpoint
CREATE INDEX "audit_log_tenant_idx" ON "audit_log" USING btree ("tenant_id","created_at");
--> statement-breakpoint
CREATE UNIQUE INDEX "tenants_slug_key" ON "tenants" USING btree ("slug");
--> statement-breakpoint
CREATE UNIQUE INDEX "users_email_key" ON "users" USING btree (lower("email"));
--> statement-breakpoint
CREATE INDEX "users_tenant_idx" ON "users" USING btree ("tenant_id");
--> statement-breakpoint
CREATE UNIQUE INDEX "chats_connection_jid_key" ON "chats" USING btree ("connection_id","remote_jid");
--> statement-breakpoint
CREATE INDEX "chats_tenant_last_idx" ON "chats" USING btree ("tenant_id","last_message_at");
--> statement-breakpoint
CREATE UNIQUE INDEX "connections_instance_name_key" ON "connections" USING btree ("instance_name");
--> statement-breakpoint
CREATE INDEX "connections_tenant_idx" ON "connections" USING btree ("tenant_id");
--> statement-breakpoint
CREATE UNIQUE INDEX "daily_rollups_key" ON "daily_rollups" USING btree ("tenant_id","connection_id","day","emotion","shard");
--> statement-breakpoint
CREATE UNIQUE INDEX "messages_connection_external_key" ON "messages" USING btree ("connection_id","external_id");
--> statement-breakpoint
CREATE INDEX "messages_tenant_sent_idx" ON "messages" USING btree ("tenant_id","sent_at");
--> statement-breakpoint
CREATE INDEX "messages_chat_sent_idx" ON "messages" USING btree ("chat_id","sent_at");
--> statement-breakpoint
CREATE INDEX "messages_search_idx" ON "messages" USING gin ("search");
--> statement-breakpoint
CREATE INDEX "messages_embedding_hnsw" ON "messages" USING hnsw ("embedding" vector_cosine_ops);
--> statement-breakpoint
CREATE INDEX "experiments_tenant_idx" ON "experiments" USING btree ("tenant_id");
--> statement-breakpoint
CREATE UNIQUE INDEX "inferences_run_key" ON "inferences" USING btree ("message_id","prompt_version_id","run_key");
--> statement-breakpoint
CREATE INDEX "inferences_tenant_created_idx" ON "inferences" USING btree ("tenant_id","created_at");
--> statement-breakpoint
CREATE UNIQUE INDEX "prompt_versions_key" ON "prompt_versions" USING btree ("key");
--> statement-breakpoint
CREATE INDEX "job_runs_due_idx" ON "job_runs" USING btree ("status","run_after");
--> statement-breakpoint
CREATE UNIQUE INDEX "job_runs_idempotency_key" ON "job_runs" USING btree ("fn_id","idempotency_key");
--> statement-breakpoint
CREATE INDEX "outbox_pending_idx" ON "outbox" USING btree ("created_at") WHERE dispatched_at is null;
--> statement-breakpoint
CREATE INDEX "connection_events_connection_at_idx" ON "connection_events" USING btree ("connection_id","at");
--> statement-breakpoint
CREATE INDEX "pending_message_events_target_idx" ON "pending_message_events" USING btree ("connection_id","external_id");
--> statement-breakpoint
CREATE INDEX "chats_connection_alt_jid_idx" ON "chats" USING btree ("connection_id","alt_jid");
--> statement-breakpoint
CREATE INDEX "messages_analysis_open_idx" ON "messages" USING btree ("created_at") WHERE analysis_status in ('pending', 'processing', 'failed', 'deferred');
--> statement-breakpoint
CREATE INDEX "data_exports_tenant_created_idx" ON "data_exports" USING btree ("tenant_id","created_at");
--> statement-breakpoint
CREATE INDEX "chats_active_days_idx" ON "chats" USING gin ("active_days");
--> statement-breakpoint
CREATE INDEX "chats_emotion_days_idx" ON "chats" USING gin ("emotion_days");
--> statement-breakpoint
CREATE POLICY "api_keys_tenant_isolation" ON "api_keys" AS PERMISSIVE FOR ALL TO "app_user" USING ("api_keys"."tenant_id" = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK ("api_keys"."tenant_id" = nullif(current_setting('app.tenant_id', true), '')::uuid);
--> statement-breakpoint
CREATE POLICY "audit_log_tenant_isolation" ON "audit_log" AS PERMISSIVE FOR ALL TO "app_user" USING ("audit_log"."tenant_id" = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK ("audit_log"."tenant_id" = nullif(current_setting('app.tenant_id', true), '')::uuid);
--> statement-breakpoint
CREATE POLICY "tenants_tenant_isolation" ON "tenants" AS PERMISSIVE FOR ALL TO "app_user" USING ("tenants"."id" = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK ("tenants"."id" = nullif(current_setting('app.tenant_id', true), '')::uuid);
--> statement-breakpoint
CREATE POLICY "users_tenant_isolation" ON "users" AS PERMISSIVE FOR ALL TO "app_user" USING ("users"."tenant_id" = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK ("users"."tenant_id" = nullif(current_setting('app.tenant_id', true), '')::uuid);
--> statement-breakpoint
CREATE POLICY "chats_tenant_isolation" ON "chats" AS PERMISSIVE FOR ALL TO "app_user" USING ("chats"."tenant_id" = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK ("chats"."tenant_id" = nullif(current_setting('app.tenant_id', true), '')::uuid);
--> statement-breakpoint
CREATE POLICY "connections_tenant_isolation" ON "connections" AS PERMISSIVE FOR ALL TO "app_user" USING ("connections"."tenant_id" = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK ("connections"."tenant_id" = nullif(current_setting('app.tenant_id', true), '')::uuid);
--> statement-breakpoint
CREATE POLICY "daily_rollups_tenant_isolation" ON "daily_rollups" AS PERMISSIVE FOR ALL TO "app_user" USING ("daily_rollups"."tenant_id" = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK ("daily_rollups"."tenant_id" = nullif(current_setting('app.tenant_id', true), '')::uuid);
--> statement-breakpoint
CREATE POLICY "messages_tenant_isolation" ON "messages" AS PERMISSIVE FOR ALL TO "app_user" USING ("messages"."tenant_id" = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK ("messages"."tenant_id" = nullif(current_setting('app.tenant_id', true), '')::uuid);
--> statement-breakpoint
CREATE POLICY "experiments_tenant_isolation" ON "experiments" AS PERMISSIVE FOR ALL TO "app_user" USING ("experiments"."tenant_id" = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK ("experiments"."tenant_id" = nullif(current_setting('app.tenant_id', true), '')::uuid);
--> statement-breakpoint
CREATE POLICY "inferences_tenant_isolation" ON "inferences" AS PERMISSIVE FOR ALL TO "app_user" USING ("inferences"."tenant_id" = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK ("inferences"."tenant_id" = nullif(current_setting('app.tenant_id', true), '')::uuid);
--> statement-breakpoint
CREATE POLICY "replay_runs_tenant_isolation" ON "replay_runs" AS PERMISSIVE FOR ALL TO "app_user" USING ("replay_runs"."tenant_id" = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK ("replay_runs"."tenant_id" = nullif(current_setting('app.tenant_id', true), '')::uuid);
--> statement-breakpoint
CREATE POLICY "connection_events_tenant_isolation" ON "connection_events" AS PERMISSIVE FOR ALL TO "app_user" USING ("connection_events"."tenant_id" = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK ("connection_events"."tenant_id" = nullif(current_setting('app.tenant_id', true), '')::uuid);
--> statement-breakpoint
CREATE POLICY "pending_message_events_tenant_isolation" ON "pending_message_events" AS PERMISSIVE FOR ALL TO "app_user" USING ("pending_message_events"."tenant_id" = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK ("pending_message_events"."tenant_id" = nullif(current_setting('app.tenant_id', true), '')::uuid);
--> statement-breakpoint
CREATE POLICY "data_exports_tenant_isolation" ON "data_exports" AS PERMISSIVE FOR ALL TO "app_user" USING ("data_exports"."tenant_id" = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK ("data_exports"."tenant_id" = nullif(current_setting('app.tenant_id', true), '')::uuid);
--> statement-breakpoint
-- app_user is what tenant transactions run as (withTenant). It gets exactly what tenant code needs;
-- RLS policies then restrict every tenant-owned table to the transaction's tenant.
GRANT USAGE ON SCHEMA public TO app_user;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON
  tenants, users, api_keys, audit_log, connections, chats, messages, daily_rollups, experiments, inferences, replay_runs,
  pending_message_events, connection_events
  TO app_user;
--> statement-breakpoint
GRANT SELECT, INSERT ON data_exports TO app_user;
--> statement-breakpoint
GRANT SELECT ON plans, prompt_versions TO app_user;
--> statement-breakpoint
-- Tenant code may enqueue events in its own transaction, never read or change other tenants' queue.
GRANT INSERT ON outbox TO app_user;
--> statement-breakpoint
GRANT USAGE, SELECT ON SEQUENCE audit_log_id_seq, pending_message_events_id_seq, connection_events_id_seq TO app_user;
