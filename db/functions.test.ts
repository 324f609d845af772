import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { sql } from "drizzle-orm";
import { getTableConfig } from "drizzle-orm/pg-core";
import { afterAll, afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { functionFiles, MIGRATIONS_FOLDER, runMigrations } from "@/db/migrate";
import { rowsOf } from "@/db/rows";
import { dailyRollups } from "@/db/schema";
import { emotionDayCode } from "@/lib/rollups/chat-days";
import { ROLLUP_COUNTERS, ROLLUP_HISTOGRAMS, ROLLUP_KEY } from "@/lib/scores/rollups";
import { EMOTIONS, TONES } from "@/lib/scores/vocabulary";
import { describeCatalog } from "@/test/catalog";
import { createTestDatabase, dropTestTemplate } from "@/test/db";

const DEFINES = /CREATE\s+(?:OR\s+REPLACE\s+)?(?:FUNCTION|AGGREGATE|PROCEDURE)\s+(?:public\.)?"?(\w+)"?\s*\(/gi;

const ROLLUP_MEASURES = [...ROLLUP_COUNTERS, ...ROLLUP_HISTOGRAMS];

async function definition(database: Database, name: string): Promise<string> {
  const [row] = rowsOf<{ def: string }>(
    await database.db.execute(sql`select pg_get_functiondef(${name}::regproc) as def`),
  );
  return row!.def;
}

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
      expect(
        [...f.sql.matchAll(DEFINES)].map((m) => m[1]),
        f.name,
      ).toEqual([f.name]);
      expect(f.sql, f.name).toMatch(/CREATE OR REPLACE (FUNCTION|AGGREGATE)/);
    }
    for (const file of readdirSync(MIGRATIONS_FOLDER).filter((f) => f.endsWith(".sql"))) {
      expect(
        [...readFileSync(path.join(MIGRATIONS_FOLDER, file), "utf8").matchAll(DEFINES)].map((m) => m[1]),
        file,
      ).toEqual([]);
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
      expect(found.map((r) => r.name).sort()).toEqual(
        functionFiles()
          .map((f) => f.name)
          .sort(),
      );
      expect(found.filter((r) => r.name === "ingest_message")).toEqual([
        { name: "ingest_message", args: "p jsonb, p_allow_pending boolean" },
      ]);
    });

    it("migrating again changes nothing", async () => {
      const before = await describeCatalog(database.db);
      await runMigrations(database);
      expect(await describeCatalog(database.db)).toBe(before);
    });

    it("code emotions by their position in lib/scores EMOTIONS, as lib/rollups/chat-days does", async () => {
      const listed = /ARRAY\[([^\]]*)\]/.exec(await definition(database, "emotion_day_code"))![1]!;
      expect(listed.split(",").map((e) => e.trim().replace(/^'|'(::text)?$/g, ""))).toEqual([...EMOTIONS]);
      const coded = rowsOf<{ emotion: string; code: number }>(
        await database.db.execute(
          sql`select e as emotion, emotion_day_code(e, 9000) as code from unnest(${sql.raw(`array[${EMOTIONS.map((e) => `'${e}'`).join(", ")}]`)}) e`,
        ),
      );
      expect(coded).toEqual(EMOTIONS.map((e) => ({ emotion: e, code: emotionDayCode(e, 9000) })));
      // A rebuild scores a message without an emotion or tone as neutral.
      expect(await definition(database, "rebuild_daily_rollups")).toContain(
        "coalesce(m.emotion, 'neutral') AS emotion",
      );
      expect(EMOTIONS).toContain("neutral");
      expect(TONES).toContain("neutral");
    });

    it("keep the daily_rollups columns of lib/scores, and compaction and the rebuild write every measure", async () => {
      const columns = rowsOf<{ name: string }>(
        await database.db.execute(
          sql`select column_name as name from information_schema.columns where table_schema = 'public' and table_name = 'daily_rollups'`,
        ),
      ).map((c) => c.name);
      const expected = [...ROLLUP_KEY, ...ROLLUP_MEASURES, "updated_at"].sort();
      expect(columns.sort()).toEqual(expected);
      expect(
        getTableConfig(dailyRollups)
          .columns.map((c) => c.name)
          .sort(),
      ).toEqual(expected);

      const compact = await definition(database, "compact_daily_rollups");
      for (const c of ROLLUP_COUNTERS) expect(compact, c).toContain(`sum(${c})`);
      for (const c of ROLLUP_HISTOGRAMS) expect(compact, c).toContain(`jsonb_counts_sum(${c})`);
      const inserted = (def: string) =>
        /INSERT INTO daily_rollups(?: AS r)? \(([^)]*)\)/
          .exec(def)![1]!
          .split(",")
          .map((c) => c.trim())
          .filter((c) => !ROLLUP_KEY.includes(c as never) && c !== "updated_at");
      expect(inserted(compact).sort()).toEqual([...ROLLUP_MEASURES].sort());
      expect(inserted(await definition(database, "rebuild_daily_rollups")).sort()).toEqual([...ROLLUP_MEASURES].sort());
    });
  });
});
