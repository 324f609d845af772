"use client";

import { XIcon } from "lucide-react";
import { Toast as ToastPrimitive } from "radix-ui";
import { useT } from "@/lib/i18n/client";
import { common } from "@/lib/i18n/dictionaries/common";
import { cn } from "@/lib/utils";
import { dismissToast, useToasts } from "./use-toast";

export function Toaster() {
  const toasts = useToasts();
  const t = useT(common);
  return (
    <ToastPrimitive.Provider swipeDirection="right" duration={5000}>
      {toasts.map((toast) => (
        <ToastPrimitive.Root
          key={toast.id}
          onOpenChange={(open) => !open && dismissToast(toast.id)}
          className={cn(
            "grid grid-cols-[1fr_auto] items-start gap-1 rounded-lg border bg-background p-4 pr-3 shadow-lg",
            toast.variant === "destructive" && "border-destructive/40 text-destructive",
          )}
        >
          <ToastPrimitive.Title className="text-sm font-semibold">{toast.title}</ToastPrimitive.Title>
          <ToastPrimitive.Close aria-label={t("close")} className="row-span-2 opacity-70 hover:opacity-100">
            <XIcon className="size-4" aria-hidden />
          </ToastPrimitive.Close>
          {toast.description ? (
            <ToastPrimitive.Description className="text-sm text-muted-foreground">
              {toast.description}
            </ToastPrimitive.Description>
          ) : null}
        </ToastPrimitive.Root>
      ))}
      <ToastPrimitive.Viewport className="fixed bottom-0 right-0 z-[100] flex max-h-dvh w-full max-w-sm flex-col gap-2 p-4 outline-none" />
    </ToastPrimitive.Provider>
  );
}
