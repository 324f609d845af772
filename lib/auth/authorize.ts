import { CredentialsSignin } from "next-auth";
import { z } from "zod";
import type { Db } from "@/db/client";
import { addressBucket } from "@/lib/http/client-address.mjs";
import {
  admitAttempt,
  clearRateLimit,
  hitRateLimit,
  refundRateLimit,
  type LockoutPolicy,
} from "@/lib/security/rate-limit";
import { verifyPassword } from "@/lib/security/password";
import { findLoginUser, touchLastLogin } from "@/lib/users/queries";
import type { SessionUser } from "./roles";

/**
 * Per account: 5 attempts, then each further one waits out a lock that doubles from 1 minute up to 1 hour. The
 * history is forgotten after 15 quiet minutes, so a user who mistypes a few times is not punished for long.
 */
export const ACCOUNT_LOCKOUT: LockoutPolicy = {
  freeAttempts: 5,
  baseLockSeconds: 60,
  maxLockSeconds: 3600,
  memorySeconds: 15 * 60,
};
/** Per address, looser: many accounts may sit behind one office NAT, but one address may not spray them all. */
export const ADDRESS_FAILURES = 20;
export const ADDRESS_WINDOW_SECONDS = 15 * 60;

export const credentialsSchema = z.object({
  email: z.email().max(254),
  password: z.string().min(1).max(200),
});

export class RateLimitedSignin extends CredentialsSignin {
  code = "rate_limited";
  constructor(readonly retryAfterSeconds: number) {
    super();
  }
}
export class SuspendedTenantSignin extends CredentialsSignin {
  code = "tenant_suspended";
}

// Neither key holds anything the client chose beyond the e-mail it is trying: not a header, not a spelling of an
// address (the address is the server's, in canonical form, IPv6 by /64).
export function accountThrottleKey(email: string) {
  return `login:account:${email.toLowerCase()}`;
}
export function addressThrottleKey(address: string) {
  return `login:address:${addressBucket(address)}`;
}

/**
 * `address` is the client's as the server saw it (clientAddress), or null when unknown: then only the account limit
 * applies, since one bucket shared by every client would let anyone lock everyone out.
 */
export async function authorizeCredentials(
  db: Db,
  input: unknown,
  address: string | null,
): Promise<SessionUser | null> {
  const parsed = credentialsSchema.safeParse(input);
  if (!parsed.success) return null;
  const { email, password } = parsed.data;
  const accountKey = accountThrottleKey(email);
  const addressKey = address ? addressThrottleKey(address) : null;

  // Attempts are counted before the password is checked, so parallel guesses are counted too; a right password
  // gives its count back below.
  if (addressKey) {
    const perAddress = await hitRateLimit(db, addressKey, ADDRESS_FAILURES, ADDRESS_WINDOW_SECONDS);
    if (!perAddress.allowed) throw new RateLimitedSignin(perAddress.retryAfterSeconds);
  }
  const perAccount = await admitAttempt(db, accountKey, ACCOUNT_LOCKOUT);
  if (!perAccount.admitted) throw new RateLimitedSignin(perAccount.retryAfterSeconds);

  const user = await findLoginUser(db, email);
  const valid = user ? await verifyPassword(password, user.passwordHash) : false;
  if (!user || !valid) return null;

  // The password was right, so nothing was being guessed, whatever the tenant's status.
  await clearRateLimit(db, accountKey);
  if (addressKey) await refundRateLimit(db, addressKey);
  if (user.role !== "super_admin" && user.tenantStatus !== "active") throw new SuspendedTenantSignin();

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
