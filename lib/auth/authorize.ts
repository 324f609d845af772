import { CredentialsSignin } from "next-auth";
import { z } from "zod";
import type { Db } from "@/db/client";
import { clearRateLimit, hitRateLimit, peekRateLimit } from "@/lib/security/rate-limit";
import { verifyPassword } from "@/lib/security/password";
import { findLoginUser, touchLastLogin } from "@/lib/users/queries";
import type { SessionUser } from "./roles";

export const LOGIN_ATTEMPTS_PER_MINUTE = 5;

export const credentialsSchema = z.object({
  email: z.email().max(254),
  password: z.string().min(1).max(200),
});

export class RateLimitedSignin extends CredentialsSignin {
  code = "rate_limited";
}
export class SuspendedTenantSignin extends CredentialsSignin {
  code = "tenant_suspended";
}

/** Throttled per client IP and e-mail: a flood against one account, or from one address, is slowed down. */
export function loginThrottleKey(ip: string, email: string) {
  return `login:${ip}:${email.toLowerCase()}`;
}

export async function authorizeCredentials(db: Db, input: unknown, ip: string): Promise<SessionUser | null> {
  const parsed = credentialsSchema.safeParse(input);
  if (!parsed.success) return null;
  const { email, password } = parsed.data;
  const key = loginThrottleKey(ip, email);

  const throttle = await peekRateLimit(db, key, LOGIN_ATTEMPTS_PER_MINUTE, 60);
  if (!throttle.allowed) throw new RateLimitedSignin();

  const user = await findLoginUser(db, email);
  const valid = user ? await verifyPassword(password, user.passwordHash) : false;
  if (!user || !valid) {
    await hitRateLimit(db, key, LOGIN_ATTEMPTS_PER_MINUTE, 60);
    return null;
  }
  if (user.role !== "super_admin" && user.tenantStatus !== "active") throw new SuspendedTenantSignin();

  await clearRateLimit(db, key);
  await touchLastLogin(db, user.id);
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    tenantId: user.tenantId,
    tenantSlug: user.tenantSlug,
  };
}

export function clientIp(headers: Headers): string {
  return headers.get("x-forwarded-for")?.split(",")[0]?.trim() || headers.get("x-real-ip") || "local";
}
