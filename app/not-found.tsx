import Link from "next/link";
import { Button } from "@/components/ui/button";
import { common } from "@/lib/i18n/dictionaries/common";
import { getT } from "@/lib/i18n/server";

export default async function NotFound() {
  const { t } = await getT(common);
  return (
    <main className="flex min-h-dvh flex-col items-center justify-center gap-4 p-6 text-center">
      <p className="text-6xl font-semibold text-muted-foreground">404</p>
      <h1 className="text-xl font-semibold">{t("notFoundTitle")}</h1>
      <p className="max-w-md text-muted-foreground">{t("notFoundBody")}</p>
      <Button asChild variant="outline">
        <Link href="/">{t("backHome")}</Link>
      </Button>
    </main>
  );
}
