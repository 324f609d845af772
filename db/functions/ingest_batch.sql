-- The group-committed store of many messages in one call (lib/ingest/ingest-message.ts storeBatch). Calling
-- ingest_message once per message cost ~0.56 ms of database time each, mostly the start-up of each of its statements
-- repeated per message: its one-row INSERT into messages alone took 0.24 ms, against 0.07 ms a row when many rows
-- go in one INSERT (auto_explain, bench:ingest). Here the common case, a message in a chat that already exists, is
-- stored set-based: one INSERT of messages, one UPDATE of each chat, one rollup upsert per day, one outbox INSERT.
-- Everything else goes through ingest_message, one message at a time in the batch's order: messages of a chat the
-- batch creates, and messages with events waiting for them (answered 'pending_events').
--
-- p: a JSON array of ingest_message payloads, in chat order. Returns a JSON array with one
-- [outcome, message_id, chat_id] per payload, in the same order; outcome is 'stored', 'duplicate' or 'pending_events'.
CREATE OR REPLACE FUNCTION ingest_batch(p jsonb) RETURNS jsonb
LANGUAGE plpgsql
-- The statements are the same every call, with the same plan: PL/pgSQL's default (plan anew for each call until a
-- generic plan looks cheaper) re-planned the chat lookup on every message, ~0.1 ms of the ~0.5 ms a message costs
-- the database (pg_stat_statements, bench:ingest). Set in the definition because CREATE OR REPLACE resets it.
SET plan_cache_mode = force_generic_plan
AS $$
DECLARE
  v_tenant uuid;
  v_found jsonb;
  v_stored jsonb;
  v_result jsonb[] := array_fill(NULL::jsonb, ARRAY[jsonb_array_length(p)]);
  v_row record;
  v_outcome jsonb;
  v_connection uuid;
  v_jids text[];
  v_chat uuid;
  v_last timestamptz;
BEGIN
  -- Below three messages the set-based statements cost more than they save (timed against ingest_message per
  -- batch size).
  IF jsonb_array_length(p) < 3 THEN
    RETURN (SELECT coalesce(jsonb_agg(jsonb_build_array(m.outcome, m.message_id, m.chat_id) ORDER BY i.ord), '[]')
      FROM jsonb_array_elements(p) WITH ORDINALITY AS i(e, ord) CROSS JOIN LATERAL ingest_message(i.e, false) m);
  END IF;

  FOR v_tenant IN SELECT DISTINCT (e->>'tenantId')::uuid FROM jsonb_array_elements(p) e LOOP
    PERFORM set_config('app.tenant_id', v_tenant::text, true), set_config('role', 'app_user', true);

    -- Messages whose chat exists, found with ingest_message's own lookups (either address, as the chat's own or as
    -- its alternative), with no events waiting for them. One set-based join did this at first, but its kept plan,
    -- made while the tables were small, went on scanning a tenant's whole chats table once they had grown
    -- (auto_explain): on PGlite, which never analyses on its own, the embedded server stored 60 webhooks/s instead
    -- of 240. The chats are not locked here but when updated, after the messages are in, as ingest_message does:
    -- locked first, a chat held while this batch waited on a message another batch was inserting again (a
    -- re-delivery), and that batch, about to update the same chat, deadlocked with it.
    v_found := '[]';
    FOR v_row IN SELECT i.ord, i.e FROM jsonb_array_elements(p) WITH ORDINALITY AS i(e, ord)
      WHERE (i.e->>'tenantId')::uuid = v_tenant ORDER BY i.ord LOOP
      v_connection := (v_row.e->>'connectionId')::uuid;
      CONTINUE WHEN EXISTS (
        SELECT 1 FROM pending_message_events e WHERE e.connection_id = v_connection AND e.external_id = v_row.e->>'externalId'
      );
      v_jids := ARRAY(SELECT jsonb_array_elements_text(v_row.e->'jids'));
      SELECT c.id, c.last_message_at INTO v_chat, v_last FROM chats c
      WHERE c.connection_id = v_connection AND c.remote_jid = ANY (v_jids) AND c.tenant_id = v_tenant LIMIT 1;
      IF v_chat IS NULL THEN
        SELECT c.id, c.last_message_at INTO v_chat, v_last FROM chats c
        WHERE c.connection_id = v_connection AND c.alt_jid = ANY (v_jids) AND c.tenant_id = v_tenant LIMIT 1;
      END IF;
      CONTINUE WHEN v_chat IS NULL;
      v_found := v_found || jsonb_build_object('ord', v_row.ord, 'chat', v_chat, 'last', v_last);
    END LOOP;

    WITH f AS (
      SELECT x.ord, x.chat AS chat_id, e.e, (e.e->>'sentAt')::timestamptz AS sent_at, (e.e->>'fromMe')::boolean AS from_me,
        -- The chat's latest message as ingest_message would have seen it: earlier messages of the batch included.
        greatest(x.last, max((e.e->>'sentAt')::timestamptz) OVER (PARTITION BY x.chat ORDER BY x.ord ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING)) AS seen_last
      FROM jsonb_to_recordset(v_found) AS x(ord integer, chat uuid, last timestamptz)
      CROSS JOIN LATERAL (SELECT p->(x.ord - 1) AS e) e
    ),
    ins AS (
      INSERT INTO messages (tenant_id, connection_id, chat_id, external_id, from_me, sender_hash, sender_name, type, text,
        sent_at, delivery_status, analysis_status, meta)
      SELECT v_tenant, (e->>'connectionId')::uuid, chat_id, e->>'externalId', from_me, e->>'senderHash', e->>'senderName',
        e->>'type', e->>'text', sent_at, e->>'deliveryStatus', (e->>'analysisStatus')::analysis_status, coalesce(e->'meta', '{}'::jsonb)
      FROM f ORDER BY ord
      ON CONFLICT (connection_id, external_id) DO NOTHING
      RETURNING id, connection_id, external_id
    ),
    -- Of two deliveries of one message in the batch, the first is the one inserted.
    stored AS (
      SELECT DISTINCT ON (ins.id) f.*, ins.id AS message_id
      FROM f JOIN ins ON ins.connection_id = (f.e->>'connectionId')::uuid AND ins.external_id = f.e->>'externalId'
      ORDER BY ins.id, f.ord
    ),
    -- Reactions are stored as messages but are not volume (lib/rollups/volume.ts countsAsVolume); the sums are
    -- apply_volume_delta's, one upsert per day.
    volume_hours AS (
      SELECT (e->>'connectionId')::uuid AS connection_id, to_char(sent_at AT TIME ZONE (e->>'timezone'), 'YYYY-MM-DD') AS day,
        extract(hour FROM sent_at AT TIME ZONE (e->>'timezone'))::int AS hour, from_me, count(*)::int AS n
      FROM stored WHERE e->>'type' <> 'reaction'
      GROUP BY 1, 2, 3, 4
    ),
    volume AS (
      INSERT INTO daily_rollups AS r (tenant_id, connection_id, day, emotion, shard, messages_in, messages_out, hours, updated_at)
      SELECT v_tenant, connection_id, day, '', rollup_shard(), coalesce(sum(n) FILTER (WHERE NOT from_me), 0),
        coalesce(sum(n) FILTER (WHERE from_me), 0), coalesce(jsonb_object_agg(hour::text, n) FILTER (WHERE NOT from_me), '{}'::jsonb), now()
      FROM volume_hours GROUP BY connection_id, day ORDER BY connection_id, day
      ON CONFLICT (tenant_id, connection_id, day, emotion, shard) DO UPDATE SET
        messages_in = r.messages_in + excluded.messages_in,
        messages_out = r.messages_out + excluded.messages_out,
        hours = jsonb_counts_add(r.hours, excluded.hours),
        updated_at = now()
    ),
    events AS (
      INSERT INTO outbox (id, name, data, ts, tenant_id)
      SELECT e->>'outboxId', 'message/received', jsonb_build_object('tenantId', v_tenant, 'messageId', message_id),
        (e->>'outboxTs')::bigint, v_tenant::text
      FROM stored WHERE e->>'analysisStatus' = 'pending' ORDER BY ord
    )
    SELECT coalesce(jsonb_agg(jsonb_build_object('ord', ord, 'message', message_id, 'chat', chat_id, 'sent', sent_at,
      'timezone', e->>'timezone', 'refresh', e->>'type' <> 'reaction' AND (from_me OR sent_at <= seen_last),
      'contact', e->>'contactName', 'alt', e->>'altJid', 'day', local_day_number(sent_at, e->>'timezone'))), '[]')
    INTO v_stored FROM stored;

    -- Each chat once, by primary key, as ingest_message updates it, in the batch's chat order: the order every
    -- batch locks chats in, so two of them do not deadlock on the chats they share.
    FOR v_row IN SELECT x.chat, max(x.sent) AS last_sent, count(*)::int AS n,
        (array_agg(x.contact ORDER BY x.ord) FILTER (WHERE x.contact IS NOT NULL))[1] AS contact_name,
        (array_agg(x.alt ORDER BY x.ord) FILTER (WHERE x.alt IS NOT NULL))[1] AS alt_jid,
        array_agg(DISTINCT x.day) AS days
      FROM jsonb_to_recordset(v_stored) AS x(ord integer, chat uuid, sent timestamptz, contact text, alt text, day integer)
      GROUP BY x.chat ORDER BY min(x.ord) LOOP
      UPDATE chats c SET
        last_message_at = greatest(c.last_message_at, v_row.last_sent),
        message_count = c.message_count + v_row.n,
        contact_name = coalesce(c.contact_name, v_row.contact_name),
        alt_jid = coalesce(c.alt_jid, v_row.alt_jid),
        active_days = CASE WHEN v_row.days <@ c.active_days THEN c.active_days
          ELSE ARRAY(SELECT DISTINCT d FROM unnest(c.active_days || v_row.days) d ORDER BY 1) END
      WHERE c.tenant_id = v_tenant AND c.id = v_row.chat;
    END LOOP;

    FOR v_row IN SELECT * FROM jsonb_to_recordset(v_found) AS x(ord integer, chat uuid) LOOP
      v_result[v_row.ord] := jsonb_build_array('duplicate', NULL, NULL);
    END LOOP;
    FOR v_row IN SELECT * FROM jsonb_to_recordset(v_stored) AS x(ord integer, message uuid, chat uuid, sent timestamptz, timezone text, refresh boolean)
      ORDER BY x.ord LOOP
      v_result[v_row.ord] := jsonb_build_array('stored', v_row.message, v_row.chat);
      -- Run once every message of the batch is in: each call then re-times its range against the final rows.
      IF v_row.refresh THEN
        PERFORM refresh_response_times(v_row.chat, v_row.sent, v_row.timezone);
      END IF;
    END LOOP;

    FOR v_row IN SELECT i.ord, i.e FROM jsonb_array_elements(p) WITH ORDINALITY AS i(e, ord)
      WHERE (i.e->>'tenantId')::uuid = v_tenant AND v_result[i.ord] IS NULL ORDER BY i.ord LOOP
      SELECT jsonb_build_array(m.outcome, m.message_id, m.chat_id) INTO v_outcome FROM ingest_message(v_row.e, false) m;
      v_result[v_row.ord] := v_outcome;
    END LOOP;
  END LOOP;
  RETURN to_jsonb(v_result);
END
$$;
