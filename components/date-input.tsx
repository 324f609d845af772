"use client";

import { useState } from "react";
import { Input } from "@/components/ui/input";
import { DAY_PLACEHOLDER, formatDay, parseDay } from "@/lib/i18n/day-format";
import { useLocale } from "@/lib/i18n/client";
import { cn } from "@/lib/utils";

/**
 * A day typed in the page's language (dd/mm/aaaa on a Portuguese page), submitted as YYYY-MM-DD under `name`.
 * Text that is not a day is submitted as typed, so the page that reads it can say so instead of guessing.
 */
export function DateInput({
  name,
  value,
  className,
  ...aria
}: {
  name: string;
  value?: string | null;
  className?: string;
  "aria-label"?: string;
  "aria-invalid"?: boolean;
  id?: string;
}) {
  const locale = useLocale();
  const shown = formatDay(value ?? "", locale) || (value ?? "");
  const [text, setText] = useState(shown);
  // A new value from outside (the URL changed) replaces what was typed.
  const [lastShown, setLastShown] = useState(shown);
  if (shown !== lastShown) {
    setLastShown(shown);
    setText(shown);
  }
  const iso = parseDay(text, locale);
  return (
    <>
      <Input
        type="text"
        inputMode="numeric"
        autoComplete="off"
        placeholder={DAY_PLACEHOLDER[locale]}
        value={text}
        onChange={(e) => setText(e.target.value)}
        className={cn("w-36", className)}
        {...aria}
      />
      <input type="hidden" name={name} value={iso ?? text} />
    </>
  );
}
