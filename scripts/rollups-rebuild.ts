// npm run rollups:rebuild [-- <tenant-slug>] — recomputes daily and chat rollups from the messages, for one tenant
// or all. Safe while the app runs on PostgreSQL (one transaction); stop the server first on embedded PGlite.
import { eq } from "drizzle-orm";
import { closeDatabase, getDatabase } from "../db/client";
import { tenants } from "../db/schema";
import { rebuildRollups } from "../lib/rollups/rebuild";

async function main() {
  const { db } = await getDatabase();
  const slug = process.argv[2];
  let tenantId: string | null = null;
  if (slug) {
    const [tenant] = await db.select({ id: tenants.id }).from(tenants).where(eq(tenants.slug, slug));
    if (!tenant) throw new Error(`no tenant with slug "${slug}"`);
    tenantId = tenant.id;
  }
  const started = performance.now();
  const result = await rebuildRollups(db, tenantId);
  console.log(
    `rollups rebuilt${slug ? ` for ${slug}` : ""}: ${result.days} connection-days, ${result.chats} chats in ${(performance.now() - started).toFixed(0)} ms`,
  );
  await closeDatabase();
}

main().catch(async (error) => {
  console.error((error as Error).message);
  await closeDatabase().catch(() => {});
  process.exit(1);
});
