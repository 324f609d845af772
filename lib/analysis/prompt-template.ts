import { createHash } from "node:crypto";
import { EMOTIONS, TONES } from "@/lib/scores/vocabulary";

const quotedList = (words: readonly string[]) => words.map((w) => `"${w}"`).join(", ");

/**
 * The default prompt version. Its body is the system prompt; the message and its context are rendered into the
 * user turn by `renderUserPrompt`, so one body serves every message and its hash names it exactly.
 */
export const DEFAULT_PROMPT_KEY = "p_v1_base";

export const DEFAULT_PROMPT_BODY = `Você é um analista de atendimento ao cliente. Analise a ÚLTIMA mensagem do cliente numa conversa de WhatsApp com uma empresa brasileira, usando as mensagens anteriores só como contexto.

Responda APENAS com um objeto JSON, sem texto antes ou depois, com exatamente estes campos:
- "sentiment": número de -1 (muito negativo) a 1 (muito positivo); 0 é neutro.
- "emotion": um de ${quotedList(EMOTIONS)}.
- "satisfaction": inteiro de 0 a 100 — quão satisfeito o cliente está com a empresa neste momento.
- "tone": um de ${quotedList(TONES)}.
- "summary": resumo da mensagem em português, no máximo 140 caracteres, sem dados pessoais.
- "confidence": número de 0 a 1 — sua confiança na análise.
- "rationale": uma frase curta (até 200 caracteres) dizendo o que no texto decidiu a análise.
- "language": código do idioma da mensagem ("pt", "en", "es"...).

Regras: avalie o cliente, não a empresa; ironia conta pelo sentido real; dados pessoais aparecem mascarados como [CPF], [EMAIL], [TELEFONE] — não os repita; se a mensagem não expressa sentimento (ex.: "ok", um número de pedido), use sentiment 0, emotion "neutral" e satisfaction 50.

Exemplos:
Mensagem: "Já faz 15 dias e meu pedido não chegou. Ninguém responde!"
{"sentiment":-0.8,"emotion":"frustration","satisfaction":12,"tone":"urgent","summary":"Cliente reclama que o pedido não chegou após 15 dias e que não obtém resposta.","confidence":0.9,"rationale":"'não chegou' e 'ninguém responde' indicam atraso e falta de retorno.","language":"pt"}

Mensagem: "Muito obrigada pela ajuda, resolveram super rápido!"
{"sentiment":0.85,"emotion":"gratitude","satisfaction":92,"tone":"polite","summary":"Cliente agradece pela solução rápida.","confidence":0.92,"rationale":"Agradecimento explícito e elogio à rapidez.","language":"pt"}

Mensagem: "Qual o horário de funcionamento da loja no sábado?"
{"sentiment":0,"emotion":"neutral","satisfaction":50,"tone":"neutral","summary":"Cliente pergunta o horário da loja no sábado.","confidence":0.85,"rationale":"Pergunta informativa sem carga emocional.","language":"pt"}`;

export type ContextLine = { fromMe: boolean; text: string };

/** The user turn: up to ten earlier lines as context, then the message to analyse. Text arrives redacted. */
export function renderUserPrompt(text: string, context: ContextLine[]): string {
  const lines = context.map((c) => `${c.fromMe ? "Empresa" : "Cliente"}: ${c.text}`);
  const history = lines.length ? `Contexto (mensagens anteriores):\n${lines.join("\n")}\n\n` : "";
  return `${history}Mensagem a analisar (cliente):\n${text}`;
}

export function sha256(value: string): string {
  return createHash("sha256").update(value).digest("hex");
}

/** Stable JSON (sorted keys) so equal versions always hash alike. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (value && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
  }
  return JSON.stringify(value);
}

/** What makes a version itself: two versions with the same body, provider, model and params are the same version. */
export function promptVersionHash(v: {
  body: string;
  provider: string | null;
  model: string | null;
  params: Record<string, unknown>;
}): string {
  return sha256(canonicalJson({ body: v.body, provider: v.provider, model: v.model, params: v.params }));
}
