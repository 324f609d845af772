-- The webhook's hot path in one statement: every sequential round trip to the server costs more than the work
-- itself (lib/ingest/ingest-message.ts explains when this runs alone and when inside a transaction). It runs as
-- app_user with the tenant set, so row-level security confines it like every tenant query; both settings are
-- transaction-local. p is built by lib/ingest/ingest-message.ts (ingestPayload); jids arrive hashed.
--
-- No NOTIFY: a transaction that notifies holds PostgreSQL's global notify lock through its commit's WAL flush, so
-- every stored message would queue behind the one before it (bench:ingest). Live views hear of new messages from the
-- process that stored them, batched (lib/realtime/bus.ts). Response times are refreshed only when the message can
-- change one: a reply, or a message not later than the chat's latest.
CREATE OR REPLACE FUNCTION ingest_message(p jsonb, p_allow_pending boolean)
RETURNS TABLE (outcome text, message_id uuid, chat_id uuid)
LANGUAGE plpgsql
-- The statements are the same every call, with the same plan: PL/pgSQL's default (plan anew for each call until a
-- generic plan looks cheaper) re-planned the chat lookup on every message, ~0.1 ms of the ~0.5 ms a message costs
-- the database (pg_stat_statements, bench:ingest). Set in the definition because CREATE OR REPLACE resets it.
SET plan_cache_mode = force_generic_plan
AS $$
DECLARE
  v_tenant uuid := (p->>'tenantId')::uuid;
  v_connection uuid := (p->>'connectionId')::uuid;
  v_sent_at timestamptz := (p->>'sentAt')::timestamptz;
  v_from_me boolean := (p->>'fromMe')::boolean;
  v_jids text[];
  v_day integer;
  v_chat uuid;
  v_last timestamptz;
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
  SELECT c.id, c.last_message_at INTO v_chat, v_last FROM chats c WHERE c.connection_id = v_connection AND c.remote_jid = ANY (v_jids) AND c.tenant_id = v_tenant LIMIT 1;
  IF v_chat IS NULL THEN
    SELECT c.id, c.last_message_at INTO v_chat, v_last FROM chats c WHERE c.connection_id = v_connection AND c.alt_jid = ANY (v_jids) AND c.tenant_id = v_tenant LIMIT 1;
  END IF;
  IF v_chat IS NULL THEN
    INSERT INTO chats (tenant_id, connection_id, remote_jid, alt_jid, is_group, contact_name, phone_hash, phone_masked)
    VALUES (v_tenant, v_connection, p->>'remoteJid', p->>'altJid', (p->>'isGroup')::boolean, p->>'contactName', p->>'phoneHash', p->>'phoneMasked')
    ON CONFLICT DO NOTHING
    RETURNING id INTO v_chat;
    -- A concurrent delivery created it a moment ago.
    IF v_chat IS NULL THEN
      SELECT c.id, c.last_message_at INTO v_chat, v_last FROM chats c WHERE c.connection_id = v_connection AND c.remote_jid = p->>'remoteJid';
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

  v_day := local_day_number(v_sent_at, p->>'timezone');
  UPDATE chats c SET
    last_message_at = greatest(c.last_message_at, v_sent_at),
    message_count = c.message_count + 1,
    contact_name = coalesce(c.contact_name, p->>'contactName'),
    alt_jid = coalesce(c.alt_jid, p->>'altJid'),
    active_days = CASE WHEN v_day = ANY (c.active_days) THEN c.active_days ELSE ARRAY(SELECT unnest(c.active_days || v_day) ORDER BY 1) END
  WHERE c.tenant_id = v_tenant AND c.id = v_chat;

  -- Reactions are stored as messages but are not volume (lib/rollups/volume.ts countsAsVolume).
  IF p->>'type' <> 'reaction' THEN
    PERFORM apply_volume_delta(v_tenant, v_connection, v_sent_at, p->>'timezone', v_from_me, 1);
    -- A customer message later than everything in its chat has no reply after it to re-time (the common case).
    IF v_from_me OR v_sent_at <= v_last THEN
      PERFORM refresh_response_times(v_chat, v_sent_at, p->>'timezone');
    END IF;
  END IF;

  IF p->>'analysisStatus' = 'pending' THEN
    INSERT INTO outbox (id, name, data, ts, tenant_id)
    VALUES (p->>'outboxId', 'message/received', jsonb_build_object('tenantId', v_tenant, 'messageId', v_message),
      (p->>'outboxTs')::bigint, v_tenant::text);
  END IF;

  RETURN QUERY SELECT 'stored'::text, v_message, v_chat;
END
$$;
