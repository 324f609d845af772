import Link from "next/link";
import { Suspense } from "react";
import { PeriodConnectionEmotionFields, RangeField } from "@/components/filter-fields";
import { TableSkeleton } from "@/components/skeletons";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import { platformDb } from "@/lib/tenancy/queries";
import { EMOTIONS, type Emotion } from "@/lib/scores/vocabulary";
import { embeddingProvider } from "@/lib/analysis/providers/resolve";
import { LOCAL_EMBEDDING_MODEL } from "@/lib/analysis/model";
import { requireTenant } from "@/lib/auth/guards";
import { common } from "@/lib/i18n/dictionaries/common";
import { emotionStrings } from "@/lib/i18n/dictionaries/emotions";
import { searchStrings } from "@/lib/i18n/dictionaries/search";
import { getT } from "@/lib/i18n/server";
import { listConnectionsPublic } from "@/lib/messages/queries";
import { textSearch } from "@/lib/search/queries";
import { pageFilters, searchPageQuerySchema, type SearchPageQuery } from "@/lib/search/schemas";
import { semanticSearch } from "@/lib/search/semantic";
import { withTenant } from "@/lib/tenancy/with-tenant";
import { readUrlQuery } from "@/lib/url-params";

export const metadata = { title: "Busca" };

type Tenant = Awaited<ReturnType<typeof requireTenant>>["tenant"];
type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function SearchPage({
  params,
  searchParams,
}: {
  params: Promise<{ tenant: string }>;
  searchParams: SearchParams;
}) {
  const { tenant: slug } = await params;
  const { tenant } = await requireTenant(slug);
  const raw = Object.fromEntries(
    Object.entries(await searchParams).flatMap(([k, v]) => (typeof v === "string" ? [[k, v]] : [])),
  );
  const { query, invalid } = readUrlQuery(searchPageQuerySchema, raw);
  const connectionList = await withTenant(tenant.id, (tx) => listConnectionsPublic(tx, tenant.id));
  const { t } = await getT(searchStrings);
  const { t: tc } = await getT(common);
  const { t: te } = await getT(emotionStrings);
  const allowed = tenant.planLimits.semanticSearch;
  return (
    <>
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">{t("title")}</h1>
        <p className="text-sm text-muted-foreground">{t("subtitle")}</p>
      </div>
      {invalid.length ? (
        <Alert variant="destructive" role="alert">
          <AlertDescription>
            {t("invalidFilters", {
              fields: invalid
                .map((k) =>
                  k === "q"
                    ? t("queryTooLong")
                    : k === "from" || k === "to"
                      ? `${t(k)} (${t("dayFormat")})`
                      : k === "connection"
                        ? tc("connections")
                        : k === "emotion"
                          ? t("emotion")
                          : t("sentimentRange"),
                )
                .join(", "),
            })}
          </AlertDescription>
        </Alert>
      ) : null}
      <form method="get" className="grid gap-3" role="search">
        <div className="flex flex-col gap-2 sm:flex-row">
          <Input
            name="q"
            type="search"
            defaultValue={query.q}
            placeholder={t("placeholder")}
            aria-label={t("search")}
            maxLength={500}
            className="sm:max-w-xl"
          />
          <Button type="submit">{t("search")}</Button>
        </div>
        <div className="grid gap-3 text-sm sm:grid-cols-2 lg:grid-cols-5">
          <PeriodConnectionEmotionFields
            labels={{
              from: t("from"),
              to: t("to"),
              connection: tc("connections"),
              emotion: t("emotion"),
              all: t("all"),
            }}
            values={query}
            connections={connectionList}
            emotions={EMOTIONS.map((e) => ({ value: e, label: te(e) }))}
          />
          <RangeField
            legend={t("sentimentRange")}
            what={t("sentimentRange")}
            names={["sentimentMin", "sentimentMax"]}
            values={[query.sentimentMin, query.sentimentMax]}
            bounds={[-1, 1]}
            step="0.1"
          />
        </div>
      </form>
      {!allowed ? <p className="text-sm text-muted-foreground">{t("planLimit")}</p> : null}
      {allowed && embeddingProvider().model === LOCAL_EMBEDDING_MODEL ? (
        <p className="text-xs text-muted-foreground">{t("localModel")}</p>
      ) : null}
      <Suspense key={JSON.stringify(query)} fallback={<TableSkeleton label={t("loading")} rows={5} />}>
        <SearchResults tenant={tenant} query={query} allowed={allowed} />
      </Suspense>
    </>
  );
}

type Hit = {
  id: string;
  chatId: string;
  text: string | null;
  sentAt: Date;
  sentiment: number | null;
  emotion: string | null;
  matchedBy: string[];
};

async function SearchResults({ tenant, query, allowed }: { tenant: Tenant; query: SearchPageQuery; allowed: boolean }) {
  const { t, locale } = await getT(searchStrings);
  const { t: te } = await getT(emotionStrings);
  const filters = pageFilters(query, tenant.timezone);
  let hits: Hit[] = [];
  if (query.q.length >= 2) {
    hits = allowed
      ? (await semanticSearch(await platformDb(), tenant.id, { query: query.q, filters, limit: 30 })).results
      : (await withTenant(tenant.id, (tx) => textSearch(tx, tenant.id, query.q, filters, 30))).map((m) => ({
          ...m,
          matchedBy: ["words"],
        }));
  }
  const clock = new Intl.DateTimeFormat(locale, { dateStyle: "short", timeStyle: "short", timeZone: tenant.timezone });
  const decimal = new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  return (
    <Card>
      <CardHeader>
        <CardDescription data-testid="search-summary">
          {query.q.length < 2
            ? t(allowed ? "start" : "startWords")
            : hits.length
              ? t("results", { n: hits.length })
              : t("empty")}
        </CardDescription>
      </CardHeader>
      {hits.length ? (
        <CardContent>
          <ol className="flex flex-col divide-y" data-testid="search-results">
            {hits.map((h) => (
              <li key={h.id} className="flex flex-col gap-1 py-3">
                <Link
                  href={`/t/${tenant.slug}/conversations/${h.chatId}#m-${h.id}`}
                  className="underline-offset-4 hover:underline"
                >
                  {h.text}
                </Link>
                <div className="flex flex-wrap gap-1 text-xs text-muted-foreground">
                  <span>{clock.format(new Date(h.sentAt))}</span>
                  {h.sentiment !== null ? <Badge variant="secondary">{decimal.format(h.sentiment)}</Badge> : null}
                  {h.emotion ? <Badge variant="outline">{te(h.emotion as Emotion)}</Badge> : null}
                  {h.matchedBy.map((by) => (
                    <Badge key={by} variant="outline">
                      {by === "meaning" ? t("meaning") : t("words")}
                    </Badge>
                  ))}
                </div>
              </li>
            ))}
          </ol>
        </CardContent>
      ) : null}
    </Card>
  );
}
