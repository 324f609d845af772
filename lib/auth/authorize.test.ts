import { sql } from "drizzle-orm";
import { afterAll, afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { tenants, users } from "@/db/schema";
import {
  CLIENT_ADDRESS_HEADER,
  clientAddress,
  markClientAddressStamped,
  parseTrustedProxies,
  stampClientAddress,
} from "@/lib/http/client-address.mjs";
import { hashPassword } from "@/lib/security/password";
import { createTestDatabase, dropTestTemplate } from "@/test/db";
import { seedTenants } from "@/test/helpers/seed-tenants";
import {
  ACCOUNT_LOCKOUT,
  accountThrottleKey,
  ADDRESS_FAILURES,
  authorizeCredentials,
  RateLimitedSignin,
  SuspendedTenantSignin,
} from "./authorize";

describe("credential login", () => {
  let database: Database;
  let tenantId: string;

  beforeEach(async () => {
    database = await createTestDatabase();
    const [{ tenant }] = await seedTenants(database.db, [{ slug: "loja", name: "Loja", plan: "starter" }]);
    tenantId = tenant.id;
    const passwordHash = await hashPassword("correct horse battery");
    await database.db.insert(users).values([
      { email: "Ana@Loja.local", name: "Ana", role: "admin", tenantId, passwordHash },
      { email: "root@evosense.local", name: "Root", role: "super_admin", tenantId: null, passwordHash },
    ]);
  });
  afterEach(async () => database.close());
  afterAll(dropTestTemplate);

  it("returns the session user with role and tenant for the right password, e-mail case-insensitive", async () => {
    const user = await authorizeCredentials(
      database.db,
      { email: "ana@loja.local", password: "correct horse battery" },
      "1.1.1.1",
    );
    expect(user).toMatchObject({ email: "Ana@Loja.local", role: "admin", tenantId, tenantSlug: "loja" });
    const admin = await authorizeCredentials(
      database.db,
      { email: "root@evosense.local", password: "correct horse battery" },
      "1.1.1.1",
    );
    expect(admin).toMatchObject({ role: "super_admin", tenantId: null, tenantSlug: null });
  });

  it("rejects a wrong password, an unknown e-mail and malformed input", async () => {
    expect(
      await authorizeCredentials(database.db, { email: "ana@loja.local", password: "wrong" }, "1.1.1.1"),
    ).toBeNull();
    expect(
      await authorizeCredentials(database.db, { email: "nobody@loja.local", password: "x" }, "1.1.1.1"),
    ).toBeNull();
    expect(await authorizeCredentials(database.db, { email: "not-an-email", password: "x" }, "1.1.1.1")).toBeNull();
  });

  const wrong = { email: "ana@loja.local", password: "wrong" };
  const right = { email: "ana@loja.local", password: "correct horse battery" };

  /** What happens to each of `n` guesses: evaluated (null) or refused before the password is checked. */
  async function guess(n: number, address: (i: number) => string | null) {
    const outcomes: string[] = [];
    for (let i = 0; i < n; i++) {
      outcomes.push(
        await authorizeCredentials(database.db, wrong, address(i)).then(
          (user) => (user === null ? "evaluated" : "logged in"),
          (error: unknown) => (error instanceof RateLimitedSignin ? "refused" : String(error)),
        ),
      );
    }
    return outcomes;
  }

  /** Moves the account's latest attempt `seconds` into the past, as if the clock had run on. */
  async function elapse(seconds: number) {
    await database.db.execute(
      sql`update rate_limits set window_start = window_start - make_interval(secs => ${seconds}) where key = ${accountThrottleKey("ana@loja.local")}`,
    );
  }

  it("limits 50 guesses with a rotating X-Forwarded-For exactly like 50 without: 5 evaluated", async () => {
    // The request path of server/serve.mjs: a peer that is no trusted proxy, sending a new forwarded address each time.
    markClientAddressStamped();
    const isTrusted = parseTrustedProxies("10.0.0.0/8");
    const viaServer = (i: number) => {
      const req = {
        headers: {
          "x-forwarded-for": `198.18.${i >> 8}.${i & 255}`,
          [CLIENT_ADDRESS_HEADER]: `198.19.0.${i}`,
        } as Record<string, string>,
        socket: { remoteAddress: "::ffff:203.0.113.50" },
      };
      stampClientAddress(req, isTrusted);
      return clientAddress(new Headers(req.headers));
    };
    const rotating = await guess(50, viaServer);
    expect(rotating.filter((o) => o === "evaluated")).toHaveLength(ACCOUNT_LOCKOUT.freeAttempts);
    expect(rotating.slice(ACCOUNT_LOCKOUT.freeAttempts).every((o) => o === "refused")).toBe(true);

    await database.db.execute(sql`delete from rate_limits`);
    const plain = await guess(50, () => "203.0.113.50");
    expect(plain).toEqual(rotating);
  });

  it("locks the account whatever the address, and refuses the right password until the lock ends", async () => {
    expect(await guess(5, (i) => `198.51.100.${i}`)).toEqual(Array(5).fill("evaluated"));
    await expect(authorizeCredentials(database.db, right, "192.0.2.1")).rejects.toBeInstanceOf(RateLimitedSignin);
    const refusal = await authorizeCredentials(database.db, right, null).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(RateLimitedSignin);
    expect((refusal as RateLimitedSignin).retryAfterSeconds).toBeGreaterThan(50);
    expect((refusal as RateLimitedSignin).retryAfterSeconds).toBeLessThanOrEqual(60);

    await elapse(45);
    await expect(authorizeCredentials(database.db, right, "192.0.2.1")).rejects.toBeInstanceOf(RateLimitedSignin);
    await elapse(16);
    expect((await authorizeCredentials(database.db, right, "192.0.2.1"))?.email).toBe("Ana@Loja.local");
    // A success forgets the failures: the next mistake is a first one again.
    expect(await guess(5, () => "192.0.2.1")).toEqual(Array(5).fill("evaluated"));
  });

  it("doubles the lock with every guess after it, up to an hour, and forgets after 15 quiet minutes", async () => {
    await guess(5, () => "198.51.100.1");
    const locks: number[] = [];
    for (let i = 0; i < 8; i++) {
      const refusal = (await authorizeCredentials(database.db, wrong, null).catch(
        (error: unknown) => error,
      )) as RateLimitedSignin;
      locks.push(Math.round(refusal.retryAfterSeconds / 60));
      await elapse(refusal.retryAfterSeconds);
      expect(await guess(1, () => null)).toEqual(["evaluated"]);
    }
    expect(locks).toEqual([1, 2, 4, 8, 16, 32, 60, 60]);

    // Less than 15 minutes after the lock ended, the history still counts: one guess, then an hour's lock again.
    await elapse(3600 + 15 * 60 - 5);
    expect(await guess(2, () => null)).toEqual(["evaluated", "refused"]);
    await elapse(3600 + 15 * 60);
    expect(await guess(6, () => null)).toEqual([...Array(5).fill("evaluated"), "refused"]);
  });

  it("counts guesses made in parallel before any of them is answered", async () => {
    const outcomes = await Promise.all(
      Array.from({ length: 12 }, () =>
        authorizeCredentials(database.db, wrong, null).then(
          () => "evaluated",
          () => "refused",
        ),
      ),
    );
    expect(outcomes.filter((o) => o === "evaluated")).toHaveLength(ACCOUNT_LOCKOUT.freeAttempts);
  });

  it("limits one address across accounts more loosely, and IPv6 by /64", async () => {
    for (let i = 0; i < ADDRESS_FAILURES; i++) {
      expect(
        await authorizeCredentials(
          database.db,
          { email: `nobody${i}@loja.local`, password: "x" },
          `2001:db8:1:2::${i + 1}`,
        ),
      ).toBeNull();
    }
    await expect(authorizeCredentials(database.db, right, "2001:db8:1:2:abcd::1")).rejects.toBeInstanceOf(
      RateLimitedSignin,
    );
    // The account itself is not locked: from another network it logs in.
    expect((await authorizeCredentials(database.db, right, "2001:db8:1:3::1"))?.email).toBe("Ana@Loja.local");
  });

  it("does not hold a right password against the address", async () => {
    for (let i = 0; i < ADDRESS_FAILURES * 2; i++) {
      expect(await authorizeCredentials(database.db, right, "203.0.113.7")).not.toBeNull();
    }
  });

  it("refuses users of a suspended tenant with a distinct reason", async () => {
    await database.db.update(tenants).set({ status: "suspended" });
    await expect(
      authorizeCredentials(database.db, { email: "ana@loja.local", password: "correct horse battery" }, "4.4.4.4"),
    ).rejects.toBeInstanceOf(SuspendedTenantSignin);
  });
});
