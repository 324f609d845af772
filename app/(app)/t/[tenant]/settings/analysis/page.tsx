import { RetryAnalysisButton } from "@/components/retry-analysis-button";
import { DataTable, TableCard } from "@/components/data-table";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { describeAnalysisModel } from "@/lib/analysis/model-info";
import { DEFAULT_PROMPT_KEY } from "@/lib/analysis/prompt-template";
import { listFailedAnalyses } from "@/lib/analysis/queries";
import { requireTenant } from "@/lib/auth/guards";
import { analysisStrings } from "@/lib/i18n/dictionaries/analysis";
import { common } from "@/lib/i18n/dictionaries/common";
import { getT } from "@/lib/i18n/server";
import { withTenant } from "@/lib/tenancy/with-tenant";
import { retryAnalysisAction } from "./actions";

export const metadata = { title: "Análise" };

export default async function AnalysisPage({ params }: { params: Promise<{ tenant: string }> }) {
  const { tenant: slug } = await params;
  const { tenant } = await requireTenant(slug, ["admin"]);
  const failed = await withTenant(tenant.id, (tx) => listFailedAnalyses(tx, tenant.id));
  const { t, locale } = await getT(analysisStrings);
  const model = describeAnalysisModel(locale);
  const { t: tc } = await getT(common);
  const dates = new Intl.DateTimeFormat(locale, { dateStyle: "short", timeStyle: "short", timeZone: tenant.timezone });
  return (
    <>
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">{t("title")}</h1>
        <p className="text-sm text-muted-foreground">{t("subtitle")}</p>
      </div>
      <Card data-testid="analysis-model">
        <CardHeader>
          <CardTitle className="text-base">{t("model")}</CardTitle>
          <CardDescription>{model.offline ? t("localNote") : t("remoteNote")}</CardDescription>
        </CardHeader>
        <CardContent className="flex flex-wrap gap-x-8 gap-y-2 text-sm">
          <span>
            {t("model")}: <Badge variant="secondary">{model.label}</Badge>
          </span>
          <span>
            {t("embedding")}: <code className="text-xs">{model.embeddingModel}</code>
          </span>
          <span>
            {t("prompt")}: <code className="text-xs">{DEFAULT_PROMPT_KEY}</code>
          </span>
        </CardContent>
      </Card>
      <TableCard
        data-testid="failed-analyses"
        title={t("failedTitle")}
        description={failed.length === 0 ? t("failedEmpty") : undefined}
      >
        {failed.length > 0 ? (
          <DataTable
            rows={failed}
            rowKey={(f) => f.id}
            columns={[
              {
                key: "sent",
                header: t("sentAt"),
                className: "whitespace-nowrap text-xs",
                cell: (f) => dates.format(f.sentAt),
              },
              { key: "text", header: t("message"), className: "max-w-xs truncate", cell: (f) => f.text },
              {
                key: "error",
                header: t("error"),
                className: "max-w-md text-xs text-destructive",
                cell: (f) => f.error,
              },
              {
                key: "retry",
                cell: (f) => (
                  <RetryAnalysisButton
                    action={retryAnalysisAction}
                    hidden={{ tenant: tenant.slug, messageId: f.id }}
                    label={t("retry")}
                    errors={{ tenant_suspended: tc("tenantSuspended") }}
                  />
                ),
              },
            ]}
          />
        ) : null}
      </TableCard>
    </>
  );
}
