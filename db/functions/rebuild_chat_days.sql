-- refresh_chat_day for every chat of a tenant (all when null), from scratch (`npm run rollups:rebuild`).
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
