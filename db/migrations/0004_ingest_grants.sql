GRANT SELECT, INSERT, UPDATE, DELETE ON pending_message_events, connection_events TO app_user;
--> statement-breakpoint
GRANT USAGE, SELECT ON SEQUENCE pending_message_events_id_seq, connection_events_id_seq TO app_user;
