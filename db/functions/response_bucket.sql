-- Quarter-octave buckets of seconds (bucket b holds [2^(b/4) - 1, 2^((b+1)/4) - 1)): one definition, in SQL, for
-- the incremental path and the rebuild; lib/metrics reads the bounds back for the median.
CREATE OR REPLACE FUNCTION response_bucket(seconds integer) RETURNS integer
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT floor(4 * ln(greatest(seconds, 0) + 1) / ln(2))::int
$$;
