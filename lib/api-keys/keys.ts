import { createHash, randomBytes } from "node:crypto";

export const API_KEY_PREFIX = "evo_";
/** The demo tenant's fixed key: seeded in demo mode only and refused in production. */
export const DEMO_API_KEY = "evo_demo_lojacentro";

const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

export function generateApiKey(): string {
  const bytes = randomBytes(32);
  return API_KEY_PREFIX + Array.from(bytes, (b) => ALPHABET[b % ALPHABET.length]).join("");
}

/** Keys are long random strings, so a plain SHA-256 is enough to store them irreversibly. */
export function hashApiKey(key: string): string {
  return createHash("sha256").update(key).digest("hex");
}

export function keyPrefix(key: string): string {
  return key.slice(0, 12);
}
