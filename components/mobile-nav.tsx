"use client";

import { Menu } from "lucide-react";
import { Dialog as DialogPrimitive } from "radix-ui";
import { useState } from "react";
import { NavLinks, type NavItem } from "@/components/nav-links";
import { Button } from "@/components/ui/button";

/** Below the md breakpoint the navigation lives in a drawer from the left, opened by the menu button. */
export function MobileNav({
  items,
  labels,
  footer,
}: {
  items: NavItem[];
  labels: { menu: string; nav: string };
  footer?: React.ReactNode;
}) {
  const [open, setOpen] = useState(false);
  return (
    <DialogPrimitive.Root open={open} onOpenChange={setOpen}>
      <DialogPrimitive.Trigger asChild>
        <Button type="button" variant="ghost" size="icon" className="md:hidden" aria-label={labels.menu}>
          <Menu className="size-5" aria-hidden />
        </Button>
      </DialogPrimitive.Trigger>
      <DialogPrimitive.Portal>
        <DialogPrimitive.Overlay className="fixed inset-0 z-50 bg-black/50 md:hidden" />
        <DialogPrimitive.Content className="fixed inset-y-0 left-0 z-50 flex w-72 max-w-[85vw] flex-col gap-4 border-r bg-background p-4 shadow-lg md:hidden">
          <DialogPrimitive.Title className="px-3 text-base font-semibold">{labels.menu}</DialogPrimitive.Title>
          <DialogPrimitive.Description className="sr-only">{labels.nav}</DialogPrimitive.Description>
          <nav aria-label={labels.nav} className="grid gap-1">
            <NavLinks items={items} vertical onNavigate={() => setOpen(false)} />
          </nav>
          {footer ? <div className="mt-auto border-t pt-4">{footer}</div> : null}
        </DialogPrimitive.Content>
      </DialogPrimitive.Portal>
    </DialogPrimitive.Root>
  );
}
