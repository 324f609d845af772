import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setDatabase, type Database } from "@/db/client";
import { POST as postConnection } from "@/app/api/v1/connections/route";
import { POST as semanticSearch } from "@/app/api/v1/messages/semantic-search/route";
import { createApiKey } from "@/lib/api-keys/service";
import { createTestDatabase, dropTestTemplate } from "@/test/db";
import { webhookTenant } from "@/test/fixtures/evolution";
import { FUZZ_RUNS, fuzzParameters, mutate, mutations, rawText } from "@/test/fuzz";

const BOUND_MS = 2_000;

const ROUTES = {
  connections: {
    handler: postConnection,
    path: "/api/v1/connections",
    valid: {
      name: "Filial",
      instanceName: "filial-fuzz",
      evolutionBaseUrl: "http://127.0.0.1:9/evolution",
      instanceToken: "token-0123456789",
    },
  },
  search: {
    handler: semanticSearch,
    path: "/api/v1/messages/semantic-search",
    valid: { query: "entrega atrasada", limit: 5 },
  },
} as const;

describe("fuzzed JSON API bodies", () => {
  let database: Database;
  let key: string;
  const statuses = new Map<number, number>();
  let slowest = 0;

  beforeAll(async () => {
    database = await createTestDatabase();
    setDatabase(database);
    const { tenantId } = await webhookTenant(database.db);
    key = (await createApiKey(database.db, tenantId, { id: null as unknown as string, email: "fuzz" }, "fuzz")).key;
  });
  afterAll(async () => {
    console.log(
      `JSON API fuzz: statuses ${[...statuses.entries()]
        .sort(([a], [b]) => a - b)
        .map(([s, n]) => `${s}×${n}`)
        .join(" ")}, slowest ${slowest.toFixed(0)} ms`,
    );
    await database.close();
    await dropTestTemplate();
  });

  const call = async (route: keyof typeof ROUTES, body: string) => {
    const { handler, path } = ROUTES[route];
    const started = performance.now();
    const res = await handler(
      new Request(`http://evosense.test${path}`, {
        method: "POST",
        headers: { authorization: `Bearer ${key}`, "content-type": "application/json" },
        body,
      }),
    );
    const took = performance.now() - started;
    slowest = Math.max(slowest, took);
    statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
    expect(res.status, `${route} answered ${res.status} to ${body.slice(0, 300)}`).toBeLessThan(500);
    expect(took).toBeLessThan(BOUND_MS);
    // Every error has the one shape.
    if (res.status >= 400)
      expect(await res.json()).toMatchObject({ error: { code: expect.any(String), message: expect.any(String) } });
  };

  it("accepts the valid bodies the fuzz starts from", async () => {
    for (const route of Object.keys(ROUTES) as (keyof typeof ROUTES)[]) {
      const { handler, path, valid } = ROUTES[route];
      const res = await handler(
        new Request(`http://evosense.test${path}`, {
          method: "POST",
          headers: { authorization: `Bearer ${key}`, "content-type": "application/json" },
          body: JSON.stringify(valid),
        }),
      );
      expect(res.status, `${route}: ${await res.clone().text()}`).toBeLessThan(300);
    }
  });

  it(
    "answers mutated and malformed bodies below 500, in time, with the error shape",
    async () => {
      const valid = Object.values(ROUTES).map((r) => JSON.stringify(r.valid));
      await fc.assert(
        fc.asyncProperty(
          fc.constantFrom(...(Object.keys(ROUTES) as (keyof typeof ROUTES)[])),
          fc.oneof(
            mutations.map((m) => ({ mutation: m })),
            rawText(valid).map((raw) => ({ raw })),
          ),
          async (route, input) => {
            const body =
              "raw" in input ? input.raw : (JSON.stringify(mutate(ROUTES[route].valid, input.mutation)) ?? "null");
            await call(route, body);
          },
        ),
        fuzzParameters,
      );
    },
    120_000 + FUZZ_RUNS * 400,
  );
});
