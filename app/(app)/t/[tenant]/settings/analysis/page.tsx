import { RetryAnalysisButton } from "@/components/retry-analysis-button";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
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
      <Card data-testid="failed-analyses">
        <CardHeader>
          <CardTitle className="text-base">{t("failedTitle")}</CardTitle>
          {failed.length === 0 ? <CardDescription>{t("failedEmpty")}</CardDescription> : null}
        </CardHeader>
        {failed.length > 0 ? (
          <CardContent className="overflow-x-auto p-0">
            <Table>
              <TableHeader>
                <TableRow>
                  <TableHead>{t("sentAt")}</TableHead>
                  <TableHead>{t("message")}</TableHead>
                  <TableHead>{t("error")}</TableHead>
                  <TableHead />
                </TableRow>
              </TableHeader>
              <TableBody>
                {failed.map((f) => (
                  <TableRow key={f.id}>
                    <TableCell className="whitespace-nowrap text-xs">{dates.format(f.sentAt)}</TableCell>
                    <TableCell className="max-w-xs truncate">{f.text}</TableCell>
                    <TableCell className="max-w-md text-xs text-destructive">{f.error}</TableCell>
                    <TableCell>
                      <RetryAnalysisButton action={retryAnalysisAction} hidden={{ tenant: tenant.slug, messageId: f.id }} label={t("retry")} errors={{ tenant_suspended: tc("tenantSuspended") }} />
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </CardContent>
        ) : null}
      </Card>
    </>
  );
}
