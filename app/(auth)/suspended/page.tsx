import { redirect } from "next/navigation";
import { logoutAction } from "@/lib/auth/session-actions";
import { LocaleSwitch } from "@/components/locale-switch";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { platformDb } from "@/lib/tenancy/queries";
import { currentUser } from "@/lib/auth/guards";
import { homePath } from "@/lib/auth/roles";
import { authStrings } from "@/lib/i18n/dictionaries/auth";
import { common } from "@/lib/i18n/dictionaries/common";
import { getT } from "@/lib/i18n/server";
import { tenantServesNow } from "@/lib/tenancy/status";

export const metadata = { title: "Conta suspensa" };

/**
 * Where requireTenant sends a suspended tenant's users: the reason and a way out, no data. A user whose tenant
 * serves again (reactivated, or a super-admin) is sent home, so a stale tab does not keep showing this.
 */
export default async function SuspendedPage() {
  const user = await currentUser();
  if (!user) redirect("/login");
  if (!user.tenantId || (await tenantServesNow(await platformDb(), user.tenantId, user.role))) redirect(homePath(user));
  const { t, locale } = await getT(authStrings);
  const { t: tc } = await getT(common);
  return (
    <main className="flex min-h-dvh flex-col items-center justify-center gap-6 bg-muted/40 p-4">
      <div className="absolute right-4 top-4">
        <LocaleSwitch locale={locale} label={tc("language")} />
      </div>
      <Card className="w-full max-w-md" data-testid="tenant-suspended">
        <CardHeader>
          <CardTitle>
            <h1 className="text-2xl font-semibold">{t("suspendedTitle")}</h1>
          </CardTitle>
          <CardDescription>{t("suspendedBody")}</CardDescription>
        </CardHeader>
        <CardContent>
          <form action={logoutAction}>
            <Button type="submit" variant="outline">
              {tc("logout")}
            </Button>
          </form>
        </CardContent>
      </Card>
    </main>
  );
}
