CREATE TABLE "connection_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"tenant_id" uuid NOT NULL,
	"connection_id" uuid NOT NULL,
	"state" text NOT NULL,
	"reason" text,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "connection_events" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
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
ALTER TABLE "pending_message_events" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "unclaimed_instances" (
	"instance_name" text PRIMARY KEY NOT NULL,
	"last_event" text,
	"hits" integer DEFAULT 1 NOT NULL,
	"first_seen_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_seen_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "connection_events" ADD CONSTRAINT "connection_events_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "connection_events" ADD CONSTRAINT "connection_events_connection_id_connections_id_fk" FOREIGN KEY ("connection_id") REFERENCES "public"."connections"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pending_message_events" ADD CONSTRAINT "pending_message_events_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pending_message_events" ADD CONSTRAINT "pending_message_events_connection_id_connections_id_fk" FOREIGN KEY ("connection_id") REFERENCES "public"."connections"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "connection_events_connection_at_idx" ON "connection_events" USING btree ("connection_id","at");--> statement-breakpoint
CREATE INDEX "pending_message_events_target_idx" ON "pending_message_events" USING btree ("connection_id","external_id");--> statement-breakpoint
CREATE POLICY "connection_events_tenant_isolation" ON "connection_events" AS PERMISSIVE FOR ALL TO "app_user" USING ("connection_events"."tenant_id" = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK ("connection_events"."tenant_id" = nullif(current_setting('app.tenant_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "pending_message_events_tenant_isolation" ON "pending_message_events" AS PERMISSIVE FOR ALL TO "app_user" USING ("pending_message_events"."tenant_id" = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK ("pending_message_events"."tenant_id" = nullif(current_setting('app.tenant_id', true), '')::uuid);