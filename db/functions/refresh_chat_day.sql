-- Re-derives one chat-day from its messages: whether a message that is not deleted was sent that local day, and
-- the emotions of those that were analysed (emotion_day_code). Called when a message is deleted or (re-)analysed; a
-- new message only ever adds its day, which ingest_message does in place.
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
