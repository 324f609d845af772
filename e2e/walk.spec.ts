import assert from "node:assert/strict";
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { BASE_URL, DEMO_PASSWORD, launch } from "./browser";

// A walk through every page as each role would make it, on a phone and on a laptop. A page fails on what a person
// would notice: content wider than the screen, a console or page error, a request that fails, a catalogue key or
// an English phrase on a Portuguese page.

const SHOTS = path.join(process.cwd(), "test-results", "e2e", "walk");
const WIDTHS = [
  { name: "phone", width: 390, height: 844 },
  { name: "laptop", width: 1366, height: 900 },
] as const;

type Walker = { email: string; label: string; pages: string[] };
const TENANT_PAGES = (slug: string, admin: boolean) => [
  `/t/${slug}/dashboard`,
  `/t/${slug}/conversations`,
  "conversation", // the first row of the list, opened by clicking it
  `/t/${slug}/search`,
  `/t/${slug}/search?q=${encodeURIComponent("entrega atrasada")}`,
  ...(admin ? [`/t/${slug}/settings/connections`, `/t/${slug}/settings/analysis`, `/t/${slug}/settings/api-keys`] : []),
];
const WALKERS: Walker[] = [
  { email: "admin@lojacentro.local", label: "admin", pages: TENANT_PAGES("loja-centro", true) },
  { email: "viewer@lojacentro.local", label: "viewer", pages: TENANT_PAGES("loja-centro", false) },
  { email: "admin@clinicavida.local", label: "starter-admin", pages: TENANT_PAGES("clinica-vida", true) },
  { email: "admin@evosense.local", label: "super-admin", pages: ["/admin", ...TENANT_PAGES("loja-centro", true)] },
];

// Words a Portuguese page never shows in English: interface vocabulary, not customer text (demo chats are Portuguese).
const ENGLISH =
  /\b(the|and|failed|loading|search|settings|messages?|conversations?|dashboard|password|sign in|sign out|local model|job log|none|select|delete|cancel|save|create|new key|connections?|yesterday|today|days|import|error|please|required|invalid)\b/i;
// A catalogue key shown raw looks like `camelCase` or a filled-in-nowhere `{placeholder}`.
const RAW_KEY = /\{[a-zA-Z]+\}|\b[a-z]+[A-Z][a-zA-Z]*\b/;

type Trouble = string[];

function watch(page: Page, trouble: Trouble): void {
  page.on("console", (msg) => {
    if (msg.type() === "error") trouble.push(`console error: ${msg.text().slice(0, 3000)}`);
  });
  page.on("pageerror", (error) => trouble.push(`page error: ${error.message.slice(0, 300)}`));
  page.on("requestfailed", (request) => {
    const reason = request.failure()?.errorText ?? "";
    // Leaving a page aborts its event stream and prefetches; that is navigation, not a failure.
    if (reason.includes("ERR_ABORTED")) return;
    trouble.push(`request failed: ${request.method()} ${request.url()} ${reason}`);
  });
  page.on("response", (response) => {
    if (response.status() >= 400)
      trouble.push(`HTTP ${response.status()}: ${response.request().method()} ${response.url()}`);
  });
}

/**
 * A hydration failure leaves the page re-rendered on the client; the page's HTML as the server sends it, beside the
 * DOM as it ended up, shows which element differed (production React names no element).
 */
async function keepHydrationEvidence(page: Page, slug: string): Promise<void> {
  const server = await page.request.get(page.url()).then(
    (r) => r.text(),
    (e: Error) => `fetch failed: ${e.message}`,
  );
  writeFileSync(path.join(SHOTS, `hydration-${slug}-server.html`), server);
  writeFileSync(path.join(SHOTS, `hydration-${slug}-client.html`), await page.content());
}

/** Text a person can see, outside code samples and user-entered data that the page marks as such. */
async function visibleText(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent?.trim();
      const parent = node.parentElement;
      if (!text || !parent) continue;
      if (parent.closest("code, pre, script, style, [translate='no'], [data-user-content]")) continue;
      if (!parent.checkVisibility({ opacityProperty: true, visibilityProperty: true })) continue;
      out.push(text);
    }
    return out;
  });
}

async function inspect(page: Page, where: string, trouble: Trouble): Promise<void> {
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    innerWidth: window.innerWidth,
  }));
  if (scrollWidth > innerWidth) {
    const culprits = await page.evaluate(() =>
      [...document.querySelectorAll("body *")]
        .filter(
          (el) =>
            el.getBoundingClientRect().right > window.innerWidth + 1 &&
            !el.closest("[data-slot='table-container'], [data-scroll-x]"),
        )
        .slice(0, 3)
        .map((el) => `${el.tagName.toLowerCase()}.${String(el.className).split(" ").slice(0, 3).join(".")}`),
    );
    trouble.push(`${where}: ${scrollWidth - innerWidth} px wider than the screen (${culprits.join(", ")})`);
  }
  for (const text of await visibleText(page)) {
    if (ENGLISH.test(text)) trouble.push(`${where}: English on a Portuguese page: "${text.slice(0, 120)}"`);
    if (RAW_KEY.test(text)) trouble.push(`${where}: untranslated key: "${text.slice(0, 120)}"`);
  }
}

async function signIn(context: BrowserContext, email: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto("/login");
  await page.getByLabel("E-mail").fill(email);
  await page.getByLabel("Senha").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Entrar" }).click();
  // The login lands on "/" and is sent on to the role's home by a client navigation; the walk begins once it has
  // arrived, so each walk starts from the same settled page.
  await page.waitForURL((url) => url.pathname !== "/" && !url.pathname.startsWith("/login"));
  await page.waitForLoadState("networkidle").catch(() => {});
  return page;
}

async function settle(page: Page): Promise<void> {
  await page.waitForLoadState("networkidle").catch(() => {});
  // Streaming sections swap their skeletons in after the load; what a person reads is the settled page.
  await page
    .waitForFunction(() => !document.querySelector("[data-skeleton]"), undefined, { timeout: 15_000 })
    .catch(() => {});
}

describe("a walk through every page as each role, on a phone and a laptop", () => {
  let browser: Browser;
  before(async () => {
    browser = await launch();
    mkdirSync(SHOTS, { recursive: true });
  });
  after(async () => browser.close());

  for (const size of WIDTHS) {
    for (const walker of WALKERS) {
      it(`${walker.label} at ${size.width} px`, async () => {
        const context = await browser.newContext({
          baseURL: BASE_URL,
          locale: "pt-BR",
          viewport: { width: size.width, height: size.height },
        });
        const trouble: Trouble = [];
        const page = await signIn(context, walker.email);
        watch(page, trouble);
        let listPath = "";
        for (const target of walker.pages) {
          const seen = trouble.length;
          if (target === "conversation") {
            await page.goto(listPath);
            await settle(page);
            // The row itself opens the conversation, not only the name inside it.
            await page
              .locator("[data-testid='conversation-row']")
              .first()
              .click({ position: { x: 8, y: 8 } });
            const opened = await page.waitForURL(/\/conversations\/[^/?]+$/, { timeout: 10_000 }).then(
              () => true,
              () => false,
            );
            if (!opened) {
              trouble.push(`${walker.label} ${size.width}px: clicking a conversation row does not open it`);
              continue;
            }
          } else {
            if (target.endsWith("/conversations")) listPath = target;
            const response = await page.goto(target);
            assert.ok(response && response.status() < 400, `${target} answered ${response?.status()}`);
          }
          await settle(page);
          const where = `${walker.label} ${size.width}px ${new URL(page.url()).pathname}${new URL(page.url()).search}`;
          await inspect(page, where, trouble);
          if (size.width < 768) {
            const menu = page.getByRole("button", { name: "Menu" });
            if (!(await menu.isVisible())) trouble.push(`${where}: no menu button to reach the other pages`);
          }
          const slug = `${walker.label}-${size.name}-${new URL(page.url()).pathname.replace(/^\/+|\/+$/g, "").replace(/[^a-z0-9]+/gi, "-")}${new URL(page.url()).search ? "-q" : ""}`;
          await page.screenshot({ path: path.join(SHOTS, `${slug}.png`), fullPage: true });
          // Only a failure on this page: the evidence of one page would otherwise be written again for every later one.
          if (trouble.slice(seen).some((t) => t.includes("#418") || t.includes("Hydration")))
            await keepHydrationEvidence(page, slug);
        }
        await context.close();
        assert.deepEqual(trouble, [], `what a person would notice:\n${trouble.join("\n")}`);
      });
    }
  }

  it("opens the navigation from the menu on a phone and reaches every page", async () => {
    const context = await browser.newContext({
      baseURL: BASE_URL,
      locale: "pt-BR",
      viewport: { width: 360, height: 740 },
    });
    const page = await signIn(context, "admin@lojacentro.local");
    await page.getByRole("button", { name: "Menu" }).click();
    const drawer = page.getByRole("dialog");
    for (const name of ["Painel", "Conversas", "Busca", "Conexões", "Análise", "API"]) {
      assert.ok(await drawer.getByRole("link", { name }).isVisible(), `${name} is in the drawer`);
    }
    await page.screenshot({ path: path.join(SHOTS, "drawer-360.png") });
    await drawer.getByRole("link", { name: "Conversas" }).click();
    await page.waitForURL(/\/conversations$/);
    assert.equal(await page.getByRole("dialog").count(), 0, "the drawer closes once a page is chosen");
    await context.close();
  });

  it("leaves one filter form after each period preset, and says when a date is not valid", async () => {
    const context = await browser.newContext({
      baseURL: BASE_URL,
      locale: "pt-BR",
      viewport: { width: 1366, height: 900 },
    });
    const page = await signIn(context, "admin@lojacentro.local");
    for (const preset of ["Hoje", "7 dias", "30 dias", "90 dias"]) {
      await page.getByRole("link", { name: preset, exact: true }).click();
      await page.waitForURL((url) => url.searchParams.has("range"));
      await settle(page);
      assert.equal(await page.locator("form[aria-label='Filtros do painel']").count(), 1, `one form after ${preset}`);
    }
    const from = await page.getByRole("textbox", { name: "De", exact: true }).inputValue();
    assert.match(from, /^\d{2}\/\d{2}\/\d{4}$/, "dates are shown day first on a Portuguese page");
    await page.goto("/t/loja-centro/dashboard?from=2026-13-45&to=2026-01-01");
    await page.getByRole("alert").filter({ hasText: "data" }).waitFor();
    await context.close();
  });
});
