import Link from "next/link";
import { LogOut } from "lucide-react";
import { LocaleSwitch } from "@/components/locale-switch";
import { MobileNav } from "@/components/mobile-nav";
import { NavLinks, type NavItem } from "@/components/nav-links";
import { ThemeToggle } from "@/components/theme-toggle";
import { Button } from "@/components/ui/button";
import { logoutAction } from "@/lib/auth/session-actions";
import type { SessionUser } from "@/lib/auth/roles";
import { common } from "@/lib/i18n/dictionaries/common";
import { translator, type Locale } from "@/lib/i18n/locale";

export type { NavItem };

/**
 * The frame of every signed-in page: brand, navigation, language, theme and logout. From the md breakpoint up
 * the navigation is a row in the header; below it, a drawer behind the menu button, so a phone reaches every page.
 */
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
        <div className="mx-auto flex h-14 max-w-7xl items-center gap-2 px-4 md:gap-4">
          <MobileNav
            items={nav}
            labels={{ menu: t("menu"), nav: t("mainNav") }}
            footer={
              <p className="truncate px-3 text-sm text-muted-foreground" data-user-content>
                {t("signedInAs", { email: user.email })}
              </p>
            }
          />
          <Link href="/" className="flex min-w-0 items-center gap-2 font-semibold">
            <span
              className="grid size-7 shrink-0 place-items-center rounded-md bg-primary text-sm text-primary-foreground"
              aria-hidden
            >
              E
            </span>
            <span>EvoSense</span>
            {title ? <span className="hidden truncate text-muted-foreground lg:inline">· {title}</span> : null}
          </Link>
          <nav aria-label={t("mainNav")} className="hidden min-w-0 flex-1 items-center gap-1 md:flex">
            <NavLinks items={nav} />
          </nav>
          <div className="ml-auto flex shrink-0 items-center gap-1">
            <span
              className="hidden text-sm text-muted-foreground xl:inline"
              data-testid="current-user"
              data-user-content
            >
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
      <main className="mx-auto grid min-w-0 max-w-7xl gap-6 px-4 py-6 [&>*]:min-w-0">{children}</main>
    </div>
  );
}
