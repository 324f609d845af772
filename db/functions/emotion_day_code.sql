-- Emotion-days as integers, (emotion's position in EMOTIONS, from 1) × 100000 + day: overlap on integers is several
-- times cheaper than on "emotion:day" text, which showed at a million messages (bench:dashboard). The array is
-- lib/scores/vocabulary.ts EMOTIONS in its order (lib/rollups/chat-days.ts codes with that list; db/functions.test.ts
-- holds the two together).
CREATE OR REPLACE FUNCTION emotion_day_code(emotion text, day integer) RETURNS integer
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT array_position(ARRAY['joy', 'gratitude', 'anger', 'frustration', 'sadness', 'fear', 'surprise', 'neutral'], emotion) * 100000 + day
$$;
