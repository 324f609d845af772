import type { NavItem } from "@/components/nav-links";
import type { Role } from "@/lib/auth/roles";
import type { common } from "@/lib/i18n/dictionaries/common";

type CommonKey = keyof (typeof common)["pt-BR"];

/** The tenant navigation; settings appear only for those who may use them (pages check again). */
export function tenantNav(slug: string, role: Role, t: (key: CommonKey) => string): NavItem[] {
  const items: NavItem[] = [
    { href: `/t/${slug}/dashboard`, label: t("dashboard") },
    { href: `/t/${slug}/conversations`, label: t("conversations") },
    { href: `/t/${slug}/search`, label: t("search") },
  ];
  if (role === "admin" || role === "super_admin") {
    items.push(
      { href: `/t/${slug}/settings/connections`, label: t("connections") },
      { href: `/t/${slug}/settings/analysis`, label: t("analysis") },
      { href: `/t/${slug}/settings/api-keys`, label: t("apiKeys") },
    );
  }
  return items;
}
