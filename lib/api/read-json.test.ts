import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { setDatabase, type Database } from "@/db/client";
import { connections } from "@/db/schema";
import { seedDemoData } from "@/lib/demo/seed";
import { POST as postConnection } from "@/app/api/v1/connections/route";
import { findTenantBySlug } from "@/lib/tenancy/queries";
import { createTestDatabase, dropTestTemplate } from "@/test/db";
import { readJsonBody } from "./read-json";

const session = vi.hoisted(() => ({ current: null as null | { user: Record<string, unknown> } }));
vi.mock("@/lib/auth/auth", () => ({ auth: async () => session.current }));

const ORIGIN = "http://evosense.test";
const request = (headers: Record<string, string>, body: string) =>
  new Request(`${ORIGIN}/api/v1/x`, { method: "POST", headers, body });
const errorOf = async (result: Awaited<ReturnType<typeof readJsonBody>>) =>
  result.ok
    ? null
    : {
        status: result.response.status,
        code: ((await result.response.json()) as { error: { code: string } }).error.code,
      };

describe("readJsonBody", () => {
  it("takes JSON from this app's origin, or from an API key caller without one", async () => {
    expect(
      await readJsonBody(request({ "content-type": "application/json", origin: ORIGIN }, '{"a":1}'), "session"),
    ).toEqual({ ok: true, value: { a: 1 } });
    expect(
      await readJsonBody(
        request({ "content-type": "application/json; charset=utf-8", "sec-fetch-site": "same-origin" }, "[]"),
        "session",
      ),
    ).toEqual({ ok: true, value: [] });
    expect(await readJsonBody(request({ "content-type": "application/vnd.api+json" }, "{}"), "api_key")).toEqual({
      ok: true,
      value: {},
    });
  });

  it("refuses a cookie-authenticated body from another site or without an origin", async () => {
    expect(
      await errorOf(
        await readJsonBody(
          request({ "content-type": "application/json", origin: "https://evil.example" }, "{}"),
          "session",
        ),
      ),
    ).toEqual({ status: 403, code: "cross_origin" });
    expect(await errorOf(await readJsonBody(request({ "content-type": "application/json" }, "{}"), "session"))).toEqual(
      { status: 403, code: "cross_origin" },
    );
    expect(
      await errorOf(
        await readJsonBody(
          request({ "content-type": "application/json", "sec-fetch-site": "cross-site" }, "{}"),
          "session",
        ),
      ),
    ).toEqual({ status: 403, code: "cross_origin" });
  });

  it("refuses other content types, large bodies and deep nesting", async () => {
    expect(
      await errorOf(await readJsonBody(request({ "content-type": "text/plain", origin: ORIGIN }, "{}"), "session")),
    ).toEqual({ status: 415, code: "unsupported_media_type" });
    expect(await errorOf(await readJsonBody(request({}, "{}"), "api_key"))).toEqual({
      status: 415,
      code: "unsupported_media_type",
    });
    const big = JSON.stringify({ t: "x".repeat(1024 * 1024) });
    expect(await errorOf(await readJsonBody(request({ "content-type": "application/json" }, big), "api_key"))).toEqual({
      status: 413,
      code: "payload_too_large",
    });
    const deep = "[".repeat(10_000) + "]".repeat(10_000);
    expect(await errorOf(await readJsonBody(request({ "content-type": "application/json" }, deep), "api_key"))).toEqual(
      { status: 400, code: "too_deep" },
    );
    expect(await errorOf(await readJsonBody(request({ "content-type": "application/json" }, "{"), "api_key"))).toEqual({
      status: 400,
      code: "invalid_json",
    });
  });
});

describe("a cross-site form post with the admin's cookie", () => {
  let database: Database;
  beforeEach(async () => {
    database = await createTestDatabase();
    setDatabase(database);
    await seedDemoData(database.db, { now: new Date() });
    const tenant = (await findTenantBySlug(database.db, "loja-centro"))!;
    session.current = { user: { id: "u1", role: "admin", tenantId: tenant.id, tenantSlug: tenant.slug } };
  });
  afterEach(async () => database.close());
  afterAll(dropTestTemplate);

  it("creates no connection", async () => {
    const before = (await database.db.select().from(connections)).length;
    const body = JSON.stringify({
      name: "x",
      instanceName: "csrf-try",
      evolutionBaseUrl: "https://evo.example.com",
      instanceToken: "token-0123456789",
    });
    const res = await postConnection(
      new Request(`${ORIGIN}/api/v1/connections`, {
        method: "POST",
        headers: { "content-type": "text/plain", origin: "https://evil.example" },
        body,
      }),
    );
    expect(res.status).toBe(403);
    expect((await database.db.select().from(connections)).length).toBe(before);
  });
});
