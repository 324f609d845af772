import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import type { Browser } from "playwright-core";
import { BASE_URL, launch, login, newPage, screenshot } from "./browser";

const fixture = (name: string) =>
  readFileSync(path.resolve(process.cwd(), "test", "fixtures", "evolution", name), "utf8");

describe("webhooks and the read API", () => {
  let browser: Browser;
  before(async () => {
    browser = await launch();
  });
  after(async () => browser.close());

  it("a webhook message is stored once and readable through the API by session and by a new API key", async () => {
    const page = await newPage(browser);
    const post = () =>
      page.request.post(`${BASE_URL}/api/webhooks/evolution/messages-upsert`, {
        headers: { "content-type": "application/json", "x-evosense-secret": "demo-webhook-secret" },
        data: fixture("messages-upsert-text.json"),
      });
    const first = await post();
    assert.equal(first.status(), 200);
    assert.equal((await first.json()).stored, true);
    assert.deepEqual(await (await post()).json(), { duplicate: true });
    const wrong = await page.request.post(`${BASE_URL}/api/webhooks/evolution`, {
      headers: { "x-evosense-secret": "nope" },
      data: fixture("messages-upsert-text.json"),
    });
    assert.equal(wrong.status(), 401);

    await login(page, "admin@lojacentro.local");
    await page.waitForURL(/\/dashboard$/);
    const viaSession = await page.request.get("/api/v1/messages?q=t%C3%AAnis%20corrida");
    assert.equal(viaSession.status(), 200);
    const found = (await viaSession.json()) as { data: { text: string }[] };
    assert.ok(found.data.some((m) => m.text.includes("tênis de corrida no tamanho 38")));

    await page.goto("/t/loja-centro/settings/api-keys");
    await page.getByLabel("Nome da chave").fill("e2e");
    await page.getByRole("button", { name: "Criar chave" }).click();
    const key = (await page.getByTestId("new-api-key").textContent())!.trim();
    await screenshot(page, "api-keys");
    assert.match(key, /^evo_/);
    const anonymous = await browser.newContext();
    const viaKey = await anonymous.request.get(`${BASE_URL}/api/v1/chats`, {
      headers: { authorization: `Bearer ${key}` },
    });
    assert.equal(viaKey.status(), 200);
    assert.ok(((await viaKey.json()) as { total: number }).total >= 40);
    const noKey = await anonymous.request.get(`${BASE_URL}/api/v1/chats`);
    assert.equal(noKey.status(), 401);
    await anonymous.close();
  });

  it("accepts a 20 MB body with base64 media without storing the bytes, and refuses one over the 32 MiB limit", async () => {
    const page = await newPage(browser);
    const audio = JSON.parse(fixture("messages-upsert-audio.json"));
    audio.data.key.id = "BIGAUDIO0001";
    audio.data.message.base64 = "A".repeat(20 * 1024 * 1024);
    const headers = { "content-type": "application/json", "x-evosense-secret": "demo-webhook-secret" };
    const big = await page.request.post(`${BASE_URL}/api/webhooks/evolution`, { headers, data: JSON.stringify(audio) });
    assert.equal(big.status(), 200);
    audio.data.message.base64 = "A".repeat(33 * 1024 * 1024);
    const tooBig = await page.request.post(`${BASE_URL}/api/webhooks/evolution`, {
      headers,
      data: JSON.stringify(audio),
    });
    assert.equal(tooBig.status(), 413);
    assert.equal(((await tooBig.json()) as { error: { code: string } }).error.code, "payload_too_large");
  });

  it("a viewer's API calls only ever see their own tenant", async () => {
    const page = await newPage(browser);
    await login(page, "viewer@lojacentro.local");
    await page.waitForURL(/\/dashboard$/);
    const chats = (await (await page.request.get("/api/v1/chats?page_size=200")).json()) as {
      data: { contactName: string }[];
    };
    const names = chats.data.map((c) => c.contactName);
    assert.ok(names.includes("Carlos Henrique"));
    assert.ok(!names.includes("Helena Prado"), "a Clínica Vida patient must not appear for Loja Centro");
    const create = await page.request.post("/api/v1/connections", {
      headers: { origin: new URL(page.url()).origin },
      data: {
        name: "x",
        instanceName: "viewer-try",
        evolutionBaseUrl: "https://e.example.com",
        instanceToken: "0123456789",
      },
    });
    assert.equal(create.status(), 403);
  });
});
