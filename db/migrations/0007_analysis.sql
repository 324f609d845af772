ALTER TABLE "chats" ADD COLUMN "analyzed_count" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "chats" ADD COLUMN "negative_count" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "chats" ADD COLUMN "sentiment_sum" real DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "chats" ADD COLUMN "satisfaction_sum" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "chats" ADD COLUMN "first_sentiment" real;--> statement-breakpoint
ALTER TABLE "chats" ADD COLUMN "first_sentiment_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "chats" ADD COLUMN "last_sentiment" real;--> statement-breakpoint
ALTER TABLE "chats" ADD COLUMN "last_sentiment_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "daily_rollups" ADD COLUMN "tones" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "daily_rollups" ADD COLUMN "satisfaction_buckets" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "daily_rollups" ADD COLUMN "latency_buckets" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "messages" ADD COLUMN "confidence" real;--> statement-breakpoint
ALTER TABLE "messages" ADD COLUMN "rationale" text;--> statement-breakpoint
ALTER TABLE "messages" ADD COLUMN "language" text;--> statement-breakpoint
ALTER TABLE "messages" ADD COLUMN "inference_id" uuid;--> statement-breakpoint
ALTER TABLE "inferences" ADD COLUMN "template_hash" text NOT NULL;--> statement-breakpoint
ALTER TABLE "inferences" ADD COLUMN "language" text;--> statement-breakpoint
ALTER TABLE "inferences" ADD COLUMN "repaired" boolean DEFAULT false NOT NULL;--> statement-breakpoint
CREATE INDEX "messages_analysis_open_idx" ON "messages" USING btree ("created_at") WHERE analysis_status in ('pending', 'processing', 'failed');--> statement-breakpoint
-- Adds count maps key by key ({"joy":2} + {"joy":-1,"anger":1} = {"joy":1,"anger":1}), dropping zeros, so rollup
-- upserts can move emotion/tone/bucket histograms by a delta in one statement.
CREATE OR REPLACE FUNCTION jsonb_counts_add(a jsonb, b jsonb) RETURNS jsonb
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT coalesce(jsonb_object_agg(k, v) FILTER (WHERE v <> 0), '{}'::jsonb)
  FROM (
    SELECT key AS k, sum(value::numeric) AS v
    FROM (SELECT * FROM jsonb_each_text(coalesce(a, '{}'::jsonb)) UNION ALL SELECT * FROM jsonb_each_text(coalesce(b, '{}'::jsonb))) e
    GROUP BY key
  ) s
$$;
--> statement-breakpoint
-- Every inference names the version that produced it, so a version's content can never change under it.
CREATE OR REPLACE FUNCTION prompt_versions_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.body IS DISTINCT FROM OLD.body OR NEW.provider IS DISTINCT FROM OLD.provider OR NEW.model IS DISTINCT FROM OLD.model
     OR NEW.params IS DISTINCT FROM OLD.params OR NEW.hash IS DISTINCT FROM OLD.hash OR NEW.key IS DISTINCT FROM OLD.key THEN
    RAISE EXCEPTION 'prompt version % is immutable: create a new version instead', OLD.key USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END
$$;
--> statement-breakpoint
DROP TRIGGER IF EXISTS prompt_versions_immutable ON prompt_versions;
--> statement-breakpoint
CREATE TRIGGER prompt_versions_immutable BEFORE UPDATE ON prompt_versions FOR EACH ROW EXECUTE FUNCTION prompt_versions_immutable();
