import Link from "next/link";
import { LogOut } from "lucide-react";
import { logoutAction } from "@/app/(auth)/login/actions";
import { LocaleSwitch } from "@/components/locale-switch";
import { ThemeToggle } from "@/components/theme-toggle";
import { Button } from "@/components/ui/button";
import { cn } from "@/lib/utils";
import type { SessionUser } from "@/lib/auth/roles";
import { common } from "@/lib/i18n/dictionaries/common";
import { translator, type Locale } from "@/lib/i18n/locale";

export type NavItem = { href: string; label: string; active?: boolean };

/** The frame of every signed-in page: brand, navigation, language, theme and logout. */
export function AppShell({
  user,
  locale,
  nav,
  title,
  notice,
  children,
}: {
  user: SessionUser;
  locale: Locale;
  nav: NavItem[];
  title?: string;
  notice?: React.ReactNode;
  children: React.ReactNode;
}) {
  const t = translator(common, locale);
  return (
    <div className="min-h-dvh bg-muted/30">
      <header className="sticky top-0 z-30 border-b bg-background/95 backdrop-blur">
        <div className="mx-auto flex h-14 max-w-7xl items-center gap-4 px-4">
          <Link href="/" className="flex items-center gap-2 font-semibold">
            <span className="grid size-7 place-items-center rounded-md bg-primary text-primary-foreground text-sm" aria-hidden>
              E
            </span>
            <span>EvoSense</span>
            {title ? <span className="hidden text-muted-foreground sm:inline">· {title}</span> : null}
          </Link>
          <nav aria-label="main" className="flex flex-1 items-center gap-1 overflow-x-auto">
            {nav.map((item) => (
              <Link
                key={item.href}
                href={item.href}
                aria-current={item.active ? "page" : undefined}
                className={cn(
                  "whitespace-nowrap rounded-md px-3 py-1.5 text-sm text-muted-foreground transition-colors hover:bg-accent hover:text-accent-foreground",
                  item.active && "bg-accent text-accent-foreground",
                )}
              >
                {item.label}
              </Link>
            ))}
          </nav>
          <div className="flex items-center gap-1">
            <span className="hidden text-sm text-muted-foreground md:inline" data-testid="current-user">
              {user.email}
            </span>
            <LocaleSwitch locale={locale} label={t("language")} />
            <ThemeToggle labels={{ light: t("themeLight"), dark: t("themeDark") }} />
            <form action={logoutAction} data-signout="">
              <Button type="submit" variant="ghost" size="sm" aria-label={t("logout")}>
                <LogOut className="size-4" aria-hidden />
                <span className="hidden sm:inline">{t("logout")}</span>
              </Button>
            </form>
          </div>
        </div>
      </header>
      {notice ? <div className="mx-auto max-w-7xl px-4 pt-4">{notice}</div> : null}
      <main className="mx-auto grid max-w-7xl gap-6 px-4 py-6">{children}</main>
    </div>
  );
}
