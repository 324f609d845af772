import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
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
  const errors = { invalid: tc("invalid"), forbidden: tc("forbidden"), not_found: t("not_found"), tenant_suspended: tc("tenantSuspended") };
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
            strings={{ name: t("name"), create: t("create"), revealTitle: t("revealTitle"), revealBody: t("revealBody"), copy: t("copy"), copied: t("copied"), errors }}
          />
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>{t("title")}</CardTitle>
          {keys.length === 0 ? <CardDescription>{t("empty")}</CardDescription> : null}
        </CardHeader>
        {keys.length > 0 ? (
          <CardContent className="p-0">
            <Table>
              <TableHeader>
                <TableRow>
                  <TableHead>{t("name")}</TableHead>
                  <TableHead>{t("prefix")}</TableHead>
                  <TableHead>{t("createdAt")}</TableHead>
                  <TableHead>{t("lastUsedAt")}</TableHead>
                  <TableHead />
                </TableRow>
              </TableHeader>
              <TableBody>
                {keys.map((k) => (
                  <TableRow key={k.id}>
                    <TableCell className="font-medium">{k.name}</TableCell>
                    <TableCell>
                      <code className="text-xs">{k.prefix}…</code>
                    </TableCell>
                    <TableCell>{dates.format(k.createdAt)}</TableCell>
                    <TableCell>{k.lastUsedAt ? dates.format(k.lastUsedAt) : t("never")}</TableCell>
                    <TableCell className="text-right">
                      {k.revokedAt ? (
                        <Badge variant="secondary">{t("revoked")}</Badge>
                      ) : (
                        <RevokeApiKeyButton
                          tenant={tenant.slug}
                          apiKeyId={k.id}
                          strings={{ revoke: t("revoke"), title: t("revokeTitle", { name: k.name }), body: t("revokeBody"), cancel: tc("cancel"), errors }}
                        />
                      )}
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
