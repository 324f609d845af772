-- Sums count maps over rows, key by key (jsonb_counts_add): compact_daily_rollups folds a day's shards with it.
CREATE OR REPLACE AGGREGATE jsonb_counts_sum(jsonb) (SFUNC = jsonb_counts_add, STYPE = jsonb, INITCOND = '{}');
