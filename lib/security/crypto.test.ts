import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { decryptSecret, encryptSecret } from "./crypto";
import { hashPassword, safeEqual, verifyPassword } from "./password";

const key = randomBytes(32).toString("base64");

describe("secrets at rest", () => {
  it("round-trips through AES-256-GCM with a fresh nonce each time", () => {
    const a = encryptSecret("instance-token-123", key);
    const b = encryptSecret("instance-token-123", key);
    expect(a).not.toContain("instance-token-123");
    expect(a).not.toBe(b);
    expect(decryptSecret(a, key)).toBe("instance-token-123");
  });

  it("detects tampering and the wrong key", () => {
    const c = encryptSecret("secret", key);
    const parts = c.split(":");
    const data = Buffer.from(parts[3]!, "base64");
    data[0] = data[0]! ^ 1;
    parts[3] = data.toString("base64");
    expect(() => decryptSecret(parts.join(":"), key)).toThrow();
    expect(() => decryptSecret(c, randomBytes(32).toString("base64"))).toThrow();
  });

  it("rejects keys of the wrong size", () => {
    expect(() => encryptSecret("x", randomBytes(16).toString("base64"))).toThrow(/32 bytes/);
  });
});

describe("passwords", () => {
  it("hashes with scrypt and verifies only the right password", async () => {
    const hash = await hashPassword("evosense-demo");
    expect(hash.startsWith("scrypt$")).toBe(true);
    expect(await verifyPassword("evosense-demo", hash)).toBe(true);
    expect(await verifyPassword("evosense-demO", hash)).toBe(false);
    expect(await verifyPassword("evosense-demo", "bcrypt$whatever")).toBe(false);
  });

  it("compares secrets of any length without throwing", () => {
    expect(safeEqual("abc", "abc")).toBe(true);
    expect(safeEqual("abc", "abd")).toBe(false);
    expect(safeEqual("abc", "abcd")).toBe(false);
  });
});
