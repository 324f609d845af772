import type { Metadata } from "next";
import Script from "next/script";
import { Toaster } from "@/components/ui/toaster";
import { themeInitScript } from "@/components/theme-toggle";
import { LocaleProvider } from "@/lib/i18n/client";
import { getLocale } from "@/lib/i18n/server";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "EvoSense", template: "%s · EvoSense" },
  description: "Satisfação de clientes no WhatsApp, medida mensagem a mensagem.",
};

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const locale = await getLocale();
  return (
    <html lang={locale} suppressHydrationWarning>
      <head>
        {/* Through next/script, not a bare <script>: React hydrates a bare inline script in <head> as part of its
            tree, and a page load that overlapped a client navigation then failed to hydrate (React #418). */}
        <Script id="theme-init" strategy="beforeInteractive">
          {themeInitScript}
        </Script>
      </head>
      <body className="min-h-dvh bg-background text-foreground antialiased">
        <LocaleProvider locale={locale}>
          {children}
          <Toaster />
        </LocaleProvider>
      </body>
    </html>
  );
}
