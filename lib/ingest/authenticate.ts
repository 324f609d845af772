import { createHmac } from "node:crypto";
import { safeEqual } from "@/lib/security/password";

export type SenderCredentials = {
  /** Headers of the webhook request (a Fetch `Headers` or the Node server's adapter). */
  headers: Pick<Headers, "get">;
  /** `?secret=` of the URL: Evolution's global webhook cannot send headers. */
  querySecret: string | null;
  /** `body.apikey`: the instance token, when Evolution exposes it. */
  bodyApiKey: string | null | undefined;
};

export type ConnectionSecrets = { webhookSecret: string; instanceToken: string };
export type AuthMethod = "header" | "jwt" | "global" | "apikey";

const b64url = (buf: Buffer) => buf.toString("base64url");

/**
 * Evolution's `jwt_key` header mode: `Authorization: Bearer <HS256 JWT>` signed with the key, valid 10 minutes.
 * The token does not cover the body, so expiry is the only replay bound it offers.
 */
export function verifyEvolutionJwt(token: string, secret: string, nowSeconds = Math.floor(Date.now() / 1000)): boolean {
  const parts = token.split(".");
  if (parts.length !== 3) return false;
  const [header, payload, signature] = parts as [string, string, string];
  const expected = b64url(createHmac("sha256", secret).update(`${header}.${payload}`).digest());
  if (!safeEqual(signature, expected)) return false;
  try {
    const head = JSON.parse(Buffer.from(header, "base64url").toString("utf8")) as { alg?: string };
    const claims = JSON.parse(Buffer.from(payload, "base64url").toString("utf8")) as { exp?: number };
    if (head.alg !== "HS256") return false;
    return typeof claims.exp === "number" && claims.exp > nowSeconds;
  } catch {
    return false;
  }
}

/** Signs a token the way Evolution does; used by tests and the benchmark. */
export function signEvolutionJwt(secret: string, nowSeconds = Math.floor(Date.now() / 1000), ttl = 600): string {
  const header = b64url(Buffer.from(JSON.stringify({ alg: "HS256", typ: "JWT" })));
  const payload = b64url(
    Buffer.from(JSON.stringify({ iat: nowSeconds, exp: nowSeconds + ttl, app: "evolution", action: "webhook" })),
  );
  return `${header}.${payload}.${b64url(createHmac("sha256", secret).update(`${header}.${payload}`).digest())}`;
}

/** Which of the accepted proofs the sender gave, or null. Every comparison is constant-time. */
export function authenticateSender(
  credentials: SenderCredentials,
  secrets: ConnectionSecrets,
  globalSecret: string | undefined,
): AuthMethod | null {
  const header = credentials.headers.get("x-evosense-secret");
  if (header && safeEqual(header, secrets.webhookSecret)) return "header";
  const bearer = /^Bearer\s+(.+)$/i.exec(credentials.headers.get("authorization") ?? "")?.[1];
  if (bearer && verifyEvolutionJwt(bearer.trim(), secrets.webhookSecret)) return "jwt";
  if (credentials.querySecret && globalSecret && safeEqual(credentials.querySecret, globalSecret)) return "global";
  if (credentials.bodyApiKey && safeEqual(credentials.bodyApiKey, secrets.instanceToken)) return "apikey";
  return null;
}
