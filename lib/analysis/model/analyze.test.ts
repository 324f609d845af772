import { describe, expect, it } from "vitest";
import { runEval, localEvalAnalyzer } from "../../../scripts/eval/run";
import { analyzeLocal, embedLocal, LOCAL_EMBEDDING_MODEL } from "./";
import { extractiveSummary } from "./text";

const sign = (s: number) => (s > 0 ? "+" : s < 0 ? "-" : "0");

// Golden fixtures: the sign of the score, the emotion and the tone each message must get.
const GOLDEN: [string, "+" | "-" | "0", string, string][] = [
  ["Já faz 15 dias e meu pedido não chegou. Ninguém responde!", "-", "frustration", "neutral"],
  ["Muito obrigada, resolveram super rápido!", "+", "gratitude", "polite"],
  ["Qual o horário de funcionamento da loja?", "0", "neutral", "neutral"],
  ["Produto chegou antes do prazo, recomendo demais 😍", "+", "joy", "informal"],
  ["Isso é um absurdo, vou no Procon", "-", "anger", "neutral"],
  ["Infelizmente o tênis veio com defeito", "-", "sadness", "neutral"],
  ["Estou preocupada, será que o pagamento foi aprovado?", "-", "fear", "neutral"],
  ["Nossa, não esperava que fosse tão rápido!", "+", "surprise", "neutral"],
  ["URGENTE!! preciso cancelar o pedido hoje", "-", "frustration", "urgent"],
  ["Bom dia, por favor, poderia me enviar o boleto?", "0", "neutral", "polite"],
  ["vc pode ver pra mim blz", "+", "neutral", "informal"],
  ["Seus incompetentes, lixo de empresa", "-", "anger", "aggressive"],
  ["Atendimento nota 10, parabéns à equipe", "+", "joy", "neutral"],
  ["Deixou a desejar, nunca mais compro aqui", "-", "frustration", "neutral"],
  ["kkkkk adorei o presente", "+", "joy", "informal"],
  ["Ainda não recebi o reembolso", "-", "frustration", "neutral"],
  ["Tudo certo, recebi certinho. Valeu!", "+", "gratitude", "informal"],
  ["cadê meu pedido???", "-", "frustration", "urgent"],
  ["Fiquei triste com o atraso 😢", "-", "sadness", "informal"],
  ["The order never arrived and nobody answers", "-", "frustration", "neutral"],
  ["Thank you so much, great service!", "+", "gratitude", "polite"],
  ["This is the worst company ever, you idiots", "-", "anger", "aggressive"],
  ["I'm worried my package got lost", "-", "fear", "neutral"],
  ["Can you send me the invoice please?", "0", "neutral", "polite"],
  ["Muchas gracias, excelente atención", "+", "gratitude", "polite"],
  ["El pedido no llegó y nadie responde", "-", "frustration", "neutral"],
  ["Es una estafa, quiero mi dinero", "-", "anger", "neutral"],
  ["Pedido 48213", "0", "neutral", "neutral"],
  ["ok", "0", "neutral", "neutral"],
  ["Chegou quebrado :(", "-", "sadness", "informal"],
];

describe("EvoSense local model", () => {
  it.each(GOLDEN)("%s", (text, expectedSign, emotion, tone) => {
    const r = analyzeLocal(text);
    expect({ sign: sign(r.sentiment), emotion: r.emotion, tone: r.tone }).toEqual({
      sign: expectedSign,
      emotion,
      tone,
    });
    expect(r.satisfaction).toBeGreaterThanOrEqual(5);
    expect(r.satisfaction).toBeLessThanOrEqual(95);
    expect(r.rationale.length).toBeLessThanOrEqual(200);
  });

  it("detects the language", () => {
    expect(analyzeLocal("The delivery was late again").language).toBe("en");
    expect(analyzeLocal("Hola, el pedido todavía no llegó").language).toBe("es");
    expect(analyzeLocal("Oi, meu pedido ainda não chegou").language).toBe("pt");
    expect(analyzeLocal("ok").language).toBe("pt");
  });

  it("does not carry negation across a comma (prototype bug)", () => {
    const r = analyzeLocal("Não gostei, veio quebrado");
    expect(r.sentiment).toBeLessThan(0);
    expect(r.rationale).toContain("quebrado");
  });

  it("matches tone cues on whole tokens, never inside words (prototype bug)", () => {
    expect(analyzeLocal("Qual o funcionamento do produto").tone).toBe("neutral");
    expect(analyzeLocal("to chegando").tone).toBe("informal");
  });

  it("negates within the clause and keeps 'not bad' from being negative", () => {
    expect(analyzeLocal("não gostei do produto").sentiment).toBeLessThan(0);
    expect(analyzeLocal("gostei do produto").sentiment).toBeGreaterThan(0);
    expect(analyzeLocal("não é ruim").sentiment).toBeGreaterThanOrEqual(0);
  });

  it("weights what follows a contrast word", () => {
    expect(analyzeLocal("O produto é bom, mas demorou muito").sentiment).toBeLessThan(0);
    expect(analyzeLocal("Demorou um pouco, mas o produto é excelente").sentiment).toBeGreaterThan(0);
  });

  it("intensifiers, capitals and exclamation marks strengthen a cue", () => {
    const plain = analyzeLocal("o atendimento foi ruim").sentiment;
    expect(analyzeLocal("o atendimento foi muito ruim").sentiment).toBeLessThan(plain);
    expect(analyzeLocal("o atendimento foi RUIM").sentiment).toBeLessThan(plain);
    expect(analyzeLocal("o atendimento foi ruim!!!").sentiment).toBeLessThan(plain);
  });

  it("reads English swearing and 'pretty' next to a cue as intensity, and alone as negative", () => {
    expect(analyzeLocal("looks really fucking fun").sentiment).toBeGreaterThan(
      analyzeLocal("looks really fun").sentiment,
    );
    expect(analyzeLocal("Sacramento is fun as hell").sentiment).toBeGreaterThan(
      analyzeLocal("Sacramento is fun").sentiment,
    );
    expect(analyzeLocal("pretty frustrating delivery").sentiment).toBeLessThan(
      analyzeLocal("frustrating delivery").sentiment,
    );
    expect(analyzeLocal("this is fucking terrible").sentiment).toBeLessThan(analyzeLocal("this is terrible").sentiment);
    expect(analyzeLocal("fuck this").sentiment).toBeLessThan(0);
    // Portuguese has no such list: "puta" stays what the lexicon says.
    expect(analyzeLocal("que puta atendimento ruim").sentiment).toBeLessThan(0);
  });

  it("gives English inflections their base word's value, and English laughs more weight than 'kkkk'", () => {
    expect(analyzeLocal("you idiots").sentiment).toBeLessThan(0);
    expect(analyzeLocal("the stupidest idea").sentiment).toBeLessThan(0);
    expect(analyzeLocal("lol you think you can get 21 back").sentiment).toBeGreaterThan(0);
    expect(analyzeLocal("kkkk vc acha que consegue").sentiment).toBe(0);
  });

  it("keeps satisfaction monotone in sentiment", () => {
    const texts = ["péssimo, horrível, lixo", "ruim", "ok", "bom", "excelente, perfeito, recomendo"];
    const scores = texts.map((t) => analyzeLocal(t));
    for (let i = 1; i < scores.length; i++) {
      expect(scores[i]!.sentiment).toBeGreaterThanOrEqual(scores[i - 1]!.sentiment);
      expect(scores[i]!.satisfaction).toBeGreaterThanOrEqual(scores[i - 1]!.satisfaction);
    }
  });

  it("is not confident about text without cues", () => {
    expect(analyzeLocal("Pedido 48213").confidence).toBeLessThanOrEqual(0.25);
    expect(analyzeLocal("Péssimo, nunca mais compro, não chegou").confidence).toBeGreaterThan(0.6);
  });

  it("summarises extractively: short text whole, long text cut at a word boundary", () => {
    expect(analyzeLocal("Oi, tudo bem?").summary).toBe("Oi, tudo bem?");
    const long = `${"Meu pedido número 123 ainda não chegou e já faz muito tempo que espero uma resposta de vocês sobre a entrega ".repeat(2)}. Outra frase.`;
    const summary = extractiveSummary(long);
    expect(summary.length).toBeLessThanOrEqual(140);
    expect(summary.endsWith("…")).toBe(true);
    expect(long.startsWith(summary.slice(0, -1))).toBe(true);
    expect(summary.at(-2)).not.toBe(" ");
  });

  it("lets parameters change the decision (experiments vary them)", () => {
    const text = "o produto é ok, achei bom";
    expect(analyzeLocal(text).sentiment).toBeGreaterThan(0);
    expect(analyzeLocal(text, { neutralBand: 0.95 }).sentiment).toBe(0);
  });
});

describe("local-hash-768 embedding", () => {
  const cosine = (a: number[], b: number[]) => a.reduce((s, v, i) => s + v * b[i]!, 0);

  it("is deterministic, 768-d and unit length; empty text gives the zero vector", () => {
    const a = embedLocal("Meu pedido atrasou");
    expect(a).toEqual(embedLocal("Meu pedido atrasou"));
    expect(a).toHaveLength(768);
    expect(Math.sqrt(cosine(a, a))).toBeCloseTo(1, 6);
    expect(embedLocal("").every((v) => v === 0)).toBe(true);
    expect(LOCAL_EMBEDDING_MODEL).toBe("local-hash-768");
  });

  it("places texts that share words closer than unrelated ones, tolerating inflection", () => {
    const q = embedLocal("pedido atrasado");
    expect(cosine(q, embedLocal("meu pedido está atrasando"))).toBeGreaterThan(
      cosine(q, embedLocal("adorei o atendimento da loja")),
    );
  });
});

describe("evaluation floor on the tuning split", () => {
  it("keeps UMSAB and GoEmotions figures from regressing", async () => {
    const r = await runEval(localEvalAnalyzer(), { split: "tune" });
    expect(r.tweets.macroF1).toBeGreaterThanOrEqual(0.54);
    expect(r.tweets.perClass.find((c) => c.label === "neutral")!.f1).toBeGreaterThanOrEqual(0.4);
    expect(r.goemotionsSentiment.macroF1).toBeGreaterThanOrEqual(0.64);
    expect(r.ekman.macroF1).toBeGreaterThanOrEqual(0.42);
  });
});
