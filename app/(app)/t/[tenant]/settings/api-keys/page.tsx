import { Badge } from "@/components/ui/badge";
import { DataTable, TableCard } from "@/components/data-table";
import { Card, CardContent } from "@/components/ui/card";
import { listApiKeys } from "@/lib/api-keys/queries";
import { requireTenant } from "@/lib/auth/guards";
import { apiKeyStrings } from "@/lib/i18n/dictionaries/api-keys";
import { common } from "@/lib/i18n/dictionaries/common";
import { getT } from "@/lib/i18n/server";
import { withTenant } from "@/lib/tenancy/with-tenant";
import { CreateApiKeyForm } from "./create-api-key-form";
import { RevokeApiKeyButton } from "./revoke-api-key-button";

export const metadata = { title: "API" };

export default async function ApiKeysPage({ params }: { params: Promise<{ tenant: string }> }) {
  const { tenant: slug } = await params;
  const { tenant } = await requireTenant(slug, ["admin"]);
  const keys = await withTenant(tenant.id, (tx) => listApiKeys(tx, tenant.id));
  const { t, locale } = await getT(apiKeyStrings);
  const { t: tc } = await getT(common);
  const dates = new Intl.DateTimeFormat(locale, { dateStyle: "short", timeStyle: "short", timeZone: tenant.timezone });
  const errors = {
    invalid: tc("invalid"),
    forbidden: tc("forbidden"),
    not_found: t("not_found"),
    tenant_suspended: tc("tenantSuspended"),
  };
  return (
    <>
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">{t("title")}</h1>
        <p className="text-sm text-muted-foreground">{t("subtitle")}</p>
      </div>
      <Card>
        <CardContent>
          <CreateApiKeyForm
            tenant={tenant.slug}
            strings={{
              name: t("name"),
              create: t("create"),
              revealTitle: t("revealTitle"),
              revealBody: t("revealBody"),
              copy: t("copy"),
              copied: t("copied"),
              errors,
            }}
          />
        </CardContent>
      </Card>
      <TableCard title={t("title")} description={keys.length === 0 ? t("empty") : undefined}>
        {keys.length > 0 ? (
          <DataTable
            rows={keys}
            rowKey={(k) => k.id}
            columns={[
              { key: "name", header: t("name"), className: "font-medium", cell: (k) => k.name },
              { key: "prefix", header: t("prefix"), cell: (k) => <code className="text-xs">{k.prefix}…</code> },
              { key: "created", header: t("createdAt"), cell: (k) => dates.format(k.createdAt) },
              {
                key: "used",
                header: t("lastUsedAt"),
                cell: (k) => (k.lastUsedAt ? dates.format(k.lastUsedAt) : t("never")),
              },
              {
                key: "actions",
                align: "right",
                cell: (k) =>
                  k.revokedAt ? (
                    <Badge variant="secondary">{t("revoked")}</Badge>
                  ) : (
                    <RevokeApiKeyButton
                      tenant={tenant.slug}
                      apiKeyId={k.id}
                      strings={{
                        revoke: t("revoke"),
                        title: t("revokeTitle", { name: k.name }),
                        body: t("revokeBody"),
                        cancel: tc("cancel"),
                        errors,
                      }}
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
