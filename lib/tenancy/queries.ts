import { and, count, eq, sql } from "drizzle-orm";
import { getDatabase, getDb, type Database, type Db, type DbOrTx } from "@/db/client";
import { messages, plans, tenants, users } from "@/db/schema";

/**
 * The owner-role handle, which row-level security does not confine: for what runs before a tenant is known (a slug,
 * an API key, a login) or spans tenants (the super-admin console, the jobs). Tenant data is read through withTenant
 * (lib/tenancy/with-tenant.ts); every cross-tenant access is a call of this function, so a review can find them all.
 */
export const platformDb = (): Promise<Db> => getDb();

/** The same handle with its driver kind, for what needs more than queries (LISTEN/NOTIFY, analysis runs). */
export const platformDatabase = (): Promise<Database> => getDatabase();

// Tenant lookups by slug run as the owner role: the slug is how a request names its tenant, before any
// tenant transaction exists. Callers must still check the user belongs to the tenant (lib/auth/guards).
export async function findTenantBySlug(db: DbOrTx, slug: string) {
  const [row] = await db.select().from(tenants).where(eq(tenants.slug, slug)).limit(1);
  return row ?? null;
}

export async function findTenantById(db: DbOrTx, id: string) {
  const [row] = await db.select().from(tenants).where(eq(tenants.id, id)).limit(1);
  return row ?? null;
}

/**
 * The one lookup that enforces suspension on every session request (lib/tenancy/status.ts): by primary key, so it
 * stays an index probe however many tenants there are. Owner role, like the slug lookup: it runs before any tenant
 * transaction exists.
 */
export async function findTenantStatus(db: DbOrTx, tenantId: string) {
  const [row] = await db.select({ status: tenants.status }).from(tenants).where(eq(tenants.id, tenantId)).limit(1);
  return row?.status ?? null;
}

/** Super-admin console: every tenant with its plan, status, user and message counts. */
export async function listTenantsWithCounts(db: DbOrTx) {
  const userCounts = db
    .select({ tenantId: users.tenantId, userCount: count().as("user_count") })
    .from(users)
    .groupBy(users.tenantId)
    .as("uc");
  const messageCounts = db
    .select({ tenantId: messages.tenantId, messageCount: count().as("message_count") })
    .from(messages)
    .groupBy(messages.tenantId)
    .as("mc");
  return db
    .select({
      id: tenants.id,
      slug: tenants.slug,
      name: tenants.name,
      status: tenants.status,
      planCode: tenants.planCode,
      planName: plans.name,
      createdAt: tenants.createdAt,
      userCount: sql<number>`coalesce(${userCounts.userCount}, 0)`.mapWith(Number),
      messageCount: sql<number>`coalesce(${messageCounts.messageCount}, 0)`.mapWith(Number),
    })
    .from(tenants)
    .innerJoin(plans, eq(plans.code, tenants.planCode))
    .leftJoin(userCounts, eq(userCounts.tenantId, tenants.id))
    .leftJoin(messageCounts, eq(messageCounts.tenantId, tenants.id))
    .orderBy(tenants.name);
}

export async function listPlans(db: DbOrTx) {
  return db.select().from(plans).orderBy(plans.priceBrlCents);
}

export async function findPlan(db: DbOrTx, code: string) {
  const [row] = await db.select().from(plans).where(eq(plans.code, code)).limit(1);
  return row ?? null;
}

export async function insertTenant(db: DbOrTx, values: typeof tenants.$inferInsert) {
  const [row] = await db.insert(tenants).values(values).returning();
  return row!;
}

export async function updateTenantStatus(db: DbOrTx, id: string, status: "active" | "suspended") {
  const [row] = await db
    .update(tenants)
    .set({ status, statusChangedAt: new Date() })
    .where(eq(tenants.id, id))
    .returning({ id: tenants.id, slug: tenants.slug, status: tenants.status });
  return row ?? null;
}

/**
 * The dashboard's analysis backlog, read through the partial index of open analyses so it stays cheap with millions
 * of messages; runs inside withTenant, the tenant id filter is the first wall.
 */
export async function getAnalysisBacklog(tx: DbOrTx, tenantId: string): Promise<{ pending: number; failed: number }> {
  const [backlog] = await tx
    .select({
      pending: sql<number>`count(*) filter (where ${messages.analysisStatus} in ('pending', 'processing'))`.mapWith(
        Number,
      ),
      failed: sql<number>`count(*) filter (where ${messages.analysisStatus} = 'failed')`.mapWith(Number),
    })
    .from(messages)
    .where(
      and(eq(messages.tenantId, tenantId), sql`${messages.analysisStatus} in ('pending', 'processing', 'failed')`),
    );
  return backlog!;
}
