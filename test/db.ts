import { randomBytes } from "node:crypto";
import { PGlite } from "@electric-sql/pglite";
import { vector } from "@electric-sql/pglite-pgvector";
import postgres from "postgres";
import { fromPglite, openPostgres, type Database } from "@/db/client";
import { runMigrations } from "@/db/migrate";
import { ensureDefaultPromptVersion } from "@/lib/analysis/prompt-versions";

/**
 * A migrated, empty database for one test. With TEST_DATABASE_URL the suite runs on native PostgreSQL
 * (a new database per call, cloned from a migrated template); otherwise on PGlite, where a fresh instance
 * takes seconds, so each test file boots and migrates one template and clones it. The default prompt version is
 * there, as after any migration; plans are not, so tests choose their own.
 */
export const engine: "postgres" | "pglite" = process.env.TEST_DATABASE_URL ? "postgres" : "pglite";

let pgliteTemplate: Promise<PGlite> | undefined;
let pgTemplate: Promise<string> | undefined;

async function migratedPgliteTemplate(): Promise<PGlite> {
  const pglite = await PGlite.create("memory://", { extensions: { vector } });
  const database = fromPglite(pglite);
  await runMigrations(database);
  await ensureDefaultPromptVersion(database.db);
  return pglite;
}

function adminUrl(database: string): string {
  const url = new URL(process.env.TEST_DATABASE_URL!);
  url.pathname = `/${database}`;
  return url.toString();
}

async function migratedPostgresTemplate(): Promise<string> {
  const name = `evosense_tpl_${process.pid}_${randomBytes(3).toString("hex")}`;
  const admin = postgres(process.env.TEST_DATABASE_URL!, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  await admin.end();
  const database = openPostgres(adminUrl(name), 2);
  await runMigrations(database);
  await ensureDefaultPromptVersion(database.db);
  await database.close();
  return name;
}

export async function createTestDatabase(): Promise<Database> {
  if (engine === "pglite") {
    pgliteTemplate ??= migratedPgliteTemplate();
    return fromPglite((await (await pgliteTemplate).clone()) as PGlite);
  }
  pgTemplate ??= migratedPostgresTemplate();
  const template = await pgTemplate;
  const name = `evosense_t_${randomBytes(5).toString("hex")}`;
  const admin = postgres(process.env.TEST_DATABASE_URL!, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name} template ${template}`);
  await admin.end();
  const database = openPostgres(adminUrl(name), 5);
  return {
    ...database,
    close: async () => {
      await database.close();
      const cleanup = postgres(process.env.TEST_DATABASE_URL!, { max: 1, onnotice: () => {} });
      await cleanup.unsafe(`drop database if exists ${name} with (force)`);
      await cleanup.end();
    },
  };
}

/** Drops the per-file template on native PostgreSQL; call from afterAll. */
export async function dropTestTemplate(): Promise<void> {
  if (engine !== "postgres" || !pgTemplate) return;
  const name = await pgTemplate;
  const admin = postgres(process.env.TEST_DATABASE_URL!, { max: 1, onnotice: () => {} });
  await admin.unsafe(`drop database if exists ${name} with (force)`);
  await admin.end();
}
