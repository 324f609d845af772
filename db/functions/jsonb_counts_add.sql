-- Adds count maps key by key ({"joy":2} + {"joy":-1,"anger":1} = {"joy":1,"anger":1}), dropping zeros, so rollup
-- upserts can move emotion/tone/bucket histograms by a delta in one statement. PL/pgSQL rather than SQL: a
-- SQL-language function is planned at every call, and this one runs on every stored message, while PL/pgSQL keeps
-- its statements' plans per session.
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
