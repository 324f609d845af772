import { eq } from "drizzle-orm";
import { afterAll, afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { auditLog, outbox, plans, tenants, users } from "@/db/schema";
import { verifyPassword } from "@/lib/security/password";
import { createTestDatabase, dropTestTemplate } from "@/test/db";
import { ConflictError, createTenant, createTenantUser, setTenantStatus } from "./admin";
import { DEFAULT_PLANS } from "./plans";
import { listTenantsWithCounts } from "./queries";
import { setStoredText } from "./settings";

const actor = { id: null as unknown as string, email: "root@evosense.local" };

describe("super-admin tenant management", () => {
  let database: Database;
  beforeEach(async () => {
    database = await createTestDatabase();
    await database.db.insert(plans).values(DEFAULT_PLANS);
  });
  afterEach(async () => database.close());
  afterAll(dropTestTemplate);

  it("creates a tenant with a snapshot of its plan, a tenant/created event and an audit entry, in one go", async () => {
    const tenant = await createTenant(database.db, actor, {
      name: "Padaria Sol",
      slug: "padaria-sol",
      planCode: "pro",
      timezone: "America/Sao_Paulo",
    });
    expect(tenant.planLimits).toEqual(DEFAULT_PLANS.find((p) => p.code === "pro")!.limits);
    const events = await database.db.select().from(outbox).where(eq(outbox.name, "tenant/created"));
    expect(events.map((e) => e.data)).toEqual([{ tenantId: tenant.id }]);
    const audit = await database.db.select().from(auditLog).where(eq(auditLog.targetId, tenant.id));
    expect(audit.map((a) => a.action)).toEqual(["tenant.create"]);
  });

  it("refuses a duplicate slug and leaves nothing half-written", async () => {
    await createTenant(database.db, actor, {
      name: "A",
      slug: "loja",
      planCode: "starter",
      timezone: "America/Sao_Paulo",
    });
    await expect(
      createTenant(database.db, actor, { name: "B", slug: "loja", planCode: "starter", timezone: "America/Sao_Paulo" }),
    ).rejects.toBeInstanceOf(ConflictError);
    expect(await database.db.select().from(tenants)).toHaveLength(1);
    expect(await database.db.select().from(outbox)).toHaveLength(1);
  });

  it("creates a user with a hashed password and refuses a duplicate e-mail in any case", async () => {
    const tenant = await createTenant(database.db, actor, {
      name: "A",
      slug: "loja",
      planCode: "starter",
      timezone: "America/Sao_Paulo",
    });
    await createTenantUser(database.db, actor, {
      tenantId: tenant.id,
      name: "Ana",
      email: "Ana@Loja.local",
      role: "viewer",
      password: "uma-senha-longa",
    });
    const [user] = await database.db.select().from(users);
    expect(user!.email).toBe("ana@loja.local");
    expect(await verifyPassword("uma-senha-longa", user!.passwordHash)).toBe(true);
    await expect(
      createTenantUser(database.db, actor, {
        tenantId: tenant.id,
        name: "Ana 2",
        email: "ANA@loja.local",
        role: "admin",
        password: "outra-senha-longa",
      }),
    ).rejects.toBeInstanceOf(ConflictError);
  });

  it("suspends and reactivates with audit entries; reactivation queues tenant/reactivated", async () => {
    const tenant = await createTenant(database.db, actor, {
      name: "A",
      slug: "loja",
      planCode: "starter",
      timezone: "America/Sao_Paulo",
    });
    await setTenantStatus(database.db, actor, tenant.id, "suspended");
    expect((await database.db.select().from(tenants))[0]!.status).toBe("suspended");
    await setTenantStatus(database.db, actor, tenant.id, "active");
    expect((await database.db.select().from(tenants))[0]!.status).toBe("active");
    const actions = (await database.db.select().from(auditLog).orderBy(auditLog.id)).map((a) => a.action);
    expect(actions).toEqual(["tenant.create", "tenant.suspend", "tenant.reactivate"]);
    const reactivated = await database.db.select().from(outbox).where(eq(outbox.name, "tenant/reactivated"));
    expect(reactivated).toHaveLength(1);
  });

  it("lists tenants with their plan, status and user and message counts", async () => {
    const a = await createTenant(database.db, actor, {
      name: "Alfa",
      slug: "alfa",
      planCode: "pro",
      timezone: "America/Sao_Paulo",
    });
    await createTenant(database.db, actor, {
      name: "Beta",
      slug: "beta",
      planCode: "starter",
      timezone: "America/Sao_Paulo",
    });
    await createTenantUser(database.db, actor, {
      tenantId: a.id,
      name: "Ana",
      email: "ana@alfa.local",
      role: "admin",
      password: "uma-senha-longa",
    });
    await createTenantUser(database.db, actor, {
      tenantId: a.id,
      name: "Bia",
      email: "bia@alfa.local",
      role: "viewer",
      password: "uma-senha-longa",
    });
    const rows = await listTenantsWithCounts(database.db);
    expect(rows.map((r) => [r.slug, r.planName, r.status, r.userCount, r.messageCount])).toEqual([
      ["alfa", "Pro", "active", 2, 0],
      ["beta", "Starter", "active", 0, 0],
    ]);
  });

  it("switches the stored text to redacted without losing other settings, audit-logged", async () => {
    const tenant = await createTenant(database.db, actor, {
      name: "A",
      slug: "loja",
      planCode: "starter",
      timezone: "America/Sao_Paulo",
    });
    await database.db.update(tenants).set({ settings: { analysisConcurrency: 7 } });
    await setStoredText(database.db, tenant.id, actor, "redacted");
    const [after] = await database.db.select().from(tenants);
    expect(after!.settings).toEqual({ analysisConcurrency: 7, storedText: "redacted" });
    expect((await database.db.select().from(auditLog)).map((a) => a.action)).toContain("tenant.stored_text");
  });
});
