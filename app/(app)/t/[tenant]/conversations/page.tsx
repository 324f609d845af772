import Link from "next/link";
import { Suspense } from "react";
import { ConversationsTable } from "@/components/conversations/conversations-table";
import { PeriodConnectionEmotionFields, RangeField, SelectField } from "@/components/filter-fields";
import { LiveRefresh } from "@/components/live-refresh";
import { TableSkeleton } from "@/components/skeletons";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import { EMOTIONS, TONES } from "@/lib/scores/vocabulary";
import { requireTenant } from "@/lib/auth/guards";
import { listConversations } from "@/lib/conversations/queries";
import { readUrlQuery } from "@/lib/url-params";
import { conversationQuerySchema, type ConversationQuery } from "@/lib/conversations/schemas";
import { listConnectionsPublic } from "@/lib/messages/queries";
import { common } from "@/lib/i18n/dictionaries/common";
import { conversationStrings } from "@/lib/i18n/dictionaries/conversations";
import { emotionStrings, toneStrings } from "@/lib/i18n/dictionaries/emotions";
import { getT } from "@/lib/i18n/server";
import { withTenant } from "@/lib/tenancy/with-tenant";

export const metadata = { title: "Conversas" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

function single(params: Record<string, string | string[] | undefined>): Record<string, string> {
  return Object.fromEntries(Object.entries(params).flatMap(([k, v]) => (typeof v === "string" ? [[k, v]] : [])));
}

const FIELD_KEYS = {
  connection: "connection",
  emotion: "emotion",
  tone: "tone",
  sentimentMin: "sentimentRange",
  sentimentMax: "sentimentRange",
  satisfactionMin: "satisfactionRange",
  satisfactionMax: "satisfactionRange",
  sort: "sortLabel",
  dir: "sortLabel",
  page: "pageLabel",
  weekday: "cellLabel",
  hour: "cellLabel",
  negative: "negativeOnly",
} as const;

export default async function ConversationsPage({
  params,
  searchParams,
}: {
  params: Promise<{ tenant: string }>;
  searchParams: SearchParams;
}) {
  const { tenant: slug } = await params;
  const { tenant } = await requireTenant(slug);
  const raw = single(await searchParams);
  const { query, invalid } = readUrlQuery(conversationQuerySchema, raw);
  const connectionList = await withTenant(tenant.id, (tx) => listConnectionsPublic(tx, tenant.id));
  const { t, locale } = await getT(conversationStrings);
  const { t: te } = await getT(emotionStrings);
  const { t: tt } = await getT(toneStrings);
  const weekdayName = (d: number) =>
    new Intl.DateTimeFormat(locale, { weekday: "long", timeZone: "UTC" }).format(new Date(Date.UTC(2026, 10, 22 + d)));
  const withoutCell = new URLSearchParams(
    Object.entries(raw).filter(([k]) => k !== "weekday" && k !== "hour" && k !== "page"),
  ).toString();
  const fieldLabel = (k: string): string =>
    k === "q"
      ? t("searchTooLong")
      : k === "from" || k === "to"
        ? `${t(k)} (${t("dayFormat")})`
        : k in FIELD_KEYS
          ? t(FIELD_KEYS[k as keyof typeof FIELD_KEYS])
          : k;
  const filtered = Object.keys(raw).some((k) => !["sort", "dir", "page"].includes(k));

  return (
    <>
      <LiveRefresh tenant={tenant.slug} />
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">{t("title")}</h1>
        <p className="text-sm text-muted-foreground">{t("subtitle")}</p>
      </div>
      {invalid.length ? (
        <Alert variant="destructive" role="alert">
          <AlertDescription>
            {t("invalidFilters", { fields: invalid.map((k) => fieldLabel(k)).join(", ") })}
          </AlertDescription>
        </Alert>
      ) : null}
      <Card>
        <CardContent>
          <form method="get" className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4" aria-label={t("apply")}>
            <PeriodConnectionEmotionFields
              labels={{
                from: t("from"),
                to: t("to"),
                connection: t("connection"),
                emotion: t("emotion"),
                all: t("all"),
              }}
              values={query}
              connections={connectionList}
              emotions={EMOTIONS.map((e) => ({ value: e, label: te(e) }))}
            />
            <SelectField
              label={t("tone")}
              name="tone"
              value={query.tone}
              allLabel={t("all")}
              options={TONES.map((tone) => ({ value: tone, label: tt(tone) }))}
            />
            <RangeField
              legend={t("sentimentRange")}
              what={t("sentiment")}
              names={["sentimentMin", "sentimentMax"]}
              values={[query.sentimentMin, query.sentimentMax]}
              bounds={[-1, 1]}
              step="0.1"
            />
            <RangeField
              legend={t("satisfactionRange")}
              what={t("satisfaction")}
              names={["satisfactionMin", "satisfactionMax"]}
              values={[query.satisfactionMin, query.satisfactionMax]}
              bounds={[0, 100]}
            />
            <label className="grid gap-1 text-sm">
              {t("search")}
              <Input type="search" name="q" defaultValue={query.q ?? ""} maxLength={200} />
            </label>
            <div className="flex flex-wrap items-end gap-3">
              <label className="flex items-center gap-2 text-sm">
                <input type="checkbox" name="negative" value="1" defaultChecked={Boolean(query.negative)} />
                {t("negativeOnly")}
              </label>
              {query.weekday !== undefined ? <input type="hidden" name="weekday" value={query.weekday} /> : null}
              {query.hour !== undefined ? <input type="hidden" name="hour" value={query.hour} /> : null}
              <input type="hidden" name="sort" value={query.sort} />
              <input type="hidden" name="dir" value={query.dir} />
              <Button type="submit">{t("apply")}</Button>
              {filtered ? (
                <Button variant="ghost" asChild>
                  <Link href={`/t/${tenant.slug}/conversations`}>{t("clear")}</Link>
                </Button>
              ) : null}
            </div>
          </form>
        </CardContent>
      </Card>
      {query.weekday !== undefined || query.hour !== undefined ? (
        <p className="text-sm text-muted-foreground" data-testid="conversations-cell-filter">
          {t("cell", { day: query.weekday !== undefined ? weekdayName(query.weekday) : "—", hour: query.hour ?? "—" })}{" "}
          ·{" "}
          <Link className="underline underline-offset-4" href={`/t/${tenant.slug}/conversations?${withoutCell}`}>
            {t("clearCell")}
          </Link>
        </p>
      ) : null}
      {/* The filters answer at once; the results stream in behind a skeleton, keyed by the query. */}
      <Suspense key={JSON.stringify(raw)} fallback={<TableSkeleton label={t("loading")} />}>
        <ConversationResults tenant={tenant} raw={raw} query={query} filtered={filtered} />
      </Suspense>
    </>
  );
}

async function ConversationResults({
  tenant,
  raw,
  query,
  filtered,
}: {
  tenant: Awaited<ReturnType<typeof requireTenant>>["tenant"];
  raw: Record<string, string>;
  query: ConversationQuery;
  filtered: boolean;
}) {
  const result = await withTenant(tenant.id, (tx) => listConversations(tx, tenant.id, query, tenant.timezone));
  const { t, locale } = await getT(conversationStrings);
  const { t: tc } = await getT(common);
  const pages = Math.max(1, Math.ceil(result.total / result.pageSize));
  const pageHref = (page: number) => {
    const search = new URLSearchParams(raw);
    search.set("page", String(page));
    return `/t/${tenant.slug}/conversations?${search.toString()}`;
  };
  const rows = result.rows.map((r) => ({
    id: r.id,
    contact: r.contactName ?? t("unknown"),
    phoneMasked: r.phoneMasked,
    connectionName: r.connectionName,
    lastMessageAt: r.lastMessageAt?.toISOString() ?? null,
    messageCount: r.messageCount,
    avgSentiment: r.avgSentiment === null ? null : Number(r.avgSentiment),
    avgSatisfaction: r.avgSatisfaction === null ? null : Number(r.avgSatisfaction),
    trend: r.trend,
  }));
  const exportQuery = new URLSearchParams(Object.entries(raw).filter(([k]) => k !== "page")).toString();

  return (
    <>
      <Card>
        {rows.length === 0 ? (
          <CardHeader>
            <CardDescription data-testid="conversations-empty">
              {filtered ? t("empty") : t("emptyNoData")}
            </CardDescription>
          </CardHeader>
        ) : (
          <CardContent className="overflow-x-auto p-0">
            <Suspense>
              <ConversationsTable
                rows={rows}
                tenant={tenant.slug}
                locale={locale}
                timezone={tenant.timezone}
                strings={{
                  contact: t("contact"),
                  connection: t("connection"),
                  last: t("last"),
                  messages: t("messages"),
                  sentiment: t("sentiment"),
                  satisfaction: t("satisfaction"),
                  trend: t("trend"),
                  recovered: t("recovered"),
                  deteriorated: t("deteriorated"),
                }}
              />
            </Suspense>
          </CardContent>
        )}
      </Card>
      <nav className="flex flex-wrap items-center justify-between gap-2 text-sm" aria-label={tc("pagination")}>
        <span data-testid="conversations-total">{t("page", { page: query.page, pages, total: result.total })}</span>
        <span className="flex flex-wrap gap-2">
          {/* Plain links: the browser downloads the file; the filters travel as the same query string. */}
          <Button variant="outline" size="sm" asChild>
            <a href={`/api/v1/exports/conversations.csv?${exportQuery}`} data-testid="export-conversations">
              {t("exportConversations")}
            </a>
          </Button>
          <Button variant="outline" size="sm" asChild>
            <a href={`/api/v1/exports/messages.csv?${exportQuery}`}>{t("exportMessages")}</a>
          </Button>
        </span>
        <div className="flex gap-2">
          {query.page > 1 ? (
            <Button variant="secondary" size="sm" asChild>
              <Link href={pageHref(query.page - 1)}>{t("previous")}</Link>
            </Button>
          ) : null}
          {query.page < pages ? (
            <Button variant="secondary" size="sm" asChild>
              <Link href={pageHref(query.page + 1)}>{t("next")}</Link>
            </Button>
          ) : null}
        </div>
      </nav>
    </>
  );
}
