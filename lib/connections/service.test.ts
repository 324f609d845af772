import { eq } from "drizzle-orm";
import { afterAll, afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { auditLog, connections, type tenants } from "@/db/schema";
import { decryptSecret } from "@/lib/security/crypto";
import type { Resolver } from "@/lib/security/outbound-url";
import { createTestDatabase, dropTestTemplate } from "@/test/db";
import { seedTenants } from "@/test/helpers/seed-tenants";
import { ConnectionError, createConnection, deleteConnection, listConnectionViews, updateConnection } from "./service";

const actor = { id: null as unknown as string, email: "admin@a.local" };
const base = { evolutionBaseUrl: "https://evo.example.com/", instanceToken: "token-1234567890" };

describe("Evolution connections", () => {
  let database: Database;
  let a: typeof tenants.$inferSelect;
  let b: typeof tenants.$inferSelect;

  beforeEach(async () => {
    database = await createTestDatabase();
    // Two connections allowed, so the third is the one refused.
    [{ tenant: a }, { tenant: b }] = await seedTenants(
      database.db,
      [
        { slug: "a", name: "A" },
        { slug: "b", name: "B" },
      ],
      { plan: "starter", limits: { connections: 2 } },
    );
  });
  afterEach(async () => database.close());
  afterAll(dropTestTemplate);

  it("stores the instance token and a generated webhook secret encrypted, and shows only a token hint", async () => {
    const row = await createConnection(database.db, a, actor, { name: "Loja", instanceName: "loja-a", ...base });
    expect(row.evolutionBaseUrl).toBe("https://evo.example.com/");
    expect(row.instanceTokenEnc).not.toContain("token-1234567890");
    expect(decryptSecret(row.instanceTokenEnc)).toBe("token-1234567890");
    const [view] = await listConnectionViews(database.db, a.id);
    expect(view).toMatchObject({ instanceName: "loja-a", tokenHint: "••••7890" });
    expect(view!.webhookSecret.length).toBeGreaterThanOrEqual(40);
    expect(JSON.stringify(view)).not.toContain("token-1234567890");
    const audit = await database.db.select().from(auditLog).where(eq(auditLog.targetId, row.id));
    expect(audit.map((e) => e.action)).toEqual(["connection.create"]);
  });

  it("refuses an instance name already used by any tenant", async () => {
    await createConnection(database.db, a, actor, { name: "Loja", instanceName: "shared", ...base });
    await expect(
      createConnection(database.db, b, actor, { name: "Other", instanceName: "shared", ...base }),
    ).rejects.toMatchObject({ code: "instance_taken" });
  });

  it("enforces the plan's connection limit", async () => {
    await createConnection(database.db, a, actor, { name: "1", instanceName: "a-1", ...base });
    await createConnection(database.db, a, actor, { name: "2", instanceName: "a-2", ...base });
    await expect(
      createConnection(database.db, a, actor, { name: "3", instanceName: "a-3", ...base }),
    ).rejects.toBeInstanceOf(ConnectionError);
    // An unlimited plan (null) has no cap.
    await createConnection(database.db, { ...b, planLimits: { ...b.planLimits, connections: null } }, actor, {
      name: "b1",
      instanceName: "b-1",
      ...base,
    });
  });

  it("keeps the stored token when an edit leaves it empty, and replaces it when given", async () => {
    const row = await createConnection(database.db, a, actor, { name: "Loja", instanceName: "loja-a", ...base });
    await updateConnection(database.db, a, actor, {
      connectionId: row.id,
      name: "Loja 2",
      instanceName: "loja-a",
      evolutionBaseUrl: "https://evo2.example.com",
    });
    let [stored] = await database.db.select().from(connections);
    expect(stored!.name).toBe("Loja 2");
    expect(decryptSecret(stored!.instanceTokenEnc)).toBe("token-1234567890");
    await updateConnection(database.db, a, actor, {
      connectionId: row.id,
      name: "Loja 2",
      instanceName: "loja-a",
      evolutionBaseUrl: "https://evo2.example.com",
      instanceToken: "new-token-abcdef",
    });
    [stored] = await database.db.select().from(connections);
    expect(decryptSecret(stored!.instanceTokenEnc)).toBe("new-token-abcdef");
  });

  describe("the Evolution base URL", () => {
    const resolve: Resolver = async (hostname) => [
      { address: hostname === "evo.lan.example" ? "10.0.0.7" : "203.0.114.10", family: 4 },
    ];
    const production = { allowedHosts: [], resolve };

    it.each([
      "http://169.254.169.254",
      "http://127.0.0.1:8080",
      "http://2130706433:8080",
      "http://[::ffff:10.0.0.1]",
      "https://evo.lan.example",
      "https://user:pass@evo.example.com",
    ])("refuses %s on create, storing nothing", async (evolutionBaseUrl) => {
      const attempt = createConnection(
        database.db,
        a,
        actor,
        { name: "Loja", instanceName: "loja-a", ...base, evolutionBaseUrl },
        production,
      );
      await expect(attempt).rejects.toMatchObject({ code: "outbound_url_refused" });
      expect(await database.db.select().from(connections)).toEqual([]);
    });

    it("refuses an edit that points the connection at a private address, keeping the stored URL", async () => {
      const row = await createConnection(
        database.db,
        a,
        actor,
        { name: "Loja", instanceName: "loja-a", ...base },
        production,
      );
      const edit = updateConnection(
        database.db,
        a,
        actor,
        { connectionId: row.id, name: "Loja", instanceName: "loja-a", evolutionBaseUrl: "https://evo.lan.example" },
        production,
      );
      await expect(edit).rejects.toMatchObject({
        code: "outbound_url_refused",
        detail: "evo.lan.example resolves to 10.0.0.7, which is a private address",
      });
      const [stored] = await database.db.select().from(connections);
      expect(stored!.evolutionBaseUrl).toBe("https://evo.example.com/");
    });

    it("accepts a private address that OUTBOUND_ALLOWED_HOSTS lists", async () => {
      const row = await createConnection(
        database.db,
        a,
        actor,
        { name: "Loja", instanceName: "loja-a", ...base, evolutionBaseUrl: "https://evo.lan.example" },
        { allowedHosts: ["evo.lan.example"], resolve },
      );
      expect(row.evolutionBaseUrl).toBe("https://evo.lan.example");
    });
  });

  it("tenant B can neither see, edit nor delete tenant A's connection", async () => {
    const row = await createConnection(database.db, a, actor, { name: "Loja", instanceName: "loja-a", ...base });
    expect(await listConnectionViews(database.db, b.id)).toEqual([]);
    await expect(
      updateConnection(database.db, b, actor, {
        connectionId: row.id,
        name: "hacked",
        instanceName: "loja-a",
        evolutionBaseUrl: "https://x.example.com",
      }),
    ).rejects.toMatchObject({ code: "not_found" });
    await expect(deleteConnection(database.db, b, actor, row.id)).rejects.toMatchObject({ code: "not_found" });
    const [stored] = await database.db.select().from(connections);
    expect(stored).toMatchObject({ id: row.id, name: "Loja", tenantId: a.id });
    await deleteConnection(database.db, a, actor, row.id);
    expect(await database.db.select().from(connections)).toEqual([]);
  });
});
