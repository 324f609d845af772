import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { sql } from "drizzle-orm";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { migrate as migratePostgres } from "drizzle-orm/postgres-js/migrator";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import type { Database } from "./client";

export const MIGRATIONS_FOLDER = path.join(process.cwd(), "db", "migrations");
export const FUNCTIONS_FOLDER = path.join(process.cwd(), "db", "functions");
// Any constant works; it only has to be the same for every instance migrating this database.
const MIGRATION_LOCK = 7_302_417;

/**
 * The SQL functions, one file each holding the function's current definition (CREATE OR REPLACE), in file-name
 * order. They are created after the schema migrations, so a function may use any table or type, but a migration
 * cannot use a function (a fresh database has none yet); a function used by another when it is created (an
 * aggregate's state function, a trigger's function) sorts before it or shares its file.
 */
export function functionFiles(folder = FUNCTIONS_FOLDER): { name: string; sql: string }[] {
  // Read at run time from the checkout, never bundled: the markers keep the build's file tracer from taking a
  // runtime path for a module pattern and tracing the whole project.
  return readdirSync(/* turbopackIgnore: true */ folder)
    .filter((f) => f.endsWith(".sql"))
    .sort()
    .map((f) => {
      const file = path.join(/* turbopackIgnore: true */ folder, f);
      return { name: f.slice(0, -".sql".length), sql: readFileSync(/* turbopackIgnore: true */ file, "utf8") };
    });
}

/**
 * Applies the committed migrations, then every function file (in one transaction, so sessions see the old
 * functions or the new ones); safe to call from several instances at once on PostgreSQL. Re-applying a function
 * that has not changed leaves it as it was.
 */
export async function runMigrations(
  database: Database,
  migrationsFolder = MIGRATIONS_FOLDER,
  functionsFolder = FUNCTIONS_FOLDER,
): Promise<void> {
  const functions = functionFiles(functionsFolder);
  if (database.kind === "pglite") {
    await migratePglite(database.db as never, { migrationsFolder });
    await database.pglite!.transaction(async (tx) => {
      for (const f of functions) await tx.exec(f.sql);
    });
    return;
  }
  // One dedicated connection, so the advisory lock, the migration and the functions share a session.
  const single = postgres(database.url!, { max: 1, onnotice: () => {} });
  try {
    const db = drizzlePostgres({ client: single });
    await db.execute(sql`select pg_advisory_lock(${MIGRATION_LOCK})`);
    await migratePostgres(db, { migrationsFolder });
    await single.begin(async (tx) => {
      for (const f of functions) await tx.unsafe(f.sql).simple();
    });
    await db.execute(sql`select pg_advisory_unlock(${MIGRATION_LOCK})`);
  } finally {
    await single.end({ timeout: 5 });
  }
}
