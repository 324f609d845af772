import { eq, sql } from "drizzle-orm";
import { afterAll, afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { chats, connections, messages, tenants } from "@/db/schema";
import { createTestDatabase, dropTestTemplate, engine } from "@/test/db";
import { seedTenants } from "@/test/helpers/seed-tenants";
import { withTenant } from "./with-tenant";

/** A tenant with one connection, chat and message: a row of each kind for another tenant to try to reach. */
async function tenantWithMessage(database: Database, slug: string) {
  const [{ tenant, connection }] = await seedTenants(database.db, [{ slug, plan: "starter", connection: true }]);
  const [chat] = await database.db
    .insert(chats)
    .values({ tenantId: tenant.id, connectionId: connection.id, remoteJid: `${slug}@s.whatsapp.net` })
    .returning();
  await database.db.insert(messages).values({
    tenantId: tenant.id,
    connectionId: connection.id,
    chatId: chat!.id,
    externalId: `${slug}-1`,
    fromMe: false,
    type: "text",
    text: `mensagem de ${slug}`,
    sentAt: new Date(),
  });
  return { tenant, connection, chat: chat! };
}

describe(`row-level security (${engine})`, () => {
  let database: Database;
  let a: Awaited<ReturnType<typeof tenantWithMessage>>;
  let b: Awaited<ReturnType<typeof tenantWithMessage>>;

  beforeEach(async () => {
    database = await createTestDatabase();
    a = await tenantWithMessage(database, "tenant-a");
    b = await tenantWithMessage(database, "tenant-b");
  });
  afterEach(async () => database.close());
  afterAll(dropTestTemplate);

  it("a query without a WHERE clause sees only the current tenant's rows", async () => {
    const rows = await withTenant(a.tenant.id, (tx) => tx.select().from(messages), database.db);
    expect(rows.map((r) => r.externalId)).toEqual(["tenant-a-1"]);
    const tenantRows = await withTenant(b.tenant.id, (tx) => tx.select().from(tenants), database.db);
    expect(tenantRows.map((t) => t.slug)).toEqual(["tenant-b"]);
  });

  it("reading another tenant's row by id returns nothing", async () => {
    const rows = await withTenant(
      b.tenant.id,
      (tx) => tx.select().from(connections).where(eq(connections.id, a.connection.id)),
      database.db,
    );
    expect(rows).toEqual([]);
  });

  it("updates and deletes cannot touch another tenant's rows", async () => {
    await withTenant(b.tenant.id, (tx) => tx.update(messages).set({ text: "hacked" }), database.db);
    await withTenant(b.tenant.id, (tx) => tx.delete(chats).where(eq(chats.id, a.chat.id)), database.db);
    const [msg] = await database.db.select().from(messages).where(eq(messages.tenantId, a.tenant.id));
    expect(msg!.text).toBe("mensagem de tenant-a");
    const aChats = await database.db.select().from(chats).where(eq(chats.id, a.chat.id));
    expect(aChats).toHaveLength(1);
  });

  it("inserting a row for another tenant is rejected by the policy", async () => {
    const attempt = withTenant(
      b.tenant.id,
      (tx) =>
        tx
          .insert(chats)
          .values({ tenantId: a.tenant.id, connectionId: a.connection.id, remoteJid: "intruder@s.whatsapp.net" }),
      database.db,
    );
    await expect(attempt).rejects.toSatisfy((e: Error & { cause?: Error }) =>
      /row-level security/.test(e.cause?.message ?? e.message),
    );
  });

  it("without a tenant set, app_user sees nothing", async () => {
    const rows = await database.db.transaction(async (tx) => {
      await tx.execute(sql`set local role app_user`);
      return tx.select().from(messages);
    });
    expect(rows).toEqual([]);
  });

  it("the tenant setting and role do not outlive the transaction", async () => {
    await withTenant(a.tenant.id, async (tx) => tx.select().from(messages), database.db);
    const result = await database.db.execute<{ tenant: string | null; role: string }>(
      sql`select current_setting('app.tenant_id', true) as tenant, current_user as role`,
    );
    const row = (Array.isArray(result) ? result[0] : (result as { rows: unknown[] }).rows[0]) as {
      tenant: string | null;
      role: string;
    };
    expect(row.tenant ?? "").toBe("");
    expect(row.role).not.toBe("app_user");
  });

  it("rejects a malformed tenant id before touching the database", async () => {
    await expect(withTenant("not-a-uuid", async () => 1, database.db)).rejects.toThrow(/Invalid tenant id/);
  });
});
