import { detectEmotion } from "./emotion";
import { detectLanguage } from "./language";
import { scoreSentiment, type Cue, type SentimentScore } from "./sentiment";
import { extractiveSummary, tokenize, type Token } from "./text";
import { detectTone } from "./tone";
import { DEFAULT_LOCAL_PARAMS, type Language, type LocalAnalysis, type LocalParams } from "./types";

const LABEL = { positive: "positivo", negative: "negativo" };

function describe(cues: Cue[], emotionCues: string[]): string {
  const strongest = [...cues].sort((a, b) => Math.abs(b.value) - Math.abs(a.value)).slice(0, 3);
  const parts = strongest.map((c) => `"${c.text}" (${c.value > 0 ? "+" : "−"}${Math.abs(c.value).toFixed(1)})`);
  const total = cues.reduce((s, c) => s + c.value, 0);
  const head =
    cues.length === 0
      ? "sem palavras de sentimento conhecidas"
      : `${total >= 0 ? LABEL.positive : LABEL.negative}: ${parts.join(", ")}`;
  const emotion = emotionCues.length ? `; emoção por "${emotionCues.slice(0, 2).join('", "')}"` : "";
  return `${head}${emotion}`.slice(0, 200);
}

/**
 * Honest confidence: a keyword model knows little when it found few cues, and less when they disagree.
 */
function confidence(cues: Cue[], sentiment: number): number {
  if (cues.length === 0) return 0.2;
  const positive = cues.filter((c) => c.value > 0).reduce((s, c) => s + c.value, 0);
  const negative = -cues.filter((c) => c.value < 0).reduce((s, c) => s + c.value, 0);
  const agreement = Math.abs(positive - negative) / (positive + negative || 1);
  const value = 0.3 + 0.08 * Math.min(cues.length, 4) + 0.2 * agreement + 0.15 * Math.abs(sentiment);
  return Math.round(Math.min(0.9, value) * 100) / 100;
}

/**
 * With no stopword to go by ("great job", "péssimo"), the language whose lexicon recognises more of the words
 * wins; ties go to Portuguese, the product's main language.
 */
function settleLanguage(tokens: Token[], p: LocalParams): { language: Language; score: SentimentScore } {
  const voted = detectLanguage(tokens);
  if (voted) return { language: voted, score: scoreSentiment(tokens, voted, p) };
  let best: { language: Language; score: SentimentScore } = { language: "pt", score: scoreSentiment(tokens, "pt", p) };
  for (const language of ["en", "es"] as const) {
    const score = scoreSentiment(tokens, language, p);
    if (score.cues.length > best.score.cues.length) best = { language, score };
  }
  return best;
}

/** The EvoSense local model: lexicons and rules, no network, about a tenth of a millisecond per message. */
export function analyzeLocal(text: string, params: Partial<LocalParams> = {}): LocalAnalysis {
  const p: LocalParams = { ...DEFAULT_LOCAL_PARAMS, ...params };
  const tokens = tokenize(text);
  const { language, score } = settleLanguage(tokens, p);
  const { sentiment, cues } = score;
  const emotion = detectEmotion(tokens, text, language, sentiment);
  const summary = extractiveSummary(text) || "(sem texto)";
  return {
    sentiment,
    emotion: emotion.emotion,
    satisfaction: Math.min(95, Math.max(5, Math.round(50 + 45 * sentiment))),
    tone: detectTone(tokens, text, language),
    summary,
    language,
    confidence: confidence(cues, sentiment),
    rationale: describe(cues, emotion.cues),
  };
}
