import { Languages } from "lucide-react";
import { setLocaleAction } from "@/lib/auth/session-actions";
import { Button } from "@/components/ui/button";
import type { Locale } from "@/lib/i18n/locale";

/** Switches between Portuguese and English; works without JavaScript (a plain form post). */
export function LocaleSwitch({ locale, label }: { locale: Locale; label: string }) {
  return (
    <form action={setLocaleAction}>
      <input type="hidden" name="locale" value={locale === "pt-BR" ? "en" : "pt-BR"} />
      <Button type="submit" variant="ghost" size="sm" aria-label={label}>
        <Languages className="size-4" aria-hidden />
        {label}
      </Button>
    </form>
  );
}
