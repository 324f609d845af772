"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { cn } from "@/lib/utils";

export type NavItem = { href: string; label: string };

/** The page being shown is the item whose path is the longest prefix of the current one. */
function activeHref(items: NavItem[], pathname: string): string | undefined {
  return items
    .filter((i) => pathname === i.href || pathname.startsWith(`${i.href}/`))
    .sort((a, b) => b.href.length - a.href.length)[0]?.href;
}

export function NavLinks({
  items,
  vertical,
  onNavigate,
}: {
  items: NavItem[];
  vertical?: boolean;
  onNavigate?: () => void;
}) {
  const active = activeHref(items, usePathname());
  return items.map((item) => (
    <Link
      key={item.href}
      href={item.href}
      onClick={onNavigate}
      aria-current={item.href === active ? "page" : undefined}
      className={cn(
        "whitespace-nowrap rounded-md px-3 text-sm text-muted-foreground transition-colors hover:bg-accent hover:text-accent-foreground",
        vertical ? "py-2.5 text-base" : "py-1.5",
        item.href === active && "bg-accent text-accent-foreground",
      )}
    >
      {item.label}
    </Link>
  ));
}
