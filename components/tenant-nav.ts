import type { NavItem } from "@/components/app-shell";
import type { Role } from "@/lib/auth/roles";

type Section = "dashboard" | "conversations" | "search" | "connections" | "api-keys" | "analysis";
type Labels = { dashboard: string; conversations: string; search: string; connections: string; apiKeys: string; analysis: string };

/** The tenant navigation; settings appear only for those who may use them (pages check again). */
export function tenantNav(slug: string, role: Role, active: Section, labels: Labels): NavItem[] {
  const items: NavItem[] = [
    { href: `/t/${slug}/dashboard`, label: labels.dashboard, active: active === "dashboard" },
    { href: `/t/${slug}/conversations`, label: labels.conversations, active: active === "conversations" },
    { href: `/t/${slug}/search`, label: labels.search, active: active === "search" },
  ];
  if (role === "admin" || role === "super_admin") {
    items.push(
      { href: `/t/${slug}/settings/connections`, label: labels.connections, active: active === "connections" },
      { href: `/t/${slug}/settings/analysis`, label: labels.analysis, active: active === "analysis" },
      { href: `/t/${slug}/settings/api-keys`, label: labels.apiKeys, active: active === "api-keys" },
    );
  }
  return items;
}

/** The nav's labels from the common dictionary's translator. */
export function navLabels(tc: (key: "dashboard" | "conversations" | "search" | "connections" | "apiKeys" | "analysis") => string): Labels {
  return {
    dashboard: tc("dashboard"),
    conversations: tc("conversations"),
    search: tc("search"),
    connections: tc("connections"),
    apiKeys: tc("apiKeys"),
    analysis: tc("analysis"),
  };
}
