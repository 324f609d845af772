import { eq } from "drizzle-orm";
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { setDatabase, type Database } from "@/db/client";
import { apiKeys, users } from "@/db/schema";
import { seedDemoData } from "@/lib/demo/seed";
import { createApiKeyAction } from "@/app/(app)/t/[tenant]/settings/api-keys/actions";
import { setTenantStatus } from "@/lib/tenancy/admin";
import { findTenantBySlug } from "@/lib/tenancy/queries";
import { createTestDatabase, dropTestTemplate } from "@/test/db";
import type { SessionUser } from "./roles";

const session = vi.hoisted(() => ({ current: null as null | { user: SessionUser } }));
vi.mock("server-only", () => ({}));
vi.mock("@/lib/auth/auth", () => ({ auth: async () => session.current }));
vi.mock("next/headers", () => ({ headers: async () => new Headers() }));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));

const { SUSPENDED_PATH, requireTenant, tenantAction } = await import("./guards");

/** Next's redirect() and notFound() throw; the digest says where to. */
async function outcome(run: Promise<unknown>): Promise<string> {
  try {
    await run;
    return "served";
  } catch (e) {
    const digest = String((e as { digest?: unknown }).digest ?? "");
    if (digest.startsWith("NEXT_REDIRECT")) return `redirect ${digest.split(";")[2]}`;
    if (digest.startsWith("NEXT_HTTP_ERROR_FALLBACK;404")) return "404";
    throw e;
  }
}

const form = (fields: Record<string, string>) => {
  const data = new FormData();
  for (const [k, v] of Object.entries(fields)) data.set(k, v);
  return data;
};

describe("suspension in the page and action guards", () => {
  let database: Database;
  let lojaId: string;
  let clinicaId: string;
  const ops = { id: null as unknown as string, email: "ops@evosense.local" };
  const suspend = (id: string) => setTenantStatus(database.db, ops, id, "suspended");
  const reactivate = (id: string) => setTenantStatus(database.db, ops, id, "active");
  const logIn = async (email: string) => {
    const [u] = await database.db.select().from(users).where(eq(users.email, email));
    const slug = u!.tenantId === lojaId ? "loja-centro" : u!.tenantId === clinicaId ? "clinica-vida" : null;
    session.current = {
      user: { id: u!.id, email: u!.email, name: u!.name, role: u!.role, tenantId: u!.tenantId, tenantSlug: slug },
    };
  };
  const keysOf = async (tenantId: string) =>
    (await database.db.select().from(apiKeys).where(eq(apiKeys.tenantId, tenantId))).length;

  beforeEach(async () => {
    database = await createTestDatabase();
    setDatabase(database);
    await seedDemoData(database.db, { now: new Date() });
    lojaId = (await findTenantBySlug(database.db, "loja-centro"))!.id;
    clinicaId = (await findTenantBySlug(database.db, "clinica-vida"))!.id;
    session.current = null;
  });
  afterEach(async () => database.close());
  afterAll(dropTestTemplate);

  it("sends an open session to the suspension page on its next request, and back to its data after reactivation", async () => {
    await logIn("viewer@lojacentro.local");
    expect(await outcome(requireTenant("loja-centro"))).toBe("served");
    await suspend(lojaId);
    expect(await outcome(requireTenant("loja-centro"))).toBe(`redirect ${SUSPENDED_PATH}`);
    await reactivate(lojaId);
    expect(await outcome(requireTenant("loja-centro"))).toBe("served");
  });

  it("keeps another tenant's slug a 404, suspended or not: its status is not revealed", async () => {
    await suspend(clinicaId);
    await logIn("admin@lojacentro.local");
    expect(await outcome(requireTenant("clinica-vida"))).toBe("404");
    expect(await outcome(requireTenant("loja-centro"))).toBe("served");
  });

  it("lets a super-admin open a suspended tenant (support)", async () => {
    await suspend(lojaId);
    await logIn("admin@evosense.local");
    expect(await outcome(requireTenant("loja-centro", ["admin"]))).toBe("served");
  });

  it("refuses a suspended tenant's server action with tenant_suspended, changing nothing, and not another tenant's", async () => {
    await logIn("admin@lojacentro.local");
    const before = await keysOf(lojaId);
    expect(await createApiKeyAction({}, form({ tenant: "loja-centro", name: "antes" }))).toMatchObject({ ok: true });
    await suspend(lojaId);
    expect(await createApiKeyAction({}, form({ tenant: "loja-centro", name: "durante" }))).toEqual({
      error: "tenant_suspended",
      at: expect.any(Number),
    });
    expect(await keysOf(lojaId)).toBe(before + 1);

    await logIn("admin@clinicavida.local");
    expect(await createApiKeyAction({}, form({ tenant: "clinica-vida", name: "vizinho" }))).toMatchObject({ ok: true });

    await logIn("admin@lojacentro.local");
    await reactivate(lojaId);
    expect(await createApiKeyAction({}, form({ tenant: "loja-centro", name: "depois" }))).toMatchObject({ ok: true });
    expect(await keysOf(lojaId)).toBe(before + 2);
  });

  it("checks the suspension before validating the form, and after membership", async () => {
    const run = vi.fn(async () => undefined);
    const action = tenantAction(z.object({ name: z.string().min(3) }), run);
    await suspend(lojaId);
    await logIn("admin@lojacentro.local");
    expect(await action({}, form({ tenant: "loja-centro", name: "" }))).toMatchObject({ error: "tenant_suspended" });
    await logIn("admin@clinicavida.local");
    expect(await action({}, form({ tenant: "loja-centro", name: "abc" }))).toMatchObject({ error: "forbidden" });
    await logIn("admin@evosense.local");
    expect(await action({}, form({ tenant: "loja-centro", name: "abc" }))).toMatchObject({ ok: true });
    expect(run).toHaveBeenCalledTimes(1);
  });
});
