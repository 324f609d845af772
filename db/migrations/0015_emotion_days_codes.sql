-- Emotion-days as integers, (emotion's position in EMOTIONS) × 100000 + day: overlap on integers is several times
-- cheaper than on "emotion:day" text, which showed at a million messages (bench:dashboard). Recomputed below.
ALTER TABLE "chats" ALTER COLUMN "emotion_days" DROP DEFAULT;--> statement-breakpoint
ALTER TABLE "chats" ALTER COLUMN "emotion_days" SET DATA TYPE integer[] USING '{}'::integer[];--> statement-breakpoint
ALTER TABLE "chats" ALTER COLUMN "emotion_days" SET DEFAULT '{}'::integer[];--> statement-breakpoint
-- The order of lib/analysis/local/types.ts EMOTIONS; lib/rollups/chat-days.ts codes with the same list.
CREATE OR REPLACE FUNCTION emotion_day_code(emotion text, day integer) RETURNS integer
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT array_position(ARRAY['joy', 'gratitude', 'anger', 'frustration', 'sadness', 'fear', 'surprise', 'neutral'], emotion) * 100000 + day
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION refresh_chat_day(p_chat uuid, p_at timestamptz, p_timezone text) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
  v_day integer := local_day_number(p_at, p_timezone);
  v_start timestamptz := (date '2000-01-01' + v_day)::timestamp AT TIME ZONE p_timezone;
  v_end timestamptz := (date '2000-01-01' + v_day + 1)::timestamp AT TIME ZONE p_timezone;
  v_active boolean;
  v_codes integer[];
BEGIN
  SELECT EXISTS (
    SELECT 1 FROM messages m WHERE m.chat_id = p_chat AND m.sent_at >= v_start AND m.sent_at < v_end AND m.deleted_at IS NULL
  ) INTO v_active;
  SELECT coalesce(array_agg(DISTINCT emotion_day_code(m.emotion, v_day)) FILTER (WHERE emotion_day_code(m.emotion, v_day) IS NOT NULL), '{}') INTO v_codes
  FROM messages m
  WHERE m.chat_id = p_chat AND m.sent_at >= v_start AND m.sent_at < v_end AND m.deleted_at IS NULL AND m.emotion IS NOT NULL;
  UPDATE chats c SET
    active_days = ARRAY(SELECT d FROM unnest(c.active_days) d WHERE d <> v_day UNION SELECT v_day WHERE v_active ORDER BY 1),
    emotion_days = ARRAY(SELECT e FROM unnest(c.emotion_days) e WHERE e % 100000 <> v_day UNION SELECT unnest(v_codes) ORDER BY 1)
  WHERE c.id = p_chat;
END
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION rebuild_chat_days(p_tenant uuid) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  UPDATE chats c SET active_days = s.days, emotion_days = s.codes
  FROM (
    SELECT c2.id,
      coalesce((SELECT array_agg(DISTINCT local_day_number(m.sent_at, t.timezone) ORDER BY local_day_number(m.sent_at, t.timezone))
        FROM messages m WHERE m.chat_id = c2.id AND m.deleted_at IS NULL), '{}') AS days,
      coalesce((SELECT array_agg(DISTINCT x.code ORDER BY x.code) FROM (
        SELECT emotion_day_code(m.emotion, local_day_number(m.sent_at, t.timezone)) AS code
        FROM messages m WHERE m.chat_id = c2.id AND m.deleted_at IS NULL AND m.emotion IS NOT NULL
      ) x WHERE x.code IS NOT NULL), '{}') AS codes
    FROM chats c2 JOIN tenants t ON t.id = c2.tenant_id
    WHERE p_tenant IS NULL OR c2.tenant_id = p_tenant
  ) s
  WHERE c.id = s.id AND (c.active_days IS DISTINCT FROM s.days OR c.emotion_days IS DISTINCT FROM s.codes);
END
$$;
--> statement-breakpoint
SELECT rebuild_chat_days(NULL);
