import Link from "next/link";
import { AppShell } from "@/components/app-shell";
import { navLabels, tenantNav } from "@/components/tenant-nav";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import { getDb } from "@/db/client";
import { embeddingProvider } from "@/lib/analysis/providers/resolve";
import { LOCAL_EMBEDDING_MODEL } from "@/lib/analysis/local";
import { requireTenant } from "@/lib/auth/guards";
import { common } from "@/lib/i18n/dictionaries/common";
import { searchStrings } from "@/lib/i18n/dictionaries/search";
import { getT } from "@/lib/i18n/server";
import { listMessages } from "@/lib/messages/queries";
import { semanticSearch } from "@/lib/search/semantic";
import { withTenant } from "@/lib/tenancy/with-tenant";

export const metadata = { title: "Busca" };

type Hit = { id: string; chatId: string; text: string | null; sentAt: Date; sentiment: number | null; emotion: string | null; matchedBy: string[] };

export default async function SearchPage({ params, searchParams }: { params: Promise<{ tenant: string }>; searchParams: Promise<{ q?: string }> }) {
  const { tenant: slug } = await params;
  const { user, tenant } = await requireTenant(slug);
  const q = ((await searchParams).q ?? "").trim().slice(0, 500);
  const { t, locale } = await getT(searchStrings);
  const { t: tc } = await getT(common);
  const allowed = tenant.planLimits.semanticSearch;
  let hits: Hit[] = [];
  if (q.length >= 2) {
    if (allowed) {
      hits = (await semanticSearch(await getDb(), tenant.id, { query: q, filters: {}, limit: 30 })).results;
    } else {
      const page = await withTenant(tenant.id, (tx) => listMessages(tx, tenant.id, { q, page: 1, pageSize: 30 }));
      hits = page.data.map((m) => ({ ...m, matchedBy: ["words"] }));
    }
  }
  const clock = new Intl.DateTimeFormat(locale, { dateStyle: "short", timeStyle: "short", timeZone: tenant.timezone });
  const decimal = new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  return (
    <AppShell user={user} locale={locale} title={tenant.name} nav={tenantNav(tenant.slug, user.role, "search", navLabels(tc))}>
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">{t("title")}</h1>
        <p className="text-sm text-muted-foreground">{t("subtitle")}</p>
      </div>
      <form method="get" className="flex flex-col gap-2 sm:flex-row" role="search">
        <Input name="q" type="search" defaultValue={q} placeholder={t("placeholder")} aria-label={t("search")} className="sm:max-w-xl" />
        <Button type="submit">{t("search")}</Button>
      </form>
      {!allowed ? <p className="text-sm text-muted-foreground">{t("planLimit")}</p> : null}
      {allowed && embeddingProvider().model === LOCAL_EMBEDDING_MODEL ? <p className="text-xs text-muted-foreground">{t("localModel")}</p> : null}
      <Card>
        <CardHeader>
          <CardDescription data-testid="search-summary">{q.length < 2 ? t("start") : hits.length ? t("results", { n: hits.length }) : t("empty")}</CardDescription>
        </CardHeader>
        {hits.length ? (
          <CardContent>
            <ol className="flex flex-col divide-y" data-testid="search-results">
              {hits.map((h) => (
                <li key={h.id} className="flex flex-col gap-1 py-3">
                  <Link href={`/t/${tenant.slug}/conversations/${h.chatId}#m-${h.id}`} className="underline-offset-4 hover:underline">
                    {h.text}
                  </Link>
                  <div className="flex flex-wrap gap-1 text-xs text-muted-foreground">
                    <span>{clock.format(new Date(h.sentAt))}</span>
                    {h.sentiment !== null ? <Badge variant="secondary">{decimal.format(h.sentiment)}</Badge> : null}
                    {h.emotion ? <Badge variant="outline">{h.emotion}</Badge> : null}
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
    </AppShell>
  );
}
