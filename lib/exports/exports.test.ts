import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { setDatabase, type Database } from "@/db/client";
import { seedDemoData } from "@/lib/demo/seed";
import { GET as exportRoute } from "@/app/api/v1/exports/[kind]/route";
import { createApiKey } from "@/lib/api-keys/service";
import { DEMO_API_KEY } from "@/lib/api-keys/keys";
import { parseCsv } from "@/scripts/eval/csv";
import { findTenantBySlug } from "@/lib/tenancy/queries";
import { createTestDatabase, dropTestTemplate } from "@/test/db";
import { toCsv } from "./csv";

vi.mock("@/lib/auth/auth", () => ({ auth: async () => null }));

const get = (kind: string, key: string, query = "") =>
  exportRoute(
    new Request(`http://evosense.test/api/v1/exports/${kind}${query}`, { headers: { authorization: `Bearer ${key}` } }),
    { params: Promise.resolve({ kind }) },
  );

describe("CSV exports", () => {
  let database: Database;
  let clinicaKey: string;
  beforeAll(async () => {
    database = await createTestDatabase();
    setDatabase(database);
    await seedDemoData(database.db, { now: new Date() });
    const clinica = (await findTenantBySlug(database.db, "clinica-vida"))!;
    clinicaKey = (await createApiKey(database.db, clinica.id, { id: null as unknown as string, email: "t" }, "t")).key;
  });
  afterAll(async () => {
    await database.close();
    await dropTestTemplate();
  });

  it("escapes quotes, separators and spreadsheet formulas", () => {
    const csv = toCsv(
      ["a", "b"],
      [
        ['say "hi", ok', "=HYPERLINK(1)"],
        [null, 3],
      ],
    );
    expect(csv.startsWith("\uFEFF")).toBe(true);
    expect(parseCsv(csv.slice(1))).toEqual([
      { a: 'say "hi", ok', b: "'=HYPERLINK(1)" },
      { a: "", b: "3" },
    ]);
  });

  it("exports one row per conversation and per message, for the current filters, only of the caller's tenant", async () => {
    const conversations = await get("conversations.csv", DEMO_API_KEY);
    expect(conversations.status).toBe(200);
    expect(conversations.headers.get("content-disposition")).toMatch(/evosense-loja-centro-conversations-/);
    const rows = parseCsv((await conversations.text()).replace(/^\uFEFF/, ""));
    expect(rows.length).toBe(40);
    expect(rows.every((r) => /^[0-9a-f-]{36}$/.test(r.conversation_id!))).toBe(true);
    const filtered = parseCsv(
      (await (await get("conversations.csv", DEMO_API_KEY, "?q=entrega")).text()).replace(/^\uFEFF/, ""),
    );
    expect(filtered.length).toBeGreaterThan(0);
    expect(filtered.length).toBeLessThan(rows.length);

    const messageRows = parseCsv(
      (await (await get("messages.csv", DEMO_API_KEY, "?q=entrega")).text()).replace(/^\uFEFF/, ""),
    );
    const ids = new Set(filtered.map((r) => r.conversation_id));
    expect(messageRows.length).toBeGreaterThan(filtered.length);
    expect(messageRows.every((m) => ids.has(m.conversation_id!))).toBe(true);

    const clinicaRes = await get("conversations.csv", clinicaKey);
    expect(clinicaRes.status).toBe(200);
    const clinica = parseCsv((await clinicaRes.text()).replace(/^\uFEFF/, ""));
    const lojaIds = new Set(rows.map((r) => r.conversation_id));
    expect(clinica.some((r) => lojaIds.has(r.conversation_id!))).toBe(false);
  });

  it("stops at the plan's daily limit with a clear message (Starter: 3)", async () => {
    // The earlier test used one of Clínica Vida's three exports of the day.
    for (let i = 0; i < 2; i++) expect((await get("messages.csv", clinicaKey)).status).toBe(200);
    const refused = await get("conversations.csv", clinicaKey);
    expect(refused.status).toBe(429);
    expect(await refused.json()).toMatchObject({ error: { code: "export_limit" } });
    // Another tenant's counter is its own (Loja Centro is on Pro: 20 a day).
    expect((await get("conversations.csv", DEMO_API_KEY)).status).toBe(200);
    expect((await get("nope.csv", DEMO_API_KEY)).status).toBe(404);
    expect((await get("conversations.csv", DEMO_API_KEY, "?emotion=furious")).status).toBe(422);
  });
});
