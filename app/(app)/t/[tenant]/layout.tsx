import { AppShell } from "@/components/app-shell";
import { tenantNav } from "@/components/tenant-nav";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { requireTenant } from "@/lib/auth/guards";
import { common } from "@/lib/i18n/dictionaries/common";
import { getT } from "@/lib/i18n/server";

/** The frame of every tenant page. Each page still checks access itself (a layout does not re-run on navigation). */
export default async function TenantLayout({
  children,
  params,
}: {
  children: React.ReactNode;
  params: Promise<{ tenant: string }>;
}) {
  const { tenant: slug } = await params;
  const { user, tenant } = await requireTenant(slug);
  const { t, locale } = await getT(common);
  return (
    <AppShell
      user={user}
      locale={locale}
      title={tenant.name}
      nav={tenantNav(tenant.slug, user.role, t)}
      notice={
        tenant.status !== "active" ? (
          <Alert variant="destructive">
            <AlertDescription>{t("suspendedNotice")}</AlertDescription>
          </Alert>
        ) : null
      }
    >
      {children}
    </AppShell>
  );
}
