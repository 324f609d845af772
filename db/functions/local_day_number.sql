-- A tenant-local calendar day as a number (days since 2000-01-01 there), for chats.active_days.
CREATE OR REPLACE FUNCTION local_day_number(at timestamptz, tz text) RETURNS integer
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT ((at AT TIME ZONE tz)::date - date '2000-01-01')
$$;
