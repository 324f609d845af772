import { afterEach, describe, expect, it } from "vitest";
import { json, startFakeServer } from "@/test/helpers/fake-server";
import { InvalidAnalysisOutputError, ProviderRateLimitError, ProviderUnavailableError } from "../errors";
import { DEFAULT_PROMPT_VERSION } from "../prompt-versions";
import { LocalAnalysisProvider, LocalEmbeddingProvider } from "./local";
import { N8nAnalysisProvider } from "./n8n";
import { OpenAIAnalysisProvider, OpenAIEmbeddingProvider } from "./openai";
import type { AnalysisRequest } from "./types";

const request: AnalysisRequest = {
  tenantId: "11111111-1111-4111-8111-111111111111",
  messageId: "22222222-2222-4222-8222-222222222222",
  chatId: "33333333-3333-4333-8333-333333333333",
  sender: "Mariana",
  text: "Meu pedido não chegou até agora, CPF [CPF]",
  context: [{ fromMe: true, text: "Olá! Como posso ajudar?" }],
  prompt: { key: DEFAULT_PROMPT_VERSION.key, body: DEFAULT_PROMPT_VERSION.body, params: DEFAULT_PROMPT_VERSION.params },
};

const good = {
  sentiment: -0.7,
  emotion: "frustration",
  satisfaction: 15,
  tone: "neutral",
  summary: "Pedido não chegou.",
  confidence: 0.8,
  rationale: "'não chegou'",
  language: "pt",
};

const completion = (content: string) => ({
  id: "chatcmpl-1",
  object: "chat.completion",
  created: 1,
  model: "qwen2.5",
  choices: [{ index: 0, message: { role: "assistant", content }, finish_reason: "stop" }],
  usage: { prompt_tokens: 120, completion_tokens: 40, total_tokens: 160 },
});

let close: (() => Promise<void>) | undefined;
afterEach(async () => {
  await close?.();
  close = undefined;
});

describe("openai-compatible provider (fake chat-completions server)", () => {
  it("sends the prompt on /chat/completions and validates the JSON answer", async () => {
    const server = await startFakeServer((_req, res) => json(res, 200, completion(JSON.stringify(good))));
    close = server.close;
    const p = new OpenAIAnalysisProvider({ id: "openai-compatible", baseURL: `${server.url}/v1`, model: "qwen2.5" });
    const r = await p.analyze(request);
    expect(r).toMatchObject({
      provider: "openai-compatible",
      model: "qwen2.5",
      inputTokens: 120,
      outputTokens: 40,
      repaired: false,
    });
    expect(r.output).toEqual(good);
    expect(server.requests[0]!.path).toBe("/v1/chat/completions");
    const sent = JSON.parse(server.requests[0]!.body);
    expect(sent.messages[0]).toMatchObject({ role: "system" });
    expect(sent.messages[1].content).toContain("Meu pedido não chegou");
    expect(sent.messages[1].content).toContain("Empresa: Olá!");
    expect(sent.response_format?.type).toBe("json_schema");
  });

  it("repairs once: a schema-violating answer is followed by a corrected one", async () => {
    let calls = 0;
    const server = await startFakeServer((_req, res) => {
      calls++;
      json(res, 200, completion(calls === 1 ? JSON.stringify({ ...good, sentiment: 7 }) : JSON.stringify(good)));
    });
    close = server.close;
    const p = new OpenAIAnalysisProvider({ id: "openai-compatible", baseURL: `${server.url}/v1`, model: "qwen2.5" });
    const r = await p.analyze(request);
    expect(r.repaired).toBe(true);
    expect(r.inputTokens).toBe(240);
    const second = JSON.parse(server.requests[1]!.body);
    expect(second.messages.at(-1).content).toContain("sentiment");
  });

  it("gives up after the repair attempt with a non-retriable contract error", async () => {
    const server = await startFakeServer((_req, res) => json(res, 200, completion("isto não é JSON")));
    close = server.close;
    const p = new OpenAIAnalysisProvider({ id: "openai-compatible", baseURL: `${server.url}/v1`, model: "qwen2.5" });
    await expect(p.analyze(request)).rejects.toBeInstanceOf(InvalidAnalysisOutputError);
    expect(server.requests).toHaveLength(2);
  });

  it("turns 429 into a rate-limit error carrying Retry-After, and 5xx into a retriable outage", async () => {
    const limited = await startFakeServer((_req, res) =>
      json(res, 429, { error: { message: "slow down" } }, { "retry-after": "7" }),
    );
    const p = new OpenAIAnalysisProvider({ id: "openai-compatible", baseURL: `${limited.url}/v1`, model: "qwen2.5" });
    const error = await p.analyze(request).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ProviderRateLimitError);
    expect((error as ProviderRateLimitError).retryAfterMs).toBe(7000);
    await limited.close();
    const down = await startFakeServer((_req, res) => json(res, 503, { error: { message: "overloaded" } }));
    close = down.close;
    const q = new OpenAIAnalysisProvider({ id: "openai-compatible", baseURL: `${down.url}/v1`, model: "qwen2.5" });
    await expect(q.analyze(request)).rejects.toBeInstanceOf(ProviderUnavailableError);
  });

  it("embeds through /embeddings and refuses vectors that are not 768-d", async () => {
    const server = await startFakeServer((req, res) => {
      const dims = JSON.parse(req.body).input[0] === "short" ? 3 : 768;
      json(res, 200, {
        object: "list",
        data: [{ object: "embedding", index: 0, embedding: Array.from({ length: dims }, () => 0.01) }],
        model: "nomic",
        usage: { prompt_tokens: 1, total_tokens: 1 },
      });
    });
    close = server.close;
    const e = new OpenAIEmbeddingProvider({
      id: "openai-compatible",
      baseURL: `${server.url}/v1`,
      model: "nomic-embed-text",
    });
    const [v] = await e.embed(["meu pedido"]);
    expect(v).toHaveLength(768);
    expect(server.requests[0]!.path).toBe("/v1/embeddings");
    await expect(e.embed(["short"])).rejects.toThrow(/768/);
  });
});

describe("n8n provider (fake webhook)", () => {
  const fast = { backoffMs: () => 1 };

  it("posts the seed's payload and accepts the object, an array or {output}", async () => {
    const shapes = [good, [good], { output: good }];
    let i = 0;
    const server = await startFakeServer((_req, res) => json(res, 200, shapes[i++ % 3]));
    close = server.close;
    const p = new N8nAnalysisProvider({ url: `${server.url}/webhook/analyze`, ...fast });
    for (let k = 0; k < 3; k++) expect((await p.analyze(request)).output).toEqual(good);
    const sent = JSON.parse(server.requests[0]!.body);
    expect(sent).toMatchObject({
      tenant_id: request.tenantId,
      message: request.text,
      context: { chat_id: request.chatId, sender: "Mariana" },
      prompt_version: "p_v1_base",
    });
  });

  it("retries 5xx and timeouts three times, then reports the outage", async () => {
    const server = await startFakeServer((_req, res) => json(res, 502, { message: "bad gateway" }));
    close = server.close;
    const p = new N8nAnalysisProvider({ url: server.url, ...fast });
    await expect(p.analyze(request)).rejects.toBeInstanceOf(ProviderUnavailableError);
    expect(server.requests).toHaveLength(3);

    const slow = await startFakeServer((_req, res) => setTimeout(() => json(res, 200, good), 300));
    const q = new N8nAnalysisProvider({ url: slow.url, timeoutMs: 50, ...fast });
    await expect(q.analyze(request)).rejects.toThrow(/no answer within 50 ms/);
    await slow.close();
  });

  it("recovers from a transient failure within its three attempts", async () => {
    let calls = 0;
    const server = await startFakeServer((_req, res) => (++calls < 3 ? json(res, 500, {}) : json(res, 200, good)));
    close = server.close;
    const r = await new N8nAnalysisProvider({ url: server.url, ...fast }).analyze(request);
    expect(r.output.emotion).toBe("frustration");
    expect(calls).toBe(3);
  });

  it("asks once more on a schema violation, then fails with the field path", async () => {
    const server = await startFakeServer((_req, res) => json(res, 200, { ...good, emotion: "rage" }));
    close = server.close;
    const error = await new N8nAnalysisProvider({ url: server.url, ...fast }).analyze(request).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidAnalysisOutputError);
    expect((error as Error).message).toMatch(/emotion/);
    expect(server.requests).toHaveLength(2);
  });

  it("passes 429 on as a rate limit", async () => {
    const server = await startFakeServer((_req, res) => json(res, 429, {}, { "retry-after": "2" }));
    close = server.close;
    await expect(new N8nAnalysisProvider({ url: server.url, ...fast }).analyze(request)).rejects.toBeInstanceOf(
      ProviderRateLimitError,
    );
  });
});

describe("local provider", () => {
  it("is held to the same schema and takes its parameters from the prompt version", async () => {
    const p = new LocalAnalysisProvider();
    const base = await p.analyze({ ...request, text: "bom" });
    const wide = await p.analyze({
      ...request,
      text: "bom",
      prompt: { ...request.prompt, params: { local: { neutralBand: 0.9 } } },
    });
    expect(base.output.sentiment).toBeGreaterThan(0);
    expect(wide.output.sentiment).toBe(0);
    expect(base).toMatchObject({ provider: "local", model: "evosense-local-1", inputTokens: null });
    const [v] = await new LocalEmbeddingProvider().embed(["pedido atrasado"]);
    expect(v).toHaveLength(768);
  });
});
