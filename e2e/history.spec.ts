import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { Browser } from "playwright-core";
import { launch, login, newPage, screenshot } from "./browser";

const EXPORT = [
  "10/11/2026 10:00 - Joana Prado: Oi, vocês consertam bolsa de couro?",
  "10/11/2026 10:05 - Loja Centro: Consertamos sim! Pode trazer na loja.",
  "10/11/2026 10:06 - Joana Prado: Ótimo, obrigada!",
].join("\n");

describe("history import from a WhatsApp export", () => {
  let browser: Browser;
  before(async () => {
    browser = await launch();
  });
  after(async () => browser.close());

  it("an admin uploads an exported chat and its messages become readable", async () => {
    const page = await newPage(browser);
    await login(page, "admin@lojacentro.local");
    await page.waitForURL(/\/dashboard$/);
    await page.goto("/t/loja-centro/settings/connections");
    await page.getByRole("button", { name: "Enviar conversa exportada (.txt)" }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByLabel(/Seu nome na conversa/).fill("Loja Centro");
    await dialog.getByLabel("Arquivo .txt").setInputFiles({
      name: "Conversa do WhatsApp com Joana.txt",
      mimeType: "text/plain",
      buffer: Buffer.from(EXPORT),
    });
    await dialog.getByRole("button", { name: "Importar" }).click();
    await dialog.waitFor({ state: "hidden" });
    await page.getByTestId("import-status").filter({ hasText: "3 novas" }).waitFor();
    await screenshot(page, "connections-after-import");
    const res = (await (await page.request.get("/api/v1/messages?q=bolsa%20couro")).json()) as {
      data: { text: string }[];
    };
    assert.ok(res.data.some((m) => m.text === "Oi, vocês consertam bolsa de couro?"));
  });
});
