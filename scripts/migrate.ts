// npm run db:migrate — applies committed migrations, then db/functions, to DATABASE_URL or to the embedded PGlite folder.
import { closeDatabase, getDatabase } from "../db/client";
import { runMigrations } from "../db/migrate";
import { ensureReferenceData } from "../lib/demo/seed";
import { env } from "../lib/env";

async function main() {
  const e = env();
  const database = await getDatabase();
  await runMigrations(database);
  await ensureReferenceData(database.db);
  console.log(`migrations applied (${e.databaseMode === "postgres" ? "PostgreSQL" : `PGlite in ${e.dataDir}/pg`})`);
  await closeDatabase();
}

main().catch(async (error) => {
  console.error((error as Error).message);
  await closeDatabase().catch(() => {});
  process.exit(1);
});
