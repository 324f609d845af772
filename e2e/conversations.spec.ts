import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { Browser } from "playwright-core";
import { BASE_URL, launch, login, newPage, screenshot } from "./browser";

describe("conversations and search", () => {
  let browser: Browser;
  before(async () => {
    browser = await launch();
  });
  after(async () => browser.close());

  it("lists conversations with server-side sorting and filters kept in the URL, and opens one as a chat", async () => {
    const page = await newPage(browser);
    await login(page, "admin@lojacentro.local");
    await page.waitForURL(/\/dashboard$/);
    await page.goto("/t/loja-centro/conversations");
    await page.getByTestId("conversations-table").waitFor();
    assert.ok((await page.getByTestId("conversation-row").count()) > 5);
    await screenshot(page, "conversations");

    await page.getByRole("button", { name: "Sentimento" }).click();
    await page.waitForURL(/sort=sentiment/);
    await page.getByLabel("Só com mensagens negativas").check();
    await page.getByRole("button", { name: "Filtrar" }).click();
    await page.waitForURL(/negative=1/);
    assert.match(page.url(), /sort=sentiment/);
    await page.getByTestId("conversations-table").waitFor();
    const rows = await page.getByTestId("conversation-row").count();
    assert.ok(rows > 0, "some conversations have negative messages");

    const exportHref = await page.getByTestId("export-conversations").getAttribute("href");
    assert.match(exportHref ?? "", /negative=1/);
    const csv = await page.request.get(exportHref!);
    assert.equal(csv.status(), 200);
    assert.match(csv.headers()["content-type"] ?? "", /text\/csv/);
    const total = Number(/(\d+)\D*$/.exec((await page.getByTestId("conversations-total").textContent()) ?? "")?.[1]);
    assert.equal(
      (await csv.text()).trim().split("\n").length,
      total + 1,
      "one CSV row per filtered conversation, plus the header",
    );

    await page.getByTestId("conversation-row").first().getByRole("link").first().click();
    await page.waitForURL(/\/conversations\/[0-9a-f-]{36}$/);
    await page.getByTestId("conversation-messages").waitFor();
    assert.ok((await page.getByTestId("conversation-messages").locator("li").count()) > 1);
    await screenshot(page, "conversation-detail");
  });

  it("drills from a dashboard chart point into the conversations it counts", async () => {
    const page = await newPage(browser);
    await login(page, "admin@lojacentro.local");
    await page.waitForURL(/\/dashboard$/);
    await page.getByRole("link", { name: "90 dias" }).click();
    await page.waitForURL(/range=90/);
    await page.getByTestId("chart-volume").locator(".recharts-bar-rectangle").first().waitFor();
    await screenshot(page, "dashboard-charts");
    await page.getByTestId("chart-volume").locator(".recharts-bar-rectangle").last().click();
    await page.waitForURL(/\/conversations\?from=\d{4}-\d{2}-\d{2}&to=\d{4}-\d{2}-\d{2}/);
    const url = new URL(page.url());
    assert.equal(url.searchParams.get("from"), url.searchParams.get("to"), "one day");
    // The list streams in after its skeleton.
    await page.getByTestId("conversations-table").waitFor();
    assert.ok((await page.getByTestId("conversation-row").count()) > 0, "the day's conversations are listed");

    await page.goto("/t/loja-centro/dashboard?range=30");
    await page.getByTestId("kpi-negative").click();
    await page.waitForURL(/negative=1/);
  });

  it("finds a message by meaning and links to its conversation", async () => {
    const page = await newPage(browser);
    await login(page, "admin@lojacentro.local");
    await page.waitForURL(/\/dashboard$/);
    await page.goto("/t/loja-centro/search");
    await page.getByRole("searchbox").fill("pedido atrasado que não chegou");
    await page.getByRole("button", { name: "Buscar" }).click();
    await page.getByTestId("search-results").waitFor();
    const first = page.getByTestId("search-results").getByRole("link").first();
    assert.ok(((await first.textContent()) ?? "").length > 0);
    await screenshot(page, "search");
    await first.click();
    await page.waitForURL(/\/conversations\/[0-9a-f-]{36}#m-/);
  });

  it("fits a phone: the dashboard, conversations and search never scroll sideways", async () => {
    const context = await browser.newContext({
      baseURL: BASE_URL,
      locale: "pt-BR",
      viewport: { width: 390, height: 844 },
      isMobile: true,
      hasTouch: true,
    });
    const page = await context.newPage();
    await login(page, "admin@lojacentro.local");
    await page.waitForURL(/\/dashboard$/);
    for (const [path, ready, name] of [
      ["/t/loja-centro/dashboard", "kpi-received-value", "phone-dashboard"],
      ["/t/loja-centro/conversations", "conversations-table", "phone-conversations"],
      ["/t/loja-centro/search?q=entrega+atrasada", "search-results", "phone-search"],
    ] as const) {
      await page.goto(path);
      await page.getByTestId(ready).first().waitFor();
      // Wide tables scroll inside their own box; the page itself must fit.
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(overflow <= 1, `${path} is ${overflow}px wider than the phone`);
      await screenshot(page, name);
    }
    await context.close();
  });

  it("a viewer reads its own tenant's conversations and gets nothing of another's", async () => {
    const page = await newPage(browser);
    await login(page, "viewer@lojacentro.local");
    await page.waitForURL(/\/dashboard$/);
    await page.goto("/t/loja-centro/conversations");
    await page.getByTestId("conversations-table").waitFor();
    const href = await page.getByTestId("conversation-row").first().getByRole("link").first().getAttribute("href");
    for (const path of [
      "/t/clinica-vida/conversations",
      "/t/clinica-vida/search?q=consulta",
      href!.replace("loja-centro", "clinica-vida"),
    ]) {
      const res = await page.goto(path);
      assert.equal(res?.status(), 404, path);
    }
    const api = await page.request.post("/api/v1/messages/semantic-search", {
      headers: { origin: new URL(page.url()).origin },
      data: { query: "consulta remarcada" },
    });
    const body = (await api.json()) as { data: { text: string }[] };
    assert.equal(api.status(), 200);
    assert.ok(
      body.data.every((m) => !/consulta|exame|médic/i.test(m.text)),
      "no Clínica Vida message in Loja Centro's results",
    );
  });
});
