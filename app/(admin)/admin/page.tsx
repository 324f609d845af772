import Link from "next/link";
import { AppShell } from "@/components/app-shell";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { DataTable, TableCard } from "@/components/data-table";
import { listPlans, listTenantsWithCounts, platformDb } from "@/lib/tenancy/queries";
import { isAuditAction } from "@/lib/audit/actions";
import { listRecentAudit } from "@/lib/audit/queries";
import { auditStrings } from "@/lib/i18n/dictionaries/audit";
import { listUnclaimedInstances } from "@/lib/ingest/queries";
import { RetryAnalysisButton } from "@/components/retry-analysis-button";
import { describeAnalysisModel } from "@/lib/analysis/model-info";
import { listFailedAnalyses } from "@/lib/analysis/queries";
import { analysisStrings } from "@/lib/i18n/dictionaries/analysis";
import { requireSuperAdmin } from "@/lib/auth/guards";
import { adminStrings } from "@/lib/i18n/dictionaries/admin";
import { common } from "@/lib/i18n/dictionaries/common";
import { getT } from "@/lib/i18n/server";
import { CreateTenantForm } from "./create-tenant-form";
import { CreateUserForm } from "./create-user-form";
import { retryAnalysisAdminAction } from "./actions";
import { TIMEZONES } from "@/lib/tenancy/timezones";
import { TenantStatusButton } from "./tenant-status-button";

export const metadata = { title: "Admin" };

export default async function AdminPage() {
  const user = await requireSuperAdmin();
  const db = await platformDb();
  const [tenantRows, plans, audit, unclaimed, failed] = await Promise.all([
    listTenantsWithCounts(db),
    listPlans(db),
    listRecentAudit(db, 20),
    listUnclaimedInstances(db),
    // Platform view: every tenant's failures (the owner role reads across tenants on purpose here).
    listFailedAnalyses(db, null, 50),
  ]);
  const { t: ta } = await getT(analysisStrings);
  const { t, locale } = await getT(adminStrings);
  const model = describeAnalysisModel(locale);
  const { t: tc } = await getT(common);
  const { t: tau } = await getT(auditStrings);
  const numbers = new Intl.NumberFormat(locale);
  const dates = new Intl.DateTimeFormat(locale, {
    dateStyle: "short",
    timeStyle: "short",
    timeZone: "America/Sao_Paulo",
  });
  const errors = {
    slug_taken: t("slug_taken"),
    email_taken: t("email_taken"),
    unknown_plan: t("unknown_plan"),
    tenant_not_found: t("tenant_not_found"),
    invalid: tc("invalid"),
    forbidden: tc("forbidden"),
  };

  return (
    <AppShell user={user} locale={locale} nav={[{ href: "/admin", label: tc("admin") }]}>
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">{t("title")}</h1>
          <p className="text-sm text-muted-foreground">{t("subtitle")}</p>
        </div>
        <CreateTenantForm
          plans={plans.map((p) => ({ code: p.code, name: p.name }))}
          timezones={TIMEZONES}
          strings={{
            newTenant: t("newTenant"),
            newTenantDescription: t("newTenantDescription"),
            name: t("name"),
            slug: t("slug"),
            plan: t("plan"),
            timezone: t("timezone"),
            create: tc("create"),
            cancel: tc("cancel"),
            errors,
          }}
        />
      </div>

      <TableCard>
        <DataTable
          rows={tenantRows}
          rowKey={(tenant) => tenant.id}
          rowTestId={(tenant) => `tenant-row-${tenant.slug}`}
          empty={t("empty")}
          columns={[
            {
              key: "tenant",
              header: t("tenant"),
              cell: (tenant) => (
                <>
                  <Link href={`/t/${tenant.slug}/dashboard`} className="font-medium hover:underline">
                    {tenant.name}
                  </Link>
                  <div className="text-xs text-muted-foreground">{tenant.slug}</div>
                </>
              ),
            },
            { key: "plan", header: t("plan"), cell: (tenant) => tenant.planName },
            {
              key: "status",
              header: t("status"),
              cell: (tenant) => (
                <Badge variant={tenant.status === "active" ? "secondary" : "destructive"}>{t(tenant.status)}</Badge>
              ),
            },
            {
              key: "users",
              header: t("users"),
              align: "right",
              className: "tabular-nums",
              cell: (tenant) => numbers.format(tenant.userCount),
            },
            {
              key: "messages",
              header: t("messages"),
              align: "right",
              className: "tabular-nums",
              cell: (tenant) => numbers.format(tenant.messageCount),
            },
            {
              key: "actions",
              header: t("actions"),
              align: "right",
              cell: (tenant) => (
                <div className="flex justify-end gap-2">
                  <CreateUserForm
                    tenantId={tenant.id}
                    strings={{
                      newUser: t("newUser"),
                      description: t("newUserDescription", { tenant: tenant.name }),
                      name: t("name"),
                      email: t("email"),
                      role: t("role"),
                      roleAdmin: t("roleAdmin"),
                      roleViewer: t("roleViewer"),
                      password: t("password"),
                      create: tc("create"),
                      cancel: tc("cancel"),
                      errors,
                    }}
                  />
                  {tenant.status === "active" ? (
                    <TenantStatusButton
                      tenantId={tenant.id}
                      status="suspended"
                      label={t("suspend")}
                      confirm={{
                        title: t("suspendTitle", { name: tenant.name }),
                        body: t("suspendBody"),
                        cancel: tc("cancel"),
                        errors,
                      }}
                    />
                  ) : (
                    <TenantStatusButton tenantId={tenant.id} status="active" label={t("reactivate")} />
                  )}
                </div>
              ),
            },
          ]}
        />
      </TableCard>

      {unclaimed.length > 0 ? (
        <Card data-testid="unclaimed-instances">
          <CardHeader>
            <CardTitle>{t("unclaimed")}</CardTitle>
            <CardDescription>{t("unclaimedDescription")}</CardDescription>
          </CardHeader>
          <CardContent>
            <ul className="grid gap-2 text-sm">
              {unclaimed.map((u) => (
                <li key={u.instanceName} className="flex flex-wrap gap-x-3">
                  <code className="font-medium">{u.instanceName}</code>
                  <span className="text-muted-foreground">{u.lastEvent}</span>
                  <span className="tabular-nums text-muted-foreground">
                    {t("unclaimedHits", { n: numbers.format(u.hits), time: dates.format(u.lastSeenAt) })}
                  </span>
                </li>
              ))}
            </ul>
          </CardContent>
        </Card>
      ) : null}

      <Card data-testid="admin-failed-analyses">
        <CardHeader>
          <CardTitle>{ta("failedTitle")}</CardTitle>
          <CardDescription>
            {ta("model")}: <Badge variant="secondary">{model.label}</Badge>{" "}
            {failed.length === 0 ? ` · ${ta("failedEmpty")}` : null}
          </CardDescription>
        </CardHeader>
        {failed.length > 0 ? (
          <CardContent className="p-0">
            <DataTable
              rows={failed}
              rowKey={(f) => f.id}
              columns={[
                { key: "tenant", header: t("tenant"), cell: (f) => f.tenantName },
                {
                  key: "sent",
                  header: ta("sentAt"),
                  className: "whitespace-nowrap text-xs",
                  cell: (f) => dates.format(f.sentAt),
                },
                {
                  key: "error",
                  header: ta("error"),
                  className: "max-w-md text-xs text-destructive",
                  cell: (f) => f.error,
                },
                {
                  key: "retry",
                  cell: (f) => (
                    <RetryAnalysisButton
                      action={retryAnalysisAdminAction}
                      hidden={{ tenantId: f.tenantId, messageId: f.id }}
                      label={ta("retry")}
                    />
                  ),
                },
              ]}
            />
          </CardContent>
        ) : null}
      </Card>

      <Card>
        <CardHeader>
          <CardTitle>{t("audit")}</CardTitle>
          <CardDescription>{audit.length === 0 ? t("auditEmpty") : null}</CardDescription>
        </CardHeader>
        {audit.length > 0 ? (
          <CardContent>
            <ul className="grid gap-2 text-sm">
              {audit.map((entry) => (
                <li key={entry.id} className="flex flex-wrap gap-x-3">
                  <span className="tabular-nums text-muted-foreground">{dates.format(entry.createdAt)}</span>
                  <span className="font-medium" data-audit-action={entry.action}>
                    {isAuditAction(entry.action) ? tau(entry.action) : entry.action}
                  </span>
                  <span className="text-muted-foreground">{entry.actorEmail ?? tau("system")}</span>
                </li>
              ))}
            </ul>
          </CardContent>
        ) : null}
      </Card>
    </AppShell>
  );
}
