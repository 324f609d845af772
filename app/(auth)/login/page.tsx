import { redirect } from "next/navigation";
import { LocaleSwitch } from "@/components/locale-switch";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { currentUser } from "@/lib/auth/guards";
import { homePath } from "@/lib/auth/roles";
import { authStrings } from "@/lib/i18n/dictionaries/auth";
import { common } from "@/lib/i18n/dictionaries/common";
import { getT } from "@/lib/i18n/server";
import { env } from "@/lib/env";
import { LoginForm } from "./login-form";

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ from?: string; signedOut?: string }> }) {
  const { from, signedOut } = await searchParams;
  const user = signedOut ? null : await currentUser();
  if (user) redirect(homePath(user));
  const { t, locale } = await getT(authStrings);
  const { t: tc } = await getT(common);
  const showDemoHint = env().DEMO_DATA && !env().isProduction;
  return (
    <main className="flex min-h-dvh flex-col items-center justify-center gap-6 bg-muted/40 p-4">
      <div className="absolute right-4 top-4">
        <LocaleSwitch locale={locale} label={tc("language")} />
      </div>
      <Card className="w-full max-w-sm">
        <CardHeader>
          <CardTitle>
            <h1 className="text-2xl font-semibold">{t("title")}</h1>
          </CardTitle>
          <CardDescription>{t("subtitle")}</CardDescription>
        </CardHeader>
        <CardContent>
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
        </CardContent>
      </Card>
    </main>
  );
}
