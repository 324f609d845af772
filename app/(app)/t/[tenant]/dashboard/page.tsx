import Link from "next/link";
import { AppShell } from "@/components/app-shell";
import { LiveRefresh } from "@/components/live-refresh";
import { navLabels, tenantNav } from "@/components/tenant-nav";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { requireTenant } from "@/lib/auth/guards";
import { describeAnalysisModel } from "@/lib/analysis/model-info";
import { analysisStrings } from "@/lib/i18n/dictionaries/analysis";
import { common } from "@/lib/i18n/dictionaries/common";
import { dashboardStrings } from "@/lib/i18n/dictionaries/dashboard";
import { getT } from "@/lib/i18n/server";
import { resolvePeriod } from "@/lib/metrics/period";
import { getTenantMetrics } from "@/lib/metrics/queries";
import { getTenantOverview } from "@/lib/tenancy/queries";
import { withTenant } from "@/lib/tenancy/with-tenant";

export const metadata = { title: "Painel" };

const DAY = 24 * 60 * 60 * 1000;

export default async function DashboardPage({ params }: { params: Promise<{ tenant: string }> }) {
  const { tenant: slug } = await params;
  const { user, tenant } = await requireTenant(slug);
  const period = resolvePeriod(tenant.timezone);
  const [overview, metrics] = await withTenant(tenant.id, (tx) =>
    Promise.all([getTenantOverview(tx, tenant.id, new Date(Date.now() - 30 * DAY)), getTenantMetrics(tx, tenant.id, period)]),
  );
  const { t, locale } = await getT(dashboardStrings);
  const { t: tc } = await getT(common);
  const { t: ta } = await getT(analysisStrings);
  const model = describeAnalysisModel();
  const n = new Intl.NumberFormat(locale);
  const decimal = new Intl.NumberFormat(locale, { maximumFractionDigits: 2, minimumFractionDigits: 2 });

  const cards = [
    // Volumes and scores come from the rollups, as in GET /api/v1/tenants/:id/metrics.
    { id: "received", label: t("received"), value: n.format(metrics.messagesReceived) },
    { id: "sent", label: t("sent"), value: n.format(metrics.messagesSent) },
    { id: "conversations", label: t("conversations"), value: n.format(overview.chats) },
    {
      id: "connections",
      label: t("connections"),
      value: n.format(overview.connections),
      hint: t("connectionsOpen", { open: overview.openConnections, total: overview.connections }),
    },
    {
      id: "sentiment",
      label: t("avgSentiment"),
      value: metrics.avgSentiment === null ? "—" : decimal.format(metrics.avgSentiment),
      hint: metrics.avgSentiment === null ? t("noScores") : undefined,
    },
    {
      id: "satisfaction",
      label: t("avgSatisfaction"),
      value: metrics.avgSatisfaction === null ? "—" : n.format(Math.round(metrics.avgSatisfaction)),
      hint: metrics.avgSatisfaction === null ? t("noScores") : undefined,
    },
  ];

  return (
    <AppShell
      user={user}
      locale={locale}
      title={tenant.name}
      nav={tenantNav(tenant.slug, user.role, "dashboard", navLabels(tc))}
      notice={
        tenant.status !== "active" ? (
          <Alert variant="destructive">
            <AlertDescription>{tc("suspendedNotice")}</AlertDescription>
          </Alert>
        ) : null
      }
    >
      <LiveRefresh />
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">{t("title")}</h1>
        <p className="text-sm text-muted-foreground">{t("subtitle", { tenant: tenant.name })}</p>
      </div>

      {overview.messages === 0 ? (
        <Card>
          <CardHeader>
            <CardTitle>{t("emptyTitle")}</CardTitle>
            <CardDescription>{t("emptyBody")}</CardDescription>
          </CardHeader>
          {user.role !== "viewer" ? (
            <CardContent>
              <Button asChild>
                <Link href={`/t/${tenant.slug}/settings/connections`}>{t("goConnections")}</Link>
              </Button>
            </CardContent>
          ) : null}
        </Card>
      ) : null}

      <section className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3" aria-label="KPI">
        {cards.map((card) => (
          <Card key={card.id} data-testid={`kpi-${card.id}`}>
            <CardHeader className="pb-2">
              <CardDescription>{card.label}</CardDescription>
              <CardTitle className="text-3xl tabular-nums" data-testid={`kpi-${card.id}-value`}>
                {card.value}
              </CardTitle>
            </CardHeader>
            {card.hint ? <CardContent className="text-xs text-muted-foreground">{card.hint}</CardContent> : null}
          </Card>
        ))}
      </section>

      <Card data-testid="analysis-status">
        <CardHeader>
          <CardTitle className="text-base">{t("analysis")}</CardTitle>
        </CardHeader>
        <CardContent className="flex flex-wrap gap-x-6 gap-y-2 text-sm">
          <span>{t("analyzed", { n: n.format(overview.analyzed) })}</span>
          <span>{t("pending", { n: n.format(overview.pending) })}</span>
          <span className={overview.failed ? "text-destructive" : undefined}>
            {user.role === "viewer" ? (
              t("failed", { n: n.format(overview.failed) })
            ) : (
              <Link className="underline-offset-4 hover:underline" href={`/t/${tenant.slug}/settings/analysis`}>
                {t("failed", { n: n.format(overview.failed) })}
              </Link>
            )}
          </span>
          <span className="text-muted-foreground" data-testid="analysis-model-label">
            {ta("model")}: {model.label}
          </span>
        </CardContent>
      </Card>
    </AppShell>
  );
}
