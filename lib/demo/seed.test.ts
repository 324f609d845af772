import { eq } from "drizzle-orm";
import { afterAll, afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { decryptSecret } from "@/lib/security/crypto";
import { verifyPassword } from "@/lib/security/password";
import { hashPhone, maskPhone } from "@/lib/security/phone";
import { createTestDatabase, dropTestTemplate } from "@/test/db";
import { connections, messages, outbox, plans, tenants, users } from "../../db/schema";
import { DEMO_PASSWORD, seedDemoData } from "./seed";

const now = new Date("2026-11-22T12:00:00Z");

describe("demo data", () => {
  let database: Database;
  beforeEach(async () => {
    database = await createTestDatabase();
  });
  afterEach(async () => database.close());
  afterAll(dropTestTemplate);

  it("creates the demo tenants, logins, connections and a few hundred unscored messages, once", async () => {
    const lines: string[] = [];
    expect(await seedDemoData(database.db, { now, log: (l) => lines.push(l) })).toEqual({ created: true });
    expect(lines.join("\n")).toContain("admin@lojacentro.local");

    expect((await database.db.select().from(plans)).map((p) => p.code).sort()).toEqual([
      "enterprise",
      "pro",
      "scale",
      "starter",
    ]);
    const tenantRows = await database.db.select().from(tenants).orderBy(tenants.slug);
    expect(tenantRows.map((t) => [t.slug, t.planCode])).toEqual([
      ["clinica-vida", "starter"],
      ["loja-centro", "pro"],
    ]);

    const userRows = await database.db.select().from(users).orderBy(users.email);
    const bySlug = Object.fromEntries(tenantRows.map((t) => [t.id, t.slug]));
    expect(userRows.map((u) => [u.email, u.role, u.tenantId ? bySlug[u.tenantId] : null])).toEqual([
      ["admin@clinicavida.local", "admin", "clinica-vida"],
      ["admin@evosense.local", "super_admin", null],
      ["admin@lojacentro.local", "admin", "loja-centro"],
      ["viewer@lojacentro.local", "viewer", "loja-centro"],
    ]);
    expect(await verifyPassword(DEMO_PASSWORD, userRows[0]!.passwordHash)).toBe(true);

    const connectionRows = await database.db.select().from(connections).orderBy(connections.instanceName);
    expect(connectionRows.map((c) => c.instanceName)).toEqual(["clinica-vida", "loja-centro"]);
    for (const c of connectionRows) expect(decryptSecret(c.webhookSecretEnc)).toBe("demo-webhook-secret");

    const messageRows = await database.db.select().from(messages);
    expect(messageRows.length).toBeGreaterThanOrEqual(250);
    const thirtyDaysAgo = now.getTime() - 30 * 24 * 3600 * 1000;
    for (const m of messageRows) {
      expect(m.sentAt.getTime()).toBeGreaterThanOrEqual(thirtyDaysAgo);
      expect(m.sentAt.getTime()).toBeLessThanOrEqual(now.getTime());
      expect(m.sentiment).toBeNull();
      expect(m.satisfaction).toBeNull();
    }
    const pending = messageRows.filter((m) => m.analysisStatus === "pending");
    expect(pending.length).toBe(messageRows.filter((m) => !m.fromMe).length);
    const events = await database.db.select().from(outbox).where(eq(outbox.name, "message/received"));
    expect(new Set(events.map((e) => e.data.messageId))).toEqual(new Set(pending.map((m) => m.id)));

    expect(await seedDemoData(database.db, { now })).toEqual({ created: false });
    expect(await database.db.select().from(messages)).toHaveLength(messageRows.length);
  });
});

describe("phone privacy", () => {
  it("masks Brazilian mobile and landline numbers for display", () => {
    expect(maskPhone("5511987654321")).toBe("+55 11 9****-4321");
    expect(maskPhone("551133334444@s.whatsapp.net")).toBe("+55 11 3****-4444");
  });

  it("hashes with a key: stable for the same key, different across keys, format-insensitive", () => {
    expect(hashPhone("+55 (11) 98765-4321", "k1")).toBe(hashPhone("5511987654321", "k1"));
    expect(hashPhone("5511987654321", "k1")).not.toBe(hashPhone("5511987654321", "k2"));
    expect(hashPhone("5511987654321", "k1")).not.toContain("98765");
  });
});
