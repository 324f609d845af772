CREATE EXTENSION IF NOT EXISTS vector;
--> statement-breakpoint
-- Roles are cluster-wide: several databases on one server (tests, staging) share app_user, and two of them
-- may migrate at the same moment, so "already exists" is success however it is reported.
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'app_user') THEN
    CREATE ROLE app_user NOLOGIN;
  END IF;
EXCEPTION WHEN duplicate_object OR unique_violation THEN
  NULL;
END
$$;
--> statement-breakpoint
-- The connecting role must be able to `SET ROLE app_user` inside tenant transactions.
DO $$
BEGIN
  EXECUTE format('GRANT app_user TO %I', current_user);
EXCEPTION WHEN others THEN
  RAISE NOTICE 'could not grant app_user to %: %', current_user, SQLERRM;
END
$$;
