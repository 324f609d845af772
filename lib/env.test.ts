import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { EnvError, parseEnv } from "./env";

const vars = (v: Record<string, string>) => v as unknown as NodeJS.ProcessEnv;
const dataDir = () => mkdtempSync(path.join(tmpdir(), "evosense-env-"));

describe("environment", () => {
  it("runs embedded with no variables: PGlite, local runner, local AI, Stripe off, generated secrets", () => {
    const dir = dataDir();
    const e = parseEnv(vars({ DATA_DIR: dir }));
    expect(e).toMatchObject({
      databaseMode: "pglite",
      jobsMode: "embedded",
      aiProvider: "local",
      stripeEnabled: false,
      isProduction: false,
      DEMO_DATA: true,
    });
    expect(Buffer.from(e.ENCRYPTION_KEY, "base64")).toHaveLength(32);
    // The generated key is persisted: a restart decrypts what was encrypted before.
    expect(parseEnv(vars({ DATA_DIR: dir })).ENCRYPTION_KEY).toBe(e.ENCRYPTION_KEY);
  });

  it("`npm start` (next start sets NODE_ENV=production) stays embedded when launched as such", () => {
    const e = parseEnv(vars({ DATA_DIR: dataDir(), NODE_ENV: "production", EVOSENSE_LAUNCH: "embedded" }));
    expect(e.isProduction).toBe(false);
  });

  it("refuses production on unsafe defaults, naming each variable", () => {
    let error: unknown;
    try {
      parseEnv(vars({ DATA_DIR: dataDir(), NODE_ENV: "production" }));
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(EnvError);
    const message = (error as Error).message;
    for (const name of ["AUTH_SECRET", "ENCRYPTION_KEY", "PHONE_HASH_KEY", "JOBS_MODE", "DEMO_DATA", "DATABASE_URL"]) {
      expect(message).toContain(name);
    }
  });

  it("accepts a complete production environment and picks the real services", () => {
    const e = parseEnv(
      vars({
        NODE_ENV: "production",
        DATA_DIR: dataDir(),
        DATABASE_URL: "postgres://app@db.internal:5432/evosense",
        AUTH_SECRET: "s".repeat(32),
        ENCRYPTION_KEY: Buffer.alloc(32, 1).toString("base64"),
        PHONE_HASH_KEY: "k".repeat(32),
        DEMO_DATA: "false",
        INNGEST_EVENT_KEY: "evt",
        INNGEST_SIGNING_KEY: "signkey-prod-abc",
        OPENAI_API_KEY: "sk-test",
        STRIPE_SECRET_KEY: "sk_test_x",
      }),
    );
    expect(e).toMatchObject({
      isProduction: true,
      databaseMode: "postgres",
      jobsMode: "inngest",
      aiProvider: "openai",
      stripeEnabled: true,
    });
  });

  it("lets tenant URLs reach localhost only when embedded, unless OUTBOUND_ALLOWED_HOSTS says otherwise", () => {
    expect(parseEnv(vars({ DATA_DIR: dataDir() })).outboundAllowedHosts).toEqual(["localhost", "127.0.0.1", "[::1]"]);
    const withDatabase = vars({ DATA_DIR: dataDir(), DATABASE_URL: "postgres://app@db.internal:5432/evosense" });
    expect(parseEnv(withDatabase).outboundAllowedHosts).toEqual([]);
    expect(
      parseEnv({ ...withDatabase, OUTBOUND_ALLOWED_HOSTS: " Evolution.Internal , 10.0.0.5:8080," })
        .outboundAllowedHosts,
    ).toEqual(["evolution.internal", "10.0.0.5:8080"]);
  });

  it("rejects malformed values with the variable's name", () => {
    expect(() => parseEnv(vars({ DATA_DIR: dataDir(), DATABASE_URL: "not a url" }))).toThrow(/DATABASE_URL/);
  });
});
