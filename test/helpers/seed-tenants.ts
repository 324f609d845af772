import type { Db } from "@/db/client";
import { connections, plans, tenants, type PlanLimits, type TenantSettings } from "@/db/schema";
import { encryptSecret } from "@/lib/security/crypto";
import { DEFAULT_PLANS, type PlanCode } from "@/lib/tenancy/plans";

/** An Evolution connection for a seeded tenant; every field has a default, so `true` asks for one as is. */
export type ConnectionSpec = {
  /** Fixed when a test builds rows that name the connection before it exists. */
  id?: string;
  /** Defaults to the tenant's name. */
  name?: string;
  /** Defaults to the tenant's slug; webhooks find their connection by it. */
  instanceName?: string;
  /** Defaults to `http://evo`; only a test that serves Evolution itself (a fake server's URL) needs its own. */
  evolutionBaseUrl?: string;
  /** Defaults to `<instanceName>-token`. */
  token?: string;
  /** Defaults to `<instanceName>-webhook-secret`: distinct per connection, so a wrong-tenant secret is a real mismatch. */
  webhookSecret?: string;
};

export type TenantSpec = {
  /** Fixed when a test builds rows that name the tenant before it exists. */
  id?: string;
  slug: string;
  /** Defaults to the slug. */
  name?: string;
  /** Defaults to the seed options' plan, else `pro`. */
  plan?: PlanCode;
  /** Laid over the plan's catalogue limits, as a tenant's own copy would differ after an edit. */
  limits?: Partial<PlanLimits>;
  settings?: TenantSettings;
  connection?: ConnectionSpec | true;
};

/** Defaults for every spec of one call. */
export type SeedOptions = { plan?: PlanCode; limits?: Partial<PlanLimits> };

export type SeededConnection = { id: string; instanceName: string; webhookSecret: string };

/** The stored tenant, and its connection when the spec asked for one (typed as present only then). */
export type SeededTenant<S extends TenantSpec = TenantSpec> = { tenant: typeof tenants.$inferSelect } & (S extends {
  connection: ConnectionSpec | true;
}
  ? { connection: SeededConnection }
  : { connection?: SeededConnection });

/**
 * Inserts the plans the specs name (as the catalogue has them, leaving rows already there), the tenants, and their
 * connections, and returns them in the order of `specs`. Tenants copy their plan's catalogue limits, as createTenant
 * does, so a test passes `limits` only for what it depends on.
 */
export async function seedTenants<const S extends readonly TenantSpec[]>(
  db: Db,
  specs: S,
  options: SeedOptions = {},
): Promise<{ -readonly [K in keyof S]: SeededTenant<S[K]> }> {
  const planOf = (spec: TenantSpec): PlanCode => spec.plan ?? options.plan ?? "pro";
  const codes = new Set(specs.map(planOf));
  await db
    .insert(plans)
    .values(DEFAULT_PLANS.filter((p) => codes.has(p.code)))
    .onConflictDoNothing();

  const tenantRows = await db
    .insert(tenants)
    .values(
      specs.map((spec) => {
        const planCode = planOf(spec);
        const catalogue = DEFAULT_PLANS.find((p) => p.code === planCode)!.limits;
        return {
          ...(spec.id && { id: spec.id }),
          slug: spec.slug,
          name: spec.name ?? spec.slug,
          planCode,
          planLimits: { ...catalogue, ...options.limits, ...spec.limits },
          ...(spec.settings && { settings: spec.settings }),
        };
      }),
    )
    .returning();
  // Matched by slug and instance name (both unique) rather than trusting RETURNING's order.
  const bySlug = new Map(tenantRows.map((t) => [t.slug, t]));

  const planned = specs.map((spec) => {
    const tenant = bySlug.get(spec.slug)!;
    if (!spec.connection) return { tenant };
    const c = spec.connection === true ? {} : spec.connection;
    const instanceName = c.instanceName ?? spec.slug;
    const webhookSecret = c.webhookSecret ?? `${instanceName}-webhook-secret`;
    const row = {
      ...(c.id && { id: c.id }),
      tenantId: tenant.id,
      name: c.name ?? tenant.name,
      instanceName,
      evolutionBaseUrl: c.evolutionBaseUrl ?? "http://evo",
      instanceTokenEnc: encryptSecret(c.token ?? `${instanceName}-token`),
      webhookSecretEnc: encryptSecret(webhookSecret),
    };
    return { tenant, connection: { instanceName, webhookSecret, row } };
  });
  const rows = planned.flatMap((p) => (p.connection ? [p.connection.row] : []));
  const connectionIds = new Map<string, string>();
  if (rows.length > 0) {
    const inserted = await db
      .insert(connections)
      .values(rows)
      .returning({ id: connections.id, instanceName: connections.instanceName });
    for (const r of inserted) connectionIds.set(r.instanceName, r.id);
  }

  const seeded = planned.map(({ tenant, connection: c }): SeededTenant =>
    c
      ? {
          tenant,
          connection: {
            id: connectionIds.get(c.instanceName)!,
            instanceName: c.instanceName,
            webhookSecret: c.webhookSecret,
          },
        }
      : { tenant },
  );
  return seeded as { -readonly [K in keyof S]: SeededTenant<S[K]> };
}
