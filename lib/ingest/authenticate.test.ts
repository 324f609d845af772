import { describe, expect, it } from "vitest";
import { authenticateSender, signEvolutionJwt, verifyEvolutionJwt } from "./authenticate";

const secrets = { webhookSecret: "webhook-secret-123", instanceToken: "INSTANCE-TOKEN-ABC" };
const creds = (
  headers: Record<string, string> = {},
  querySecret: string | null = null,
  bodyApiKey: string | null = null,
) => ({
  headers: new Headers(headers),
  querySecret,
  bodyApiKey,
});

describe("webhook sender authentication", () => {
  it("accepts each of the four proofs", () => {
    expect(authenticateSender(creds({ "x-evosense-secret": "webhook-secret-123" }), secrets, undefined)).toBe("header");
    expect(
      authenticateSender(
        creds({ authorization: `Bearer ${signEvolutionJwt("webhook-secret-123")}` }),
        secrets,
        undefined,
      ),
    ).toBe("jwt");
    expect(authenticateSender(creds({}, "global-xyz"), secrets, "global-xyz")).toBe("global");
    expect(authenticateSender(creds({}, null, "INSTANCE-TOKEN-ABC"), secrets, undefined)).toBe("apikey");
  });

  it("refuses wrong secrets, a global secret when none is configured, and a missing proof", () => {
    expect(authenticateSender(creds({ "x-evosense-secret": "nope" }), secrets, undefined)).toBeNull();
    expect(authenticateSender(creds({}, "anything"), secrets, undefined)).toBeNull();
    expect(authenticateSender(creds({}, null, "INSTANCE-TOKEN-ABD"), secrets, undefined)).toBeNull();
    expect(authenticateSender(creds(), secrets, "global")).toBeNull();
  });

  it("checks the JWT's signature, algorithm and expiry", () => {
    const now = 1_800_000_000;
    expect(verifyEvolutionJwt(signEvolutionJwt("k", now), "k", now + 599)).toBe(true);
    expect(verifyEvolutionJwt(signEvolutionJwt("k", now), "k", now + 601)).toBe(false);
    expect(verifyEvolutionJwt(signEvolutionJwt("other", now), "k", now)).toBe(false);
    const [h, p, s] = signEvolutionJwt("k", now).split(".");
    const forged = Buffer.from(JSON.stringify({ exp: now + 99999 })).toString("base64url");
    expect(verifyEvolutionJwt(`${h}.${forged}.${s}`, "k", now)).toBe(false);
    expect(verifyEvolutionJwt(`${h}.${p}`, "k", now)).toBe(false);
  });
});
