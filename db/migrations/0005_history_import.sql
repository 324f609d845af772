ALTER TABLE "connections" ADD COLUMN "history_watermark" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "connections" ADD COLUMN "import_status" text DEFAULT 'idle' NOT NULL;--> statement-breakpoint
ALTER TABLE "connections" ADD COLUMN "import_progress" jsonb;