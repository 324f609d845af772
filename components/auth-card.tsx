import { LocaleSwitch } from "@/components/locale-switch";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import type { Locale } from "@/lib/i18n/locale";
import { cn } from "@/lib/utils";

/** The frame of the pages a person sees signed out or shut out: one card in the middle, the language at the corner. */
export function AuthCard({
  locale,
  languageLabel,
  title,
  description,
  className,
  children,
  ...props
}: {
  locale: Locale;
  languageLabel: string;
  title: string;
  description: string;
  className?: string;
  children: React.ReactNode;
  "data-testid"?: string;
}) {
  return (
    <main className="flex min-h-dvh flex-col items-center justify-center gap-6 bg-muted/40 p-4">
      <div className="absolute right-4 top-4">
        <LocaleSwitch locale={locale} label={languageLabel} />
      </div>
      <Card className={cn("w-full max-w-sm", className)} {...props}>
        <CardHeader>
          <CardTitle>
            <h1 className="text-2xl font-semibold">{title}</h1>
          </CardTitle>
          <CardDescription>{description}</CardDescription>
        </CardHeader>
        <CardContent>{children}</CardContent>
      </Card>
    </main>
  );
}
