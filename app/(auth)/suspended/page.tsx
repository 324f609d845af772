import { redirect } from "next/navigation";
import { logoutAction } from "@/lib/auth/session-actions";
import { AuthCard } from "@/components/auth-card";
import { Button } from "@/components/ui/button";
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
    <AuthCard
      locale={locale}
      languageLabel={tc("language")}
      title={t("suspendedTitle")}
      description={t("suspendedBody")}
      className="max-w-md"
      data-testid="tenant-suspended"
    >
      <form action={logoutAction}>
        <Button type="submit" variant="outline">
          {tc("logout")}
        </Button>
      </form>
    </AuthCard>
  );
}
