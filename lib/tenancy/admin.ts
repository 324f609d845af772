import { AppError } from "@/lib/errors";
import type { Db } from "@/db/client";
import { recordAudit } from "@/lib/audit/queries";
import type { SessionUser } from "@/lib/auth/roles";
import { enqueue } from "@/lib/jobs/outbox";
import { hashPassword } from "@/lib/security/password";
import { emailTaken, insertUser } from "@/lib/users/queries";
import { forgetWebhookTargets } from "@/lib/ingest/target-cache";
import { findPlan, findTenantBySlug, insertTenant, updateTenantStatus } from "./queries";
import type { createTenantSchema, createUserSchema } from "./schemas";
import type { z } from "zod";

/** A tenant or user the console cannot create or change as asked; the code is a dictionary key of the admin page. */
export class ConflictError extends AppError {
  constructor(code: "slug_taken" | "unknown_plan" | "email_taken" | "tenant_not_found") {
    super(code, code === "tenant_not_found" ? 404 : 409);
  }
}

type Actor = Pick<SessionUser, "id" | "email">;

/** Creates a tenant with a snapshot of its plan's limits; `tenant/created` applies its default settings. */
export async function createTenant(db: Db, actor: Actor, input: z.infer<typeof createTenantSchema>) {
  return db.transaction(async (tx) => {
    if (await findTenantBySlug(tx, input.slug)) throw new ConflictError(`slug_taken`);
    const plan = await findPlan(tx, input.planCode);
    if (!plan) throw new ConflictError("unknown_plan");
    const tenant = await insertTenant(tx, {
      name: input.name,
      slug: input.slug,
      planCode: plan.code,
      planLimits: plan.limits,
      timezone: input.timezone,
    });
    await enqueue(tx, { name: "tenant/created", data: { tenantId: tenant.id }, tenantId: tenant.id });
    await recordAudit(tx, {
      tenantId: tenant.id,
      actorUserId: actor.id,
      actorEmail: actor.email,
      action: "tenant.create",
      targetType: "tenant",
      targetId: tenant.id,
      details: { slug: tenant.slug, plan: plan.code },
    });
    return tenant;
  });
}

export async function createTenantUser(db: Db, actor: Actor, input: z.infer<typeof createUserSchema>) {
  const passwordHash = await hashPassword(input.password);
  return db.transaction(async (tx) => {
    if (await emailTaken(tx, input.email)) throw new ConflictError("email_taken");
    const user = await insertUser(tx, {
      tenantId: input.tenantId,
      email: input.email,
      name: input.name,
      role: input.role,
      passwordHash,
    });
    await recordAudit(tx, {
      tenantId: input.tenantId,
      actorUserId: actor.id,
      actorEmail: actor.email,
      action: "user.create",
      targetType: "user",
      targetId: user.id,
      details: { email: user.email, role: user.role },
    });
    return user;
  });
}

/** Suspending keeps every message (analysis is deferred); reactivating re-queues what was deferred. */
export async function setTenantStatus(db: Db, actor: Actor, tenantId: string, status: "active" | "suspended") {
  const tenant = await db.transaction(async (tx) => {
    const tenant = await updateTenantStatus(tx, tenantId, status);
    if (!tenant) throw new ConflictError("tenant_not_found");
    if (status === "active") {
      await enqueue(tx, { name: "tenant/reactivated", data: { tenantId }, tenantId });
    }
    await recordAudit(tx, {
      tenantId,
      actorUserId: actor.id,
      actorEmail: actor.email,
      action: status === "active" ? "tenant.reactivate" : "tenant.suspend",
      targetType: "tenant",
      targetId: tenantId,
    });
    return tenant;
  });
  // Webhooks read the status to store messages as pending or deferred.
  forgetWebhookTargets();
  return tenant;
}
