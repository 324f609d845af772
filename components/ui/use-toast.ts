"use client";

import { useSyncExternalStore } from "react";

export type ToastItem = { id: number; title: string; description?: string; variant?: "default" | "destructive" };

let items: ToastItem[] = [];
let nextId = 1;
const listeners = new Set<() => void>();
const emit = () => listeners.forEach((l) => l());

/** A tiny global store so any client component (e.g. after a server action) can raise a toast. */
export function toast(item: Omit<ToastItem, "id">) {
  const id = nextId++;
  items = [...items, { ...item, id }];
  emit();
  return id;
}

export function dismissToast(id: number) {
  items = items.filter((t) => t.id !== id);
  emit();
}

export function useToasts(): ToastItem[] {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => items,
    () => items,
  );
}
