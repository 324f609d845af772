ALTER TABLE "daily_rollups" ADD COLUMN "hours" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
-- Existing days get their hours from the messages already stored (new ones are counted at ingest).
UPDATE daily_rollups r SET hours = h.hours
FROM (
  SELECT tenant_id, connection_id, day, jsonb_object_agg(hour, n) AS hours
  FROM (
    SELECT m.tenant_id, m.connection_id, to_char(m.sent_at AT TIME ZONE t.timezone, 'YYYY-MM-DD') AS day,
      extract(hour FROM m.sent_at AT TIME ZONE t.timezone)::int::text AS hour, count(*) AS n
    FROM messages m JOIN tenants t ON t.id = m.tenant_id
    WHERE NOT m.from_me AND m.type <> 'reaction' AND m.deleted_at IS NULL
    GROUP BY 1, 2, 3, 4
  ) x
  GROUP BY 1, 2, 3
) h
WHERE r.tenant_id = h.tenant_id AND r.connection_id = h.connection_id AND r.day = h.day;
