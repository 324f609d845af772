import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { Browser } from "playwright-core";
import { launch, login, newPage, screenshot } from "./browser";

describe("login and role routing", () => {
  let browser: Browser;
  before(async () => {
    browser = await launch();
  });
  after(async () => browser.close());

  it("sends anonymous visitors to the Portuguese login page", async () => {
    const page = await newPage(browser);
    await page.goto("/t/loja-centro/dashboard");
    await page.waitForURL(/\/login/);
    assert.ok(await page.getByRole("heading", { name: "Entrar no EvoSense" }).isVisible());
    await screenshot(page, "login");
    const res = await page.request.get("/api/v1/anything-protected", { failOnStatusCode: false });
    assert.notEqual(res.status(), 200);
  });

  it("switches the login page to English", async () => {
    const page = await newPage(browser);
    await page.goto("/login");
    await page.getByRole("button", { name: "English" }).click();
    await page.getByRole("heading", { name: "Sign in to EvoSense" }).waitFor();
  });

  it("shows a clear message for a wrong password", async () => {
    const page = await newPage(browser);
    await login(page, "admin@lojacentro.local", "wrong-password");
    await page.getByRole("alert").filter({ hasText: "E-mail ou senha incorretos." }).waitFor();
    assert.match(page.url(), /\/login/);
  });

  it("lands a tenant admin on its dashboard with real counts, and on its connections page", async () => {
    const page = await newPage(browser);
    await login(page, "admin@lojacentro.local");
    await page.waitForURL(/\/t\/loja-centro\/dashboard$/);
    const received = await page.getByTestId("kpi-received-value").textContent();
    assert.ok(Number((received ?? "0").replace(/\D/g, "")) > 0, `received messages should be counted, got ${received}`);
    await screenshot(page, "dashboard-loja-centro");
    await page.getByRole("link", { name: "Conexões" }).click();
    await page.waitForURL(/\/settings\/connections$/);
    await page.getByText("loja-centro", { exact: false }).first().waitFor();
    await screenshot(page, "connections-loja-centro");
  });

  it("keeps a viewer out of the admin console, the other tenant and tenant settings", async () => {
    const page = await newPage(browser);
    await login(page, "viewer@lojacentro.local");
    await page.waitForURL(/\/t\/loja-centro\/dashboard$/);
    assert.equal(await page.getByRole("link", { name: "Conexões" }).count(), 0);
    for (const path of ["/admin", "/t/clinica-vida/dashboard", "/t/loja-centro/settings/connections"]) {
      const res = await page.goto(path);
      assert.equal(res?.status(), 404, `${path} should be a 404 for a viewer`);
    }
    await screenshot(page, "viewer-404");
  });

  it("logs out", async () => {
    const page = await newPage(browser);
    await login(page, "admin@clinicavida.local");
    await page.waitForURL(/\/t\/clinica-vida\/dashboard$/);
    // A click before hydration can be lost while React attaches the form's action.
    await page.waitForLoadState("networkidle");
    await page.getByRole("button", { name: "Sair" }).click();
    await page.waitForURL(/\/login/);
    await page.goto("/t/clinica-vida/dashboard");
    await page.waitForURL(/\/login/);
  });
});

describe("super-admin console", () => {
  let browser: Browser;
  before(async () => {
    browser = await launch();
  });
  after(async () => browser.close());

  it("creates a tenant and a user who can then log in to it", async () => {
    const page = await newPage(browser);
    await login(page, "admin@evosense.local");
    await page.waitForURL(/\/admin$/);
    await page.getByTestId("tenant-row-loja-centro").waitFor();
    await screenshot(page, "admin");

    await page.getByRole("button", { name: "Novo cliente" }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByLabel("Nome").fill("Padaria Sol");
    await dialog.getByLabel("Identificador (slug)").fill("padaria-sol");
    await dialog.getByRole("button", { name: "Criar" }).click();
    const row = page.getByTestId("tenant-row-padaria-sol");
    await row.waitFor();

    await row.getByRole("button", { name: "Novo usuário" }).click();
    const userDialog = page.getByRole("dialog");
    await userDialog.getByLabel("Nome").fill("Joana Sol");
    await userDialog.getByLabel("E-mail").fill("joana@padariasol.local");
    await userDialog.getByLabel("Papel").selectOption("admin");
    await userDialog.getByLabel(/Senha inicial/).fill("padaria-senha-123");
    await userDialog.getByRole("button", { name: "Criar" }).click();
    await userDialog.waitFor({ state: "hidden" });
    await page.getByText("Usuário criado").first().waitFor();

    const other = await newPage(browser);
    await login(other, "joana@padariasol.local", "padaria-senha-123");
    await other.waitForURL(/\/t\/padaria-sol\/dashboard$/);
    await other.getByText("Nenhuma mensagem ainda").waitFor();
    await screenshot(other, "new-tenant-dashboard");
  });

  it("suspends and reactivates a tenant, and the audit log records both", async () => {
    const page = await newPage(browser);
    await login(page, "admin@evosense.local");
    await page.waitForURL(/\/admin$/);
    const row = page.getByTestId("tenant-row-clinica-vida");
    await row.getByRole("button", { name: "Suspender" }).click();
    const confirm = page.getByRole("dialog");
    await confirm.getByText("Suspender Clínica Vida?").waitFor();
    await confirm.getByRole("button", { name: "Suspender" }).click();
    await row.getByRole("button", { name: "Reativar" }).waitFor();
    await row.getByRole("button", { name: "Reativar" }).click();
    await row.getByRole("button", { name: "Suspender" }).waitFor();
    await page.getByText("Cliente suspenso").first().waitFor();
    await page.getByText("Cliente reativado").first().waitFor();
  });
});
