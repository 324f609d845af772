import "server-only";
import { headers } from "next/headers";
import { notFound, redirect } from "next/navigation";
import { cache } from "react";
import { z } from "zod";
import { findTenantBySlug, platformDb } from "@/lib/tenancy/queries";
import { AppError } from "@/lib/errors";
import { requestLogger } from "@/lib/log";
import { REQUEST_ID_HEADER } from "@/lib/request-id";
import { TENANT_SUSPENDED, tenantServes } from "@/lib/tenancy/status";
import { auth } from "./auth";
import type { Role, SessionUser } from "./roles";

export async function currentUser(): Promise<SessionUser | null> {
  const session = await auth();
  return session?.user?.id ? session.user : null;
}

export async function requireUser(): Promise<SessionUser> {
  const user = await currentUser();
  if (!user) redirect("/login");
  return user;
}

/** Anyone but a super-admin gets a 404: the console's existence is not advertised. */
export async function requireSuperAdmin(): Promise<SessionUser> {
  const user = await requireUser();
  if (user.role !== "super_admin") notFound();
  return user;
}

// The tenant layout and its page both resolve the tenant; one read per request serves both.
const tenantBySlug = cache(async (slug: string) => findTenantBySlug(await platformDb(), slug));

export type TenantAccess = { user: SessionUser; tenant: NonNullable<Awaited<ReturnType<typeof findTenantBySlug>>> };

/** Where a suspended tenant's users are sent instead of any page with data. */
export const SUSPENDED_PATH = "/suspended";

/**
 * Resolves `/t/<slug>` for the current user. Another tenant's slug is a 404, never a 403, so tenants cannot
 * probe for each other. Super-admins may open any tenant (support), suspended ones included (lib/tenancy/status).
 * The tenant row is read on every request anyway, so its status is current: a session issued before a suspension
 * is turned away on its next page, not when its JWT expires.
 */
export async function requireTenant(slug: string, roles: Role[] = ["admin", "viewer"]): Promise<TenantAccess> {
  const user = await requireUser();
  const tenant = await tenantBySlug(slug);
  if (!tenant) notFound();
  if (user.role !== "super_admin" && (user.tenantId !== tenant.id || !roles.includes(user.role))) notFound();
  // After the membership check, so another tenant's users learn nothing about this one's status.
  if (!tenantServes(tenant.status, user.role)) redirect(SUSPENDED_PATH);
  return { user, tenant };
}

export type ActionState = {
  ok?: boolean;
  message?: string;
  error?: string;
  fieldErrors?: Record<string, string[]>;
  /** Lets a form reset itself after each success. */
  at?: number;
  /** A value shown once after success (a new API key); never stored anywhere readable. */
  reveal?: string;
};

function fieldErrors(error: z.ZodError): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const key = issue.path.join(".") || "_";
    (out[key] ??= []).push(issue.message);
  }
  return out;
}

/** A refusal raised by an action itself (a row that is not there, a suspended tenant); its code is a dictionary key. */
export class ActionError extends AppError {}

async function runAction<T>(
  run: () => Promise<T>,
  context: { userId: string; tenantId?: string },
): Promise<ActionState> {
  const log = requestLogger({
    requestId: (await headers()).get(REQUEST_ID_HEADER) ?? undefined,
    tenantId: context.tenantId,
  });
  try {
    const result = await run();
    log.info({ userId: context.userId }, "action ok");
    const reveal =
      typeof result === "object" && result !== null && "reveal" in result ? String(result.reveal) : undefined;
    return { ok: true, at: Date.now(), ...(reveal ? { reveal } : {}) };
  } catch (e) {
    if (e instanceof AppError) {
      log.info({ userId: context.userId, refused: e.code }, "action refused");
      return { error: e.code, at: Date.now() };
    }
    log.error({ userId: context.userId, err: e }, "action failed");
    throw e;
  }
}

async function refuseSuspended(): Promise<never> {
  throw new ActionError(TENANT_SUSPENDED);
}

/** A server action for super-admins: checks the role itself, then validates the form with one schema. */
export function adminAction<S extends z.ZodType>(
  schema: S,
  fn: (input: z.infer<S>, user: SessionUser) => Promise<unknown>,
) {
  return async (_prev: ActionState, formData: FormData): Promise<ActionState> => {
    const user = await currentUser();
    if (!user || user.role !== "super_admin") return { error: "forbidden", at: Date.now() };
    const parsed = schema.safeParse(Object.fromEntries(formData));
    if (!parsed.success) return { error: "invalid", fieldErrors: fieldErrors(parsed.error), at: Date.now() };
    return runAction(() => fn(parsed.data, user), { userId: user.id });
  };
}

/**
 * A server action inside a tenant: the form names the tenant slug; access, role and the tenant's status are
 * checked here, against the row read now (a suspended tenant's actions answer `tenant_suspended`). Every action under
 * app/ that changes tenant data is built with this.
 */
export function tenantAction<S extends z.ZodType>(
  schema: S,
  fn: (input: z.infer<S>, access: TenantAccess) => Promise<unknown>,
  roles: Role[] = ["admin"],
) {
  return async (_prev: ActionState, formData: FormData): Promise<ActionState> => {
    const user = await currentUser();
    const slug = formData.get("tenant");
    if (!user || typeof slug !== "string") return { error: "forbidden", at: Date.now() };
    const tenant = await findTenantBySlug(await platformDb(), slug);
    const allowed =
      tenant && (user.role === "super_admin" || (user.tenantId === tenant.id && roles.includes(user.role)));
    if (!tenant || !allowed) return { error: "forbidden", at: Date.now() };
    // Before validation: a suspended tenant's form gets one answer, whatever it holds.
    if (!tenantServes(tenant.status, user.role))
      return runAction(refuseSuspended, { userId: user.id, tenantId: tenant.id });
    const parsed = schema.safeParse(Object.fromEntries(formData));
    if (!parsed.success) return { error: "invalid", fieldErrors: fieldErrors(parsed.error), at: Date.now() };
    return runAction(() => fn(parsed.data, { user, tenant }), { userId: user.id, tenantId: tenant.id });
  };
}
