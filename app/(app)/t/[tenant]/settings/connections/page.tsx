import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { platformDb } from "@/lib/tenancy/queries";
import { requireTenant } from "@/lib/auth/guards";
import { listConnectionViews, webhookUrl } from "@/lib/connections/service";
import { common } from "@/lib/i18n/dictionaries/common";
import { connectionStrings } from "@/lib/i18n/dictionaries/connections";
import { getT } from "@/lib/i18n/server";
import { ConnectionForm } from "./connection-form";
import { CopyButton } from "./copy-button";
import { DeleteConnectionButton } from "./delete-connection-button";
import { ImportHistoryButton, UploadExportDialog } from "./history-import";
import { StoredTextForm } from "./stored-text-form";

export const metadata = { title: "Conexões" };

const STATE_VARIANT = {
  open: "success",
  connecting: "warning",
  created: "secondary",
  close: "destructive",
  logged_out: "destructive",
} as const;

export default async function ConnectionsPage({ params }: { params: Promise<{ tenant: string }> }) {
  const { tenant: slug } = await params;
  const { tenant } = await requireTenant(slug, ["admin"]);
  const connections = await listConnectionViews(await platformDb(), tenant.id);
  const { t, locale } = await getT(connectionStrings);
  const { t: tc } = await getT(common);
  const url = webhookUrl();
  const dates = new Intl.DateTimeFormat(locale, { dateStyle: "short", timeStyle: "short", timeZone: tenant.timezone });
  const errors = {
    instance_taken: t("instance_taken"),
    plan_limit: t("plan_limit", { limit: tenant.planLimits.connections ?? "∞" }),
    not_found: t("not_found"),
    outbound_url_refused: t("outbound_url_refused"),
    no_messages: t("no_messages"),
    no_contact: t("no_contact"),
    import_running: t("import_running_error"),
    invalid: tc("invalid"),
    forbidden: tc("forbidden"),
    tenant_suspended: tc("tenantSuspended"),
  };
  const formStrings = {
    newConnection: t("newConnection"),
    editConnection: t("editConnection"),
    formDescription: t("formDescription"),
    name: t("name"),
    instanceName: t("instanceName"),
    baseUrl: t("baseUrl"),
    token: t("token"),
    tokenKeep: t("tokenKeep"),
    save: tc("save"),
    cancel: tc("cancel"),
    errors,
  };

  const historyStrings = {
    importHistory: t("importHistory"),
    importQueued: t("importQueued"),
    uploadExport: t("uploadExport"),
    uploadDescription: t("uploadDescription"),
    ownerName: t("ownerName"),
    file: t("file"),
    upload: t("upload"),
    cancel: tc("cancel"),
    uploadDone: t("importQueued"),
    errors,
  };
  const importLine = (c: (typeof connections)[number]) => {
    const p = c.importProgress;
    if (c.importStatus === "running" && p)
      return t("import_running", { page: p.page, pages: p.pages ?? "?", imported: p.imported });
    if (c.importStatus === "done" && p)
      return t("import_done", {
        imported: p.imported,
        duplicates: p.duplicates,
        time: p.finishedAt ? dates.format(new Date(p.finishedAt)) : "",
      });
    if (c.importStatus === "failed" && p)
      return t("import_failed", { error: t(`import_error_${p.errorCode ?? "unknown"}`) });
    return t("import_idle");
  };

  return (
    <>
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">{t("title")}</h1>
          <p className="text-sm text-muted-foreground">{t("subtitle")}</p>
        </div>
        <ConnectionForm tenant={tenant.slug} strings={formStrings} />
      </div>

      {connections.length === 0 ? (
        <Card>
          <CardHeader>
            <CardTitle>{t("emptyTitle")}</CardTitle>
            <CardDescription>{t("emptyBody")}</CardDescription>
          </CardHeader>
        </Card>
      ) : null}

      {connections.map((c) => (
        <Card key={c.id} data-testid={`connection-${c.instanceName}`}>
          <CardHeader className="flex flex-row flex-wrap items-start justify-between gap-3">
            <div className="grid gap-1">
              <CardTitle>{c.name}</CardTitle>
              <CardDescription>
                {c.instanceName} · {c.evolutionBaseUrl}
              </CardDescription>
            </div>
            <div className="flex items-center gap-2">
              <Badge variant={STATE_VARIANT[c.state as keyof typeof STATE_VARIANT] ?? "secondary"}>
                {t(c.state as "open")}
              </Badge>
              {c.stateChangedAt ? (
                <span className="text-xs text-muted-foreground">
                  {t("since", { time: dates.format(c.stateChangedAt) })}
                </span>
              ) : null}
            </div>
          </CardHeader>
          <CardContent className="grid gap-4">
            {c.stateReason ? <p className="text-sm text-muted-foreground">{c.stateReason}</p> : null}
            <dl className="grid gap-3 text-sm">
              <div className="grid gap-1">
                <dt className="font-medium">{t("webhookUrl")}</dt>
                <dd className="flex flex-wrap items-center gap-2">
                  <code className="rounded bg-muted px-2 py-1 text-xs break-all">{url}</code>
                  <CopyButton value={url} label={t("copy")} copiedLabel={t("copied")} />
                </dd>
              </div>
              <div className="grid gap-1">
                <dt className="font-medium">{t("webhookSecret")}</dt>
                <dd className="flex flex-wrap items-center gap-2">
                  <code className="rounded bg-muted px-2 py-1 text-xs break-all" data-testid="webhook-secret">
                    {c.webhookSecret}
                  </code>
                  <CopyButton value={c.webhookSecret} label={t("copy")} copiedLabel={t("copied")} />
                </dd>
              </div>
            </dl>
            {c.qrCode && c.state !== "open" ? (
              <div className="grid gap-2">
                <p className="text-sm font-medium">{t("qrTitle")}</p>
                {/* eslint-disable-next-line @next/next/no-img-element -- a data URL from Evolution, nothing to optimise */}
                <img src={c.qrCode} alt={t("qrTitle")} className="size-56 rounded border bg-white p-2" />
              </div>
            ) : null}
            <p className="text-sm text-muted-foreground" data-testid="import-status">
              {t("importStatus", { status: importLine(c) })}
            </p>
            <div className="flex flex-wrap gap-2">
              <ImportHistoryButton
                tenant={tenant.slug}
                connectionId={c.id}
                strings={historyStrings}
                disabled={c.importStatus === "running"}
              />
              <UploadExportDialog
                tenant={tenant.slug}
                connectionId={c.id}
                strings={historyStrings}
                defaultOwner={tenant.name}
              />
              <ConnectionForm tenant={tenant.slug} strings={formStrings} existing={c} />
              <DeleteConnectionButton
                tenant={tenant.slug}
                connectionId={c.id}
                strings={{
                  delete: tc("delete"),
                  title: t("deleteTitle", { name: c.name }),
                  body: t("deleteBody"),
                  cancel: tc("cancel"),
                  errors,
                }}
              />
            </div>
          </CardContent>
        </Card>
      ))}

      <Card>
        <CardHeader>
          <CardTitle className="text-base">{t("privacyTitle")}</CardTitle>
          <CardDescription>{t("privacyBody")}</CardDescription>
        </CardHeader>
        <CardContent>
          <StoredTextForm
            tenant={tenant.slug}
            value={tenant.settings.storedText ?? "raw"}
            strings={{
              label: t("storedText"),
              raw: t("storedRaw"),
              redacted: t("storedRedacted"),
              save: tc("save"),
              saved: tc("saved"),
            }}
          />
        </CardContent>
      </Card>

      <Card>
        <CardHeader>
          <CardTitle className="text-base">{t("howTo")}</CardTitle>
        </CardHeader>
        <CardContent>
          <ol className="grid list-decimal gap-2 pl-5 text-sm text-muted-foreground">
            <li>{t("howToStep1")}</li>
            <li>{t("howToStep2")}</li>
            <li>{t("howToStep3")}</li>
          </ol>
        </CardContent>
      </Card>
    </>
  );
}
