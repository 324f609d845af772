import { eq, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { tenants, users } from "@/db/schema";
import type { Role } from "@/lib/auth/roles";

/** Login lookup: runs as the owner role because the tenant is not known before the user is. */
export async function findLoginUser(db: DbOrTx, email: string) {
  const [row] = await db
    .select({
      id: users.id,
      email: users.email,
      name: users.name,
      role: users.role,
      passwordHash: users.passwordHash,
      tenantId: users.tenantId,
      tenantSlug: tenants.slug,
      tenantStatus: tenants.status,
    })
    .from(users)
    .leftJoin(tenants, eq(tenants.id, users.tenantId))
    .where(eq(sql`lower(${users.email})`, email.toLowerCase()))
    .limit(1);
  return row ?? null;
}

export async function touchLastLogin(db: DbOrTx, userId: string) {
  await db.update(users).set({ lastLoginAt: new Date() }).where(eq(users.id, userId));
}

export type NewUser = { tenantId: string | null; email: string; name: string; role: Role; passwordHash: string };

export async function insertUser(db: DbOrTx, user: NewUser) {
  const [row] = await db
    .insert(users)
    .values({ ...user, email: user.email.toLowerCase() })
    .returning({ id: users.id, email: users.email, role: users.role, tenantId: users.tenantId });
  return row!;
}

export async function emailTaken(db: DbOrTx, email: string): Promise<boolean> {
  const [row] = await db
    .select({ id: users.id })
    .from(users)
    .where(eq(sql`lower(${users.email})`, email.toLowerCase()))
    .limit(1);
  return Boolean(row);
}
