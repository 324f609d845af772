import { redirect } from "next/navigation";
import { AuthCard } from "@/components/auth-card";
import { currentUser } from "@/lib/auth/guards";
import { homePath } from "@/lib/auth/roles";
import { authStrings } from "@/lib/i18n/dictionaries/auth";
import { common } from "@/lib/i18n/dictionaries/common";
import { getT } from "@/lib/i18n/server";
import { env } from "@/lib/env";
import { LoginForm } from "./login-form";

export default async function LoginPage({
  searchParams,
}: {
  searchParams: Promise<{ from?: string; signedOut?: string }>;
}) {
  const { from, signedOut } = await searchParams;
  const user = signedOut ? null : await currentUser();
  if (user) redirect(homePath(user));
  const { t, locale } = await getT(authStrings);
  const { t: tc } = await getT(common);
  const showDemoHint = env().DEMO_DATA && !env().isProduction;
  return (
    <AuthCard locale={locale} languageLabel={tc("language")} title={t("title")} description={t("subtitle")}>
      <LoginForm
        from={from}
        strings={{
          email: t("email"),
          password: t("password"),
          submit: t("submit"),
          submitting: t("submitting"),
          invalidCredentials: t("invalidCredentials"),
          rateLimited: t("rateLimited"),
          rateLimitedMinutes: t("rateLimitedMinutes"),
          tenantSuspended: t("tenantSuspended"),
          invalidInput: t("invalidInput"),
        }}
      />
      {showDemoHint ? <p className="mt-4 text-center text-xs text-muted-foreground">{t("demoHint")}</p> : null}
    </AuthCard>
  );
}
