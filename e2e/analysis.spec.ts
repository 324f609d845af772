import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import type { Browser, Page } from "playwright-core";
import { BASE_URL, launch, login, newPage, screenshot } from "./browser";

const fixture = JSON.parse(
  readFileSync(path.resolve(process.cwd(), "test", "fixtures", "evolution", "messages-upsert-text.json"), "utf8"),
);
type ApiMessage = {
  id: string;
  chatId: string;
  externalId: string;
  analysisStatus: string;
  sentiment: number | null;
  emotion: string | null;
  inference: { model: string; promptVersion: string } | null;
  embeddingModel: string | null;
};

async function waitForAnalysis(page: Page, externalId: string): Promise<ApiMessage> {
  for (let i = 0; i < 60; i++) {
    const res = await page.request.get(`${BASE_URL}/api/v1/messages?page_size=20`, {
      headers: { authorization: "Bearer evo_demo_lojacentro" },
    });
    const found = ((await res.json()) as { data: ApiMessage[] }).data.find((m) => m.externalId === externalId);
    if (found?.analysisStatus === "done") return found;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`message ${externalId} was not analysed within 30 s`);
}

describe("durable analysis with the EvoSense local model", () => {
  let browser: Browser;
  before(async () => {
    browser = await launch();
  });
  after(async () => browser.close());

  it("a posted webhook message is analysed and embedded in the background, readable through the API", async () => {
    const page = await newPage(browser);
    const body = {
      ...fixture,
      data: {
        ...fixture.data,
        key: { ...fixture.data.key, id: "E2E-ANALYSIS-1" },
        message: { conversation: "Péssimo, meu pedido atrasou de novo e ninguém responde!" },
        messageTimestamp: Math.floor(Date.now() / 1000),
      },
    };
    const res = await page.request.post(`${BASE_URL}/api/webhooks/evolution`, {
      headers: { "content-type": "application/json", "x-evosense-secret": "demo-webhook-secret" },
      data: JSON.stringify(body),
    });
    assert.equal(res.status(), 200);
    const analysed = await waitForAnalysis(page, "E2E-ANALYSIS-1");
    assert.ok(analysed.sentiment! < 0, `sentiment ${analysed.sentiment}`);
    assert.deepEqual(
      analysed.inference && { model: analysed.inference.model, promptVersion: analysed.inference.promptVersion },
      { model: "evosense-local-1", promptVersion: "p_v1_base" },
    );
    assert.equal(analysed.embeddingModel, "local-hash-768");
  });

  it("an open conversation shows a new webhook message, then its scores, without a reload", async () => {
    const page = await newPage(browser);
    await login(page, "admin@lojacentro.local");
    await page.waitForURL(/\/dashboard$/);
    const { chatId } = await waitForAnalysis(page, "E2E-ANALYSIS-1");
    await page.goto(`/t/loja-centro/conversations/${chatId}`);
    await page.getByTestId("conversation-messages").waitFor();
    // A message sent before the page's event stream is open would never reach it.
    await page.locator('body[data-live-updates="on"]').waitFor({ timeout: 15_000 });
    // Marks this document: a reload would lose it.
    await page.evaluate(() => ((window as unknown as { __sameDocument: boolean }).__sameDocument = true));
    const text = "Mensagem ao vivo: adorei o atendimento de hoje!";
    const live = {
      ...fixture,
      data: {
        ...fixture.data,
        key: { ...fixture.data.key, id: "E2E-LIVE-CHAT-1" },
        message: { conversation: text },
        messageTimestamp: Math.floor(Date.now() / 1000),
      },
    };
    const posted = await page.request.post(`${BASE_URL}/api/webhooks/evolution`, {
      headers: { "content-type": "application/json", "x-evosense-secret": "demo-webhook-secret" },
      data: JSON.stringify(live),
    });
    assert.equal(posted.status(), 200);
    const item = page.getByTestId("chat-message").filter({ hasText: text });
    await item.waitFor({ timeout: 15_000 });
    await item.locator('[data-testid="message-scores"][data-analysed="true"]').waitFor({ timeout: 30_000 });
    assert.equal(await page.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument), true);
    await screenshot(page, "conversation-live");
  });

  it("the dashboard names the model and the admin's analysis page lists it with failures", async () => {
    const page = await newPage(browser);
    await login(page, "admin@lojacentro.local");
    await page.waitForURL(/\/dashboard$/);
    assert.match(
      (await page.getByTestId("analysis-model-label").textContent()) ?? "",
      /Modelo local EvoSense \(offline\)/,
    );
    // The demo conversations were analysed at start-up: averages are numbers, not dashes.
    assert.notEqual((await page.getByTestId("kpi-sentiment-value").textContent())?.trim(), "—");
    // The cards show the metrics API's numbers (both read the rollups).
    const me = (await (await page.request.get("/api/v1/me")).json()) as { data: { tenant: { id: string } } };
    const { data: metrics } = (await (
      await page.request.get(`/api/v1/tenants/${me.data.tenant.id}/metrics`)
    ).json()) as {
      data: {
        messagesReceived: number;
        messagesSent: number;
        conversations: number;
        avgSatisfaction: number;
        medianFirstResponseSeconds: number | null;
        emotions: Record<string, number>;
      };
    };
    const digits = async (id: string) => Number(((await page.getByTestId(id).textContent()) ?? "").replace(/\D/g, ""));
    assert.equal(await digits("kpi-received-value"), metrics.messagesReceived);
    assert.equal(await digits("kpi-sent-value"), metrics.messagesSent);
    assert.equal(await digits("kpi-satisfaction-value"), Math.round(metrics.avgSatisfaction));
    assert.equal(await digits("kpi-conversations-value"), metrics.conversations);
    // The demo's agents replied: the median first response is a number on the card and in the API.
    assert.ok(metrics.medianFirstResponseSeconds !== null && metrics.medianFirstResponseSeconds > 0);
    assert.notEqual((await page.getByTestId("kpi-first-response-value").textContent())?.trim(), "—");
    // A new webhook message shows up on the open dashboard without a reload (SSE → refresh).
    await page.locator('body[data-live-updates="on"]').waitFor({ timeout: 15_000 });
    const before = await digits("kpi-received-value");
    const live = {
      ...fixture,
      data: {
        ...fixture.data,
        key: { ...fixture.data.key, id: "E2E-LIVE-1" },
        message: { conversation: "Chegou certinho, obrigada!" },
        messageTimestamp: Math.floor(Date.now() / 1000),
      },
    };
    const posted = await page.request.post(`${BASE_URL}/api/webhooks/evolution`, {
      headers: { "content-type": "application/json", "x-evosense-secret": "demo-webhook-secret" },
      data: JSON.stringify(live),
    });
    assert.equal(posted.status(), 200);
    await page.waitForFunction(
      (n) =>
        Number(document.querySelector('[data-testid="kpi-received-value"]')?.textContent?.replace(/\D/g, "")) === n,
      before + 1,
      { timeout: 15_000 },
    );
    await screenshot(page, "dashboard-live");
    // Filtered by its most frequent emotion, the dashboard counts that emotion's messages, as the API does.
    const [emotion] = Object.entries(metrics.emotions).sort((a, b) => b[1] - a[1])[0]!;
    await page.getByTestId("dashboard-emotion").selectOption(emotion);
    await page.getByRole("button", { name: "Aplicar" }).click();
    await page.getByTestId("dashboard-emotion-notice").waitFor();
    await page.getByTestId("kpi-received-value").waitFor();
    const { data: filtered } = (await (
      await page.request.get(`/api/v1/tenants/${me.data.tenant.id}/metrics?emotion=${emotion}`)
    ).json()) as {
      data: { messagesReceived: number; messagesSent: number | null; conversations: number };
    };
    assert.ok(filtered.messagesReceived > 0);
    assert.equal(await digits("kpi-conversations-value"), filtered.conversations);
    assert.equal(filtered.messagesSent, null);
    assert.equal(await digits("kpi-received-value"), filtered.messagesReceived);
    assert.equal((await page.getByTestId("kpi-sent-value").textContent())?.trim(), "—");
    await screenshot(page, "dashboard-emotion");
    await page.goto("/t/loja-centro/settings/analysis");
    await page.getByTestId("analysis-model").getByText("Modelo local EvoSense (offline)").waitFor();
    await page.getByTestId("failed-analyses").waitFor();
    await screenshot(page, "analysis");
  });
});
