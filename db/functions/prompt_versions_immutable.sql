-- Every inference names the version that produced it, so a version's content can never change under it.
CREATE OR REPLACE FUNCTION prompt_versions_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.body IS DISTINCT FROM OLD.body OR NEW.provider IS DISTINCT FROM OLD.provider OR NEW.model IS DISTINCT FROM OLD.model
     OR NEW.params IS DISTINCT FROM OLD.params OR NEW.hash IS DISTINCT FROM OLD.hash OR NEW.key IS DISTINCT FROM OLD.key THEN
    RAISE EXCEPTION 'prompt version % is immutable: create a new version instead', OLD.key USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END
$$;

-- The trigger is created here, not in a migration, because it needs its function, and functions are created after
-- the migrations have run.
CREATE OR REPLACE TRIGGER prompt_versions_immutable BEFORE UPDATE ON prompt_versions FOR EACH ROW EXECUTE FUNCTION prompt_versions_immutable();
