import type { NavItem } from "@/components/app-shell";
import type { Role } from "@/lib/auth/roles";

type Section = "dashboard" | "connections" | "api-keys";
type Labels = { dashboard: string; connections: string; apiKeys: string };

/** The tenant navigation; settings appear only for those who may use them (pages check again). */
export function tenantNav(slug: string, role: Role, active: Section, labels: Labels): NavItem[] {
  const items: NavItem[] = [{ href: `/t/${slug}/dashboard`, label: labels.dashboard, active: active === "dashboard" }];
  if (role === "admin" || role === "super_admin") {
    items.push(
      { href: `/t/${slug}/settings/connections`, label: labels.connections, active: active === "connections" },
      { href: `/t/${slug}/settings/api-keys`, label: labels.apiKeys, active: active === "api-keys" },
    );
  }
  return items;
}
