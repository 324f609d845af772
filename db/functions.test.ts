import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { functionFiles, MIGRATIONS_FOLDER, runMigrations } from "@/db/migrate";
import { rowsOf } from "@/db/rows";
import { describeCatalog } from "@/test/catalog";
import { createTestDatabase, dropTestTemplate } from "@/test/db";

const DEFINES = /CREATE\s+(?:OR\s+REPLACE\s+)?(?:FUNCTION|AGGREGATE|PROCEDURE)\s+(?:public\.)?"?(\w+)"?\s*\(/gi;

/** The app's routines in schema public (pgvector's are the extension's). */
async function routines(database: Database): Promise<{ name: string; args: string }[]> {
  return rowsOf<{ name: string; args: string }>(
    await database.db.execute(sql`
      select p.proname as name, pg_get_function_identity_arguments(p.oid) as args
      from pg_proc p join pg_namespace n on n.oid = p.pronamespace
      where n.nspname = 'public'
        and not exists (select 1 from pg_depend d where d.classid = 'pg_proc'::regclass and d.objid = p.oid and d.deptype = 'e')
`),
  );
}

describe("SQL functions", () => {
  it("are defined once each, in db/functions/<name>.sql, and never in a migration", () => {
    for (const f of functionFiles()) {
      expect([...f.sql.matchAll(DEFINES)].map((m) => m[1]), f.name).toEqual([f.name]);
      expect(f.sql, f.name).toMatch(/CREATE OR REPLACE (FUNCTION|AGGREGATE)/);
    }
    for (const file of readdirSync(MIGRATIONS_FOLDER).filter((f) => f.endsWith(".sql"))) {
      expect([...readFileSync(path.join(MIGRATIONS_FOLDER, file), "utf8").matchAll(DEFINES)].map((m) => m[1]), file).toEqual([]);
    }
  });

  describe("in a migrated database", () => {
    let database: Database;
    beforeEach(async () => {
      database = await createTestDatabase();
    });
    afterEach(async () => database.close());
    afterAll(dropTestTemplate);

    it("are exactly the files' functions, one overload each", async () => {
      const found = await routines(database);
      expect(found.map((r) => r.name).sort()).toEqual(functionFiles().map((f) => f.name).sort());
      expect(found.filter((r) => r.name === "ingest_message")).toEqual([{ name: "ingest_message", args: "p jsonb, p_allow_pending boolean" }]);
    });

    it("migrating again changes nothing", async () => {
      const before = await describeCatalog(database.db);
      await runMigrations(database);
      expect(await describeCatalog(database.db)).toBe(before);
    });
  });
});
