-- SQL-language functions are planned at every call; these two run on every stored message, so as plpgsql their
-- statements keep a plan per session (same definitions as in migrations 0007 and 0010).
CREATE OR REPLACE FUNCTION jsonb_counts_add(a jsonb, b jsonb) RETURNS jsonb
LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
BEGIN
  RETURN (
    SELECT coalesce(jsonb_object_agg(k, v) FILTER (WHERE v <> 0), '{}'::jsonb)
    FROM (
      SELECT key AS k, sum(value::numeric) AS v
      FROM (SELECT * FROM jsonb_each_text(coalesce(a, '{}'::jsonb)) UNION ALL SELECT * FROM jsonb_each_text(coalesce(b, '{}'::jsonb))) e
      GROUP BY key
    ) s
  );
END
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION refresh_response_times(p_chat uuid, p_from timestamptz, p_timezone text) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  WITH bound AS (
    SELECT coalesce(max(sent_at), p_from) AS upto FROM (
      SELECT DISTINCT sent_at FROM messages
      WHERE chat_id = p_chat AND from_me AND type <> 'reaction' AND deleted_at IS NULL AND sent_at >= p_from
      ORDER BY sent_at LIMIT 2
    ) b
  ),
  affected AS (
    SELECT m.id, m.tenant_id, m.connection_id, m.sent_at, m.response_seconds AS old,
      CASE WHEN m.deleted_at IS NOT NULL OR m.type = 'reaction' THEN NULL ELSE (
        SELECT floor(extract(epoch FROM m.sent_at - min(c.sent_at)))::int FROM messages c
        WHERE c.chat_id = m.chat_id AND NOT c.from_me AND c.type <> 'reaction' AND c.deleted_at IS NULL
          AND c.sent_at <= m.sent_at
          AND c.sent_at > coalesce((
            SELECT max(p.sent_at) FROM messages p
            WHERE p.chat_id = m.chat_id AND p.from_me AND p.type <> 'reaction' AND p.deleted_at IS NULL AND p.sent_at < m.sent_at
          ), '-infinity')
      ) END AS new
    FROM messages m, bound
    WHERE m.chat_id = p_chat AND m.from_me AND m.sent_at >= p_from AND m.sent_at <= bound.upto
  ),
  changed AS (
    UPDATE messages m SET response_seconds = a.new FROM affected a
    WHERE m.id = a.id AND m.response_seconds IS DISTINCT FROM a.new
    RETURNING a.tenant_id, a.connection_id, to_char(a.sent_at AT TIME ZONE p_timezone, 'YYYY-MM-DD') AS day, a.old, a.new
  ),
  moves AS (
    SELECT tenant_id, connection_id, day, response_bucket(old)::text AS k, -1 AS n FROM changed WHERE old IS NOT NULL
    UNION ALL
    SELECT tenant_id, connection_id, day, response_bucket(new)::text, 1 FROM changed WHERE new IS NOT NULL
  ),
  per_day AS (
    SELECT tenant_id, connection_id, day, jsonb_object_agg(k, n) AS buckets
    FROM (SELECT tenant_id, connection_id, day, k, sum(n)::int AS n FROM moves GROUP BY 1, 2, 3, 4) s
    GROUP BY 1, 2, 3
  )
  INSERT INTO daily_rollups AS r (tenant_id, connection_id, day, emotion, response_buckets, updated_at)
  SELECT tenant_id, connection_id, day, '', buckets, now() FROM per_day
  ON CONFLICT (tenant_id, connection_id, day, emotion) DO UPDATE SET
    response_buckets = jsonb_counts_add(r.response_buckets, excluded.response_buckets),
    updated_at = now();
END
$$;
--> statement-breakpoint
-- The webhook's hot path in one statement: every sequential round trip to the server costs more than the work
-- itself (lib/ingest/ingest-message.ts explains when this runs alone and when inside a transaction). It runs as
-- app_user with the tenant set, so row-level security confines it like every tenant query; both settings are
-- transaction-local. p is built by lib/ingest/ingest-message.ts (ingestPayload); jids arrive hashed.
CREATE OR REPLACE FUNCTION ingest_message(p jsonb, p_allow_pending boolean)
RETURNS TABLE (outcome text, message_id uuid, chat_id uuid)
LANGUAGE plpgsql AS $$
DECLARE
  v_tenant uuid := (p->>'tenantId')::uuid;
  v_connection uuid := (p->>'connectionId')::uuid;
  v_sent_at timestamptz := (p->>'sentAt')::timestamptz;
  v_from_me boolean := (p->>'fromMe')::boolean;
  v_local timestamp;
  v_jids text[];
  v_chat uuid;
  v_message uuid;
BEGIN
  PERFORM set_config('app.tenant_id', v_tenant::text, true), set_config('role', 'app_user', true);

  -- Events that arrived before their message are applied by the caller, in a transaction around this call.
  IF NOT p_allow_pending AND EXISTS (
    SELECT 1 FROM pending_message_events e WHERE e.connection_id = v_connection AND e.external_id = p->>'externalId'
  ) THEN
    RETURN QUERY SELECT 'pending_events'::text, NULL::uuid, NULL::uuid;
    RETURN;
  END IF;

  -- One identity across @lid and phone addressing: either address, as the chat's own or as its alternative.
  -- Two index lookups; an OR across both columns would scan the connection's chats.
  v_jids := ARRAY(SELECT jsonb_array_elements_text(p->'jids'));
  SELECT c.id INTO v_chat FROM chats c WHERE c.connection_id = v_connection AND c.remote_jid = ANY (v_jids) AND c.tenant_id = v_tenant LIMIT 1;
  IF v_chat IS NULL THEN
    SELECT c.id INTO v_chat FROM chats c WHERE c.connection_id = v_connection AND c.alt_jid = ANY (v_jids) AND c.tenant_id = v_tenant LIMIT 1;
  END IF;
  IF v_chat IS NULL THEN
    INSERT INTO chats (tenant_id, connection_id, remote_jid, alt_jid, is_group, contact_name, phone_hash, phone_masked)
    VALUES (v_tenant, v_connection, p->>'remoteJid', p->>'altJid', (p->>'isGroup')::boolean, p->>'contactName', p->>'phoneHash', p->>'phoneMasked')
    ON CONFLICT DO NOTHING
    RETURNING id INTO v_chat;
    -- A concurrent delivery created it a moment ago.
    IF v_chat IS NULL THEN
      SELECT c.id INTO v_chat FROM chats c WHERE c.connection_id = v_connection AND c.remote_jid = p->>'remoteJid';
    END IF;
  END IF;

  INSERT INTO messages (tenant_id, connection_id, chat_id, external_id, from_me, sender_hash, sender_name, type, text,
    sent_at, delivery_status, analysis_status, meta)
  VALUES (v_tenant, v_connection, v_chat, p->>'externalId', v_from_me, p->>'senderHash', p->>'senderName', p->>'type',
    p->>'text', v_sent_at, p->>'deliveryStatus', (p->>'analysisStatus')::analysis_status, coalesce(p->'meta', '{}'::jsonb))
  ON CONFLICT (connection_id, external_id) DO NOTHING
  RETURNING id INTO v_message;
  IF v_message IS NULL THEN
    RETURN QUERY SELECT 'duplicate'::text, NULL::uuid, NULL::uuid;
    RETURN;
  END IF;

  UPDATE chats c SET
    last_message_at = greatest(c.last_message_at, v_sent_at),
    message_count = c.message_count + 1,
    contact_name = coalesce(c.contact_name, p->>'contactName'),
    alt_jid = coalesce(c.alt_jid, p->>'altJid')
  WHERE c.tenant_id = v_tenant AND c.id = v_chat;

  -- Reactions are stored as messages but are not volume (lib/rollups/volume.ts countsAsVolume).
  IF p->>'type' <> 'reaction' THEN
    v_local := v_sent_at AT TIME ZONE (p->>'timezone');
    INSERT INTO daily_rollups AS r (tenant_id, connection_id, day, emotion, messages_in, messages_out, hours, updated_at)
    VALUES (v_tenant, v_connection, to_char(v_local, 'YYYY-MM-DD'), '', CASE WHEN v_from_me THEN 0 ELSE 1 END,
      CASE WHEN v_from_me THEN 1 ELSE 0 END,
      CASE WHEN v_from_me THEN '{}'::jsonb ELSE jsonb_build_object(extract(hour FROM v_local)::int::text, 1) END, now())
    ON CONFLICT (tenant_id, connection_id, day, emotion) DO UPDATE SET
      messages_in = r.messages_in + excluded.messages_in,
      messages_out = r.messages_out + excluded.messages_out,
      hours = jsonb_counts_add(r.hours, excluded.hours),
      updated_at = now();
    PERFORM refresh_response_times(v_chat, v_sent_at, p->>'timezone');
  END IF;

  IF p->>'analysisStatus' = 'pending' THEN
    INSERT INTO outbox (id, name, data, ts, tenant_id)
    VALUES (p->>'outboxId', 'message/received', jsonb_build_object('tenantId', v_tenant, 'messageId', v_message),
      (p->>'outboxTs')::bigint, v_tenant::text);
  END IF;

  -- Live views hear of it on commit (a no-op for listeners on PGlite, whose caller announces in-process).
  IF (p->>'notify')::boolean THEN
    PERFORM pg_notify('evosense_tenant_events', jsonb_build_object('tenantId', v_tenant,
      'event', jsonb_build_object('type', 'message.received', 'messageId', v_message, 'chatId', v_chat))::text);
  END IF;

  RETURN QUERY SELECT 'stored'::text, v_message, v_chat;
END
$$;
