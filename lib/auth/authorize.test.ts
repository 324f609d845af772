import { afterAll, afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { plans, tenants, users } from "@/db/schema";
import { hashPassword } from "@/lib/security/password";
import { createTestDatabase, dropTestTemplate } from "@/test/db";
import { authorizeCredentials, LOGIN_ATTEMPTS_PER_MINUTE, RateLimitedSignin, SuspendedTenantSignin } from "./authorize";

const limits = { connections: 1, retentionDays: 30, exportsPerDay: 3, analysesPerMonth: 1000, semanticSearch: false };

describe("credential login", () => {
  let database: Database;
  let tenantId: string;

  beforeEach(async () => {
    database = await createTestDatabase();
    await database.db.insert(plans).values({ code: "starter", name: "Starter", priceBrlCents: 1, limits });
    const [tenant] = await database.db
      .insert(tenants)
      .values({ slug: "loja", name: "Loja", planCode: "starter", planLimits: limits })
      .returning();
    tenantId = tenant!.id;
    const passwordHash = await hashPassword("correct horse battery");
    await database.db.insert(users).values([
      { email: "Ana@Loja.local", name: "Ana", role: "admin", tenantId, passwordHash },
      { email: "root@evosense.local", name: "Root", role: "super_admin", tenantId: null, passwordHash },
    ]);
  });
  afterEach(async () => database.close());
  afterAll(dropTestTemplate);

  it("returns the session user with role and tenant for the right password, e-mail case-insensitive", async () => {
    const user = await authorizeCredentials(database.db, { email: "ana@loja.local", password: "correct horse battery" }, "1.1.1.1");
    expect(user).toMatchObject({ email: "Ana@Loja.local", role: "admin", tenantId, tenantSlug: "loja" });
    const admin = await authorizeCredentials(database.db, { email: "root@evosense.local", password: "correct horse battery" }, "1.1.1.1");
    expect(admin).toMatchObject({ role: "super_admin", tenantId: null, tenantSlug: null });
  });

  it("rejects a wrong password, an unknown e-mail and malformed input", async () => {
    expect(await authorizeCredentials(database.db, { email: "ana@loja.local", password: "wrong" }, "1.1.1.1")).toBeNull();
    expect(await authorizeCredentials(database.db, { email: "nobody@loja.local", password: "x" }, "1.1.1.1")).toBeNull();
    expect(await authorizeCredentials(database.db, { email: "not-an-email", password: "x" }, "1.1.1.1")).toBeNull();
  });

  it("blocks the sixth attempt within a minute for the same IP and e-mail, even with the right password", async () => {
    for (let i = 0; i < LOGIN_ATTEMPTS_PER_MINUTE; i++) {
      expect(await authorizeCredentials(database.db, { email: "ana@loja.local", password: "wrong" }, "2.2.2.2")).toBeNull();
    }
    await expect(
      authorizeCredentials(database.db, { email: "ana@loja.local", password: "correct horse battery" }, "2.2.2.2"),
    ).rejects.toBeInstanceOf(RateLimitedSignin);
    // Another address is not punished for the flood.
    const other = await authorizeCredentials(database.db, { email: "ana@loja.local", password: "correct horse battery" }, "3.3.3.3");
    expect(other?.email).toBe("Ana@Loja.local");
  });

  it("refuses users of a suspended tenant with a distinct reason", async () => {
    await database.db.update(tenants).set({ status: "suspended" });
    await expect(
      authorizeCredentials(database.db, { email: "ana@loja.local", password: "correct horse battery" }, "4.4.4.4"),
    ).rejects.toBeInstanceOf(SuspendedTenantSignin);
  });
});
