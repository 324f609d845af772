"use client";

import { XIcon } from "lucide-react";
import { Toast as ToastPrimitive } from "radix-ui";
import { cn } from "@/lib/utils";
import { dismissToast, useToasts } from "./use-toast";

export function Toaster() {
  const toasts = useToasts();
  return (
    <ToastPrimitive.Provider swipeDirection="right" duration={5000}>
      {toasts.map((t) => (
        <ToastPrimitive.Root
          key={t.id}
          onOpenChange={(open) => !open && dismissToast(t.id)}
          className={cn(
            "grid grid-cols-[1fr_auto] items-start gap-1 rounded-lg border bg-background p-4 pr-3 shadow-lg",
            t.variant === "destructive" && "border-destructive/40 text-destructive",
          )}
        >
          <ToastPrimitive.Title className="text-sm font-semibold">{t.title}</ToastPrimitive.Title>
          <ToastPrimitive.Close aria-label="Fechar" className="row-span-2 opacity-70 hover:opacity-100">
            <XIcon className="size-4" aria-hidden />
          </ToastPrimitive.Close>
          {t.description ? <ToastPrimitive.Description className="text-sm text-muted-foreground">{t.description}</ToastPrimitive.Description> : null}
        </ToastPrimitive.Root>
      ))}
      <ToastPrimitive.Viewport className="fixed bottom-0 right-0 z-[100] flex max-h-dvh w-full max-w-sm flex-col gap-2 p-4 outline-none" />
    </ToastPrimitive.Provider>
  );
}
