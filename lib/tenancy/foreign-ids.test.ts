import { eq } from "drizzle-orm";
import { afterAll, afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { apiKeys, connections, messages } from "@/db/schema";
import { seedDemoData } from "@/lib/demo/seed";
import { createApiKey, revokeApiKey } from "@/lib/api-keys/service";
import { ExportImportError, importWhatsAppExport } from "@/lib/history/export-import";
import { requestHistoryImport } from "@/lib/history/request-import";
import { findTenantBySlug } from "@/lib/tenancy/queries";
import { createTestDatabase, dropTestTemplate } from "@/test/db";

const EXPORT = "21/10/2025 14:00 - Cliente: Oi, meu pedido chegou?\n21/10/2025 14:01 - Loja: Chegou sim!\n";

/** Tenant B naming tenant A's ids: each answer is "not found", and nothing of A's changes. */
describe("ids of another tenant", () => {
  let database: Database;
  let loja: string;
  let clinica: string;
  const actor = { id: null as unknown as string, email: "test" };

  beforeEach(async () => {
    database = await createTestDatabase();
    await seedDemoData(database.db, { now: new Date() });
    loja = (await findTenantBySlug(database.db, "loja-centro"))!.id;
    clinica = (await findTenantBySlug(database.db, "clinica-vida"))!.id;
  });
  afterEach(async () => database.close());
  afterAll(dropTestTemplate);

  it("revoking another tenant's API key reports not found and revokes nothing", async () => {
    const { id } = await createApiKey(database.db, loja, actor, "loja-key");
    expect(await revokeApiKey(database.db, clinica, actor, id)).toBe(false);
    expect((await database.db.select().from(apiKeys).where(eq(apiKeys.id, id)))[0]!.revokedAt).toBeNull();
    expect(await revokeApiKey(database.db, loja, actor, id)).toBe(true);
    expect(await revokeApiKey(database.db, loja, actor, id)).toBe(false);
  });

  it("uploading an export into another tenant's connection is not_found, not a crash", async () => {
    const [lojaConnection] = await database.db.select().from(connections).where(eq(connections.tenantId, loja));
    const before = (await database.db.select().from(messages)).length;
    const attempt = importWhatsAppExport(database.db, clinica, lojaConnection!.id, {
      content: EXPORT,
      ownerName: "Loja",
    });
    await expect(attempt).rejects.toBeInstanceOf(ExportImportError);
    await expect(attempt).rejects.toMatchObject({ code: "not_found" });
    await expect(
      importWhatsAppExport(database.db, clinica, "00000000-0000-4000-8000-000000000000", {
        content: EXPORT,
        ownerName: "Loja",
      }),
    ).rejects.toMatchObject({ code: "not_found" });
    expect((await database.db.select().from(messages)).length).toBe(before);
  });

  it("importing history for another tenant's connection is refused", async () => {
    const [lojaConnection] = await database.db.select().from(connections).where(eq(connections.tenantId, loja));
    expect(await requestHistoryImport(database.db, clinica, actor, lojaConnection!.id)).toBeFalsy();
  });
});
