"use client";

import { Moon, Sun } from "lucide-react";
import { Button } from "@/components/ui/button";

const STORAGE_KEY = "evosense-theme";

/** Runs before paint so a dark-theme user never sees a light flash. */
export const themeInitScript = `try{var t=localStorage.getItem("${STORAGE_KEY}");if(t==="dark"||(!t&&matchMedia("(prefers-color-scheme: dark)").matches))document.documentElement.classList.add("dark")}catch(e){}`;

export function ThemeToggle({ labels }: { labels: { light: string; dark: string } }) {
  const toggle = () => {
    const dark = document.documentElement.classList.toggle("dark");
    localStorage.setItem(STORAGE_KEY, dark ? "dark" : "light");
  };
  return (
    <Button type="button" variant="ghost" size="icon" onClick={toggle} title={`${labels.light} / ${labels.dark}`}>
      <Sun className="size-4 dark:hidden" aria-hidden />
      <Moon className="hidden size-4 dark:block" aria-hidden />
      <span className="sr-only">
        {labels.light} / {labels.dark}
      </span>
    </Button>
  );
}
