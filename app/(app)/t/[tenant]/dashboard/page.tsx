import Link from "next/link";
import { Suspense } from "react";
import { ChartCard } from "@/components/dashboard/chart-card";
import { DistributionChart, VolumeChart } from "@/components/dashboard/charts";
import { Heatmap } from "@/components/dashboard/heatmap";
import { DashboardFilters } from "@/components/dashboard/dashboard-filters";
import { LiveRefresh } from "@/components/live-refresh";
import { DashboardSkeleton } from "@/components/skeletons";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { requireTenant } from "@/lib/auth/guards";
import { describeAnalysisModel } from "@/lib/analysis/model-info";
import { EMOTIONS, type Emotion, type Tone } from "@/lib/scores/vocabulary";
import { analysisStrings } from "@/lib/i18n/dictionaries/analysis";
import { dashboardStrings } from "@/lib/i18n/dictionaries/dashboard";
import { emotionStrings, toneStrings } from "@/lib/i18n/dictionaries/emotions";
import { formatDuration } from "@/lib/i18n/duration";
import { getT } from "@/lib/i18n/server";
import { listConnectionsPublic } from "@/lib/messages/queries";
import { readDashboardQuery } from "@/lib/metrics/dashboard-query";
import { RANGES } from "@/lib/metrics/period";
import { dashboardFigures } from "@/lib/metrics/dashboard";
import { getAnalysisBacklog } from "@/lib/tenancy/queries";
import { withTenant } from "@/lib/tenancy/with-tenant";
import { cn } from "@/lib/utils";

export const metadata = { title: "Painel" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

type Tenant = Awaited<ReturnType<typeof requireTenant>>["tenant"];
type User = Awaited<ReturnType<typeof requireTenant>>["user"];
type Filters = {
  period: { from: string; to: string };
  previous: { from: string; to: string };
  connectionId?: string;
  emotion?: Emotion;
};

export default async function DashboardPage({
  params,
  searchParams,
}: {
  params: Promise<{ tenant: string }>;
  searchParams: SearchParams;
}) {
  const { tenant: slug } = await params;
  // Before anything streams: a foreign or unknown tenant must still answer 404.
  const { user, tenant } = await requireTenant(slug);
  const sp = await searchParams;
  const single = Object.fromEntries(Object.entries(sp).map(([k, v]) => [k, typeof v === "string" ? v : undefined]));
  const { range, period, previous, connectionId, emotion, problem } = readDashboardQuery(tenant.timezone, single);
  const connectionList = await withTenant(tenant.id, (tx) => listConnectionsPublic(tx, tenant.id));
  const { t, locale } = await getT(dashboardStrings);
  const { t: te } = await getT(emotionStrings);
  const longDay = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeZone: "UTC" });
  const filters: Filters = { period, previous, connectionId, emotion };

  return (
    <>
      <LiveRefresh tenant={tenant.slug} />
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">{t("title")}</h1>
        <p className="text-sm text-muted-foreground" data-testid="dashboard-period">
          {tenant.name} ·{" "}
          {t("periodLabel", {
            from: longDay.format(new Date(`${period.from}T00:00:00Z`)),
            to: longDay.format(new Date(`${period.to}T00:00:00Z`)),
          })}
        </p>
      </div>
      <DashboardFilters
        basePath={`/t/${tenant.slug}/dashboard`}
        value={{ range, from: period.from, to: period.to, connection: connectionId, emotion }}
        presets={RANGES.map((r) => ({
          range: r,
          label: t(r === "today" ? "periodToday" : (`period${r}` as "period7")),
        }))}
        connections={connectionList.map((c) => ({ value: c.id, label: c.name }))}
        emotions={EMOTIONS.map((e) => ({ value: e, label: te(e) }))}
        problem={problem ? t(problem) : undefined}
        strings={{
          form: t("filters"),
          period: t("custom"),
          from: t("periodFrom"),
          to: t("periodTo"),
          apply: t("apply"),
          connection: t("connections"),
          allConnections: t("allConnections"),
          emotion: t("emotion"),
          allEmotions: t("allEmotions"),
          invalidDate: t("invalid_date"),
          invertedDates: t("inverted_dates"),
        }}
      />
      {emotion ? (
        <p className="text-sm text-muted-foreground" data-testid="dashboard-emotion-notice">
          {t("emotionFiltered", { emotion: te(emotion) })}
        </p>
      ) : null}
      <Suspense
        key={`${period.from}|${period.to}|${connectionId ?? ""}|${emotion ?? ""}`}
        fallback={<DashboardSkeleton label={t("loading")} />}
      >
        <DashboardBody tenant={tenant} user={user} filters={filters} connectionList={connectionList} />
      </Suspense>
    </>
  );
}

async function DashboardBody({
  tenant,
  user,
  filters: { period, previous, connectionId, emotion },
  connectionList,
}: {
  tenant: Tenant;
  user: User;
  filters: Filters;
  connectionList: Awaited<ReturnType<typeof listConnectionsPublic>>;
}) {
  const [backlog, metrics, before] = await withTenant(tenant.id, (tx) =>
    Promise.all([
      getAnalysisBacklog(tx, tenant.id),
      dashboardFigures(tx, tenant.id, tenant.timezone, { ...period, connectionId, emotion }),
      dashboardFigures(tx, tenant.id, tenant.timezone, { ...previous, connectionId, emotion }),
    ]),
  );
  const conversations = metrics.conversations;
  const conversationsBefore = before.conversations;
  const { t, locale } = await getT(dashboardStrings);
  const { t: ta } = await getT(analysisStrings);
  const { t: te } = await getT(emotionStrings);
  const { t: tt } = await getT(toneStrings);
  const model = describeAnalysisModel(locale);
  const n = new Intl.NumberFormat(locale);
  const decimal = new Intl.NumberFormat(locale, { maximumFractionDigits: 2, minimumFractionDigits: 2 });
  const pct = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
  const shortDay = new Intl.DateTimeFormat(locale, { day: "2-digit", month: "2-digit", timeZone: "UTC" });

  // Every number opens the conversations it counts: same period, same connection, same emotion.
  const drill = (extra: Record<string, string> = {}, days = period) => {
    const q = new URLSearchParams({
      from: days.from,
      to: days.to,
      ...(connectionId ? { connection: connectionId } : {}),
      ...(emotion ? { emotion } : {}),
      ...extra,
    });
    return `/t/${tenant.slug}/conversations?${q.toString()}`;
  };
  const formatLatency = (ms: number) =>
    ms < 1000 ? `${n.format(Math.round(ms))} ms` : `${decimal.format(ms / 1000)} s`;
  const delta = (now: number | null, then: number | null, format: (v: number) => string) =>
    now === null || then === null
      ? undefined
      : t("vsPrevious", { delta: `${now - then >= 0 ? "+" : "−"}${format(Math.abs(now - then))}` });

  const cards: { id: string; label: string; value: string; hint?: string; href: string }[] = [
    {
      id: "received",
      label: emotion ? t("receivedWithEmotion", { emotion: te(emotion) }) : t("received"),
      value: n.format(metrics.messagesReceived),
      hint: delta(metrics.messagesReceived, before.messagesReceived, n.format),
      href: drill(),
    },
    {
      id: "sent",
      label: t("sent"),
      value: metrics.messagesSent === null ? "—" : n.format(metrics.messagesSent),
      hint:
        metrics.messagesSent === null ? t("notForEmotion") : delta(metrics.messagesSent, before.messagesSent, n.format),
      href: drill(),
    },
    {
      id: "sentiment",
      label: t("avgSentiment"),
      value: metrics.avgSentiment === null ? "—" : decimal.format(metrics.avgSentiment),
      hint:
        metrics.avgSentiment === null
          ? t("noScores")
          : delta(metrics.avgSentiment, before.avgSentiment, decimal.format),
      href: drill({ sort: "sentiment", dir: "asc" }),
    },
    {
      id: "positive",
      label: t("pctPositive"),
      value: metrics.pctPositive === null ? "—" : `${pct.format(metrics.pctPositive)}%`,
      hint: delta(metrics.pctPositive, before.pctPositive, (v) => `${pct.format(v)} p.p.`),
      href: drill({ sentimentMin: "0.1" }),
    },
    {
      id: "negative",
      label: t("pctNegative"),
      value: metrics.pctNegative === null ? "—" : `${pct.format(metrics.pctNegative)}%`,
      hint: delta(metrics.pctNegative, before.pctNegative, (v) => `${pct.format(v)} p.p.`),
      href: drill({ negative: "1" }),
    },
    {
      id: "satisfaction",
      label: t("avgSatisfaction"),
      value: metrics.avgSatisfaction === null ? "—" : n.format(Math.round(metrics.avgSatisfaction)),
      hint:
        metrics.avgSatisfaction === null
          ? t("noScores")
          : delta(metrics.avgSatisfaction, before.avgSatisfaction, (v) => n.format(Math.round(v))),
      href: drill({ sort: "satisfaction", dir: "asc" }),
    },
    {
      id: "conversations",
      label: t("conversations"),
      value: n.format(conversations),
      hint: delta(conversations, conversationsBefore, n.format),
      href: drill(),
    },
    {
      id: "first-response",
      label: t("firstResponse"),
      value:
        metrics.medianFirstResponseSeconds === null
          ? "—"
          : formatDuration(metrics.medianFirstResponseSeconds * 1000, locale),
      hint: emotion
        ? t("notForEmotion")
        : metrics.medianFirstResponseSeconds === null
          ? t("noReplies")
          : (delta(metrics.medianFirstResponseSeconds, before.medianFirstResponseSeconds, (v) =>
              formatDuration(v * 1000, locale),
            ) ?? t("firstResponseHint")),
      href: drill(),
    },
    {
      id: "latency",
      label: t("p95Latency"),
      value: metrics.p95AnalysisLatencyMs === null ? "—" : formatLatency(metrics.p95AnalysisLatencyMs),
      hint: delta(metrics.p95AnalysisLatencyMs, before.p95AnalysisLatencyMs, formatLatency),
      href: drill(),
    },
  ];

  const volume = metrics.daily.map((d) => ({
    day: d.day,
    label: shortDay.format(new Date(`${d.day}T00:00:00Z`)),
    received: d.received,
    sent: emotion ? null : d.sent,
    avgSentiment: d.avgSentiment === null ? null : Math.round(d.avgSentiment * 100) / 100,
    href: drill({}, { from: d.day, to: d.day }),
  }));
  const bars = (counts: Record<string, number>, param: "emotion" | "tone", order?: string[]) =>
    (order ?? Object.keys(counts).sort((a, b) => (counts[b] ?? 0) - (counts[a] ?? 0)))
      .filter((k) => counts[k])
      .map((k) => ({
        key: k,
        label: param === "emotion" ? te(k as Emotion) : tt(k as Tone),
        value: counts[k] ?? 0,
        href: drill({ [param]: k }),
      }));
  const satisfaction = Array.from({ length: 10 }, (_, i) => ({
    key: String(i),
    label: `${i * 10}–${i === 9 ? 100 : i * 10 + 9}`,
    value: metrics.satisfactionDistribution[String(i)] ?? 0,
    href: drill({ satisfactionMin: String(i * 10), satisfactionMax: String(i === 9 ? 100 : i * 10 + 9) }),
  }));
  // Sunday first, as Date.getUTCDay counts them; names in the user's language.
  const weekdays = Array.from({ length: 7 }, (_, d) =>
    new Intl.DateTimeFormat(locale, { weekday: "short", timeZone: "UTC" }).format(new Date(Date.UTC(2026, 10, 22 + d))),
  );
  const byConnection = connectionList
    .filter((c) => metrics.byConnection[c.id])
    .map((c) => ({
      key: c.id,
      label: c.name,
      value: metrics.byConnection[c.id]!.received,
      href: drill({ connection: c.id }),
    }));

  return (
    <>
      {metrics.messagesReceived === 0 && !metrics.messagesSent && !emotion ? (
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

      <section className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4" aria-label={t("kpis")}>
        {cards.map((card) => (
          <Link
            key={card.id}
            href={card.href}
            className="rounded-xl focus-visible:outline-none focus-visible:ring-[3px] focus-visible:ring-ring/50"
          >
            <Card data-testid={`kpi-${card.id}`} className="h-full transition-colors hover:bg-accent/40">
              <CardHeader className="pb-2">
                <CardDescription>{card.label}</CardDescription>
                <CardTitle className="text-3xl tabular-nums" data-testid={`kpi-${card.id}-value`}>
                  {card.value}
                </CardTitle>
              </CardHeader>
              {card.hint ? <CardContent className="text-xs text-muted-foreground">{card.hint}</CardContent> : null}
            </Card>
          </Link>
        ))}
      </section>

      <ChartCard title={t("volumeTitle")} description={t("chartHint")}>
        <VolumeChart
          data={volume}
          labels={{ received: t("received"), sent: t("sent"), sentiment: t("avgSentiment") }}
        />
      </ChartCard>

      <div className="grid gap-4 lg:grid-cols-2">
        <ChartCard title={t("satisfactionTitle")}>
          <DistributionChart data={satisfaction} testId="chart-satisfaction" />
        </ChartCard>
        <ChartCard title={t("emotionsTitle")}>
          <DistributionChart data={bars(metrics.emotions, "emotion")} testId="chart-emotions" vertical />
        </ChartCard>
        <ChartCard title={t("tonesTitle")}>
          <DistributionChart data={bars(metrics.tones, "tone")} testId="chart-tones" vertical />
        </ChartCard>
        <ChartCard title={t("connectionsTitle")}>
          <DistributionChart data={byConnection} testId="chart-connections" vertical />
        </ChartCard>
      </div>
      <ChartCard title={t("heatmapTitle")}>
        <Heatmap
          data={metrics.heatmap}
          weekdays={weekdays}
          label={(day, hour, count) => `${day} ${hour}h: ${n.format(count)}`}
          href={(weekday, hour) => drill({ weekday: String(weekday), hour: String(hour) })}
        />
      </ChartCard>

      <Card data-testid="analysis-status">
        <CardHeader>
          <CardTitle className="text-base">{t("analysis")}</CardTitle>
        </CardHeader>
        <CardContent className="flex flex-wrap gap-x-6 gap-y-2 text-sm">
          <span>{t("analyzed", { n: n.format(metrics.analyzed) })}</span>
          <span>{t("pending", { n: n.format(backlog.pending) })}</span>
          <span className={cn(backlog.failed && "text-destructive")}>
            {user.role === "viewer" ? (
              t("failed", { n: n.format(backlog.failed) })
            ) : (
              <Link className="underline-offset-4 hover:underline" href={`/t/${tenant.slug}/settings/analysis`}>
                {t("failed", { n: n.format(backlog.failed) })}
              </Link>
            )}
          </span>
          <span className="text-muted-foreground" data-testid="analysis-model-label">
            {ta("model")}: {model.label}
          </span>
        </CardContent>
      </Card>
    </>
  );
}
