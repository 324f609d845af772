-- Which of a day's 8 row shards a write goes to: one per transaction (its id modulo 8) rather than one at random per
-- write. Stores are group-committed (lib/ingest/group-commit.ts): one transaction writes many messages, and with a
-- random shard per write it would lock most of a day's shards in a random order, so two concurrent batches would
-- deadlock. With one shard per transaction a batch holds one row per rollup key, and consecutive transactions
-- still spread over all 8.
CREATE OR REPLACE FUNCTION rollup_shard() RETURNS smallint
LANGUAGE plpgsql VOLATILE AS $$
BEGIN
  RETURN (txid_current() % 8)::smallint;
END
$$;
