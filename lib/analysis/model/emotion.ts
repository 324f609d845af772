import { EMOJI_EMOTIONS, EMOTION_CUES } from "./cues";
import type { Token } from "./text";
import type { Emotion } from "@/lib/scores/vocabulary";
import type { Language } from "./types";

type Labelled = Exclude<Emotion, "neutral">;
const NEGATIVE: Labelled[] = ["anger", "frustration", "sadness", "fear"];
const POSITIVE: Labelled[] = ["joy", "gratitude"];
// Ties go to the label a customer-service reader most needs to see.
const PRIORITY: Labelled[] = ["anger", "frustration", "fear", "sadness", "gratitude", "joy", "surprise"];

type Matcher = { prefixes: [string, Labelled][]; phrases: [string, Labelled][] };
const matchers = new Map<Language, Matcher>();

function matcherFor(language: Language): Matcher {
  let m = matchers.get(language);
  if (!m) {
    m = { prefixes: [], phrases: [] };
    for (const [label, cues] of Object.entries(EMOTION_CUES[language]) as [Labelled, string[]][]) {
      for (const cue of cues) (cue.includes(" ") || /[?']/.test(cue) ? m.phrases : m.prefixes).push([cue, label]);
    }
    matchers.set(language, m);
  }
  return m;
}

export type EmotionResult = { emotion: Emotion; cues: string[] };

/** Counts cue stems and emoji per label, then lets the sentiment veto labels of the opposite polarity. */
export function detectEmotion(tokens: Token[], text: string, language: Language, sentiment: number): EmotionResult {
  const counts = new Map<Labelled, number>();
  const found: string[] = [];
  const add = (label: Labelled, cue: string) => {
    counts.set(label, (counts.get(label) ?? 0) + 1);
    found.push(cue);
  };
  const { prefixes, phrases } = matcherFor(language);
  for (const t of tokens) {
    if (t.kind === "emoji") {
      const label = EMOJI_EMOTIONS[t.norm];
      if (label) add(label, t.raw);
    } else if (t.kind === "laugh") {
      add("joy", t.raw);
    } else if (t.kind === "word") {
      for (const [prefix, label] of prefixes) {
        if (t.norm.startsWith(prefix) && (prefix.length >= 4 || t.norm.length <= prefix.length + 3)) {
          add(label, t.raw);
          break;
        }
      }
    }
  }
  const joined = ` ${tokens
    .filter((t) => t.kind === "word")
    .map((t) => t.norm)
    .join(" ")} `;
  const lowered = text.toLowerCase();
  for (const [phrase, label] of phrases) {
    if (/[?']/.test(phrase) ? lowered.includes(phrase) : joined.includes(` ${phrase} `)) add(label, phrase);
  }
  if (sentiment < -0.3) for (const l of POSITIVE) counts.delete(l);
  if (sentiment > 0.3) for (const l of NEGATIVE) counts.delete(l);
  let best: Labelled | null = null;
  for (const label of PRIORITY) {
    const n = counts.get(label) ?? 0;
    if (n > 0 && (best === null || n > (counts.get(best) ?? 0))) best = label;
  }
  if (best) return { emotion: best, cues: found };
  if (sentiment >= 0.35) return { emotion: "joy", cues: [] };
  if (sentiment <= -0.35) return { emotion: "frustration", cues: [] };
  return { emotion: "neutral", cues: [] };
}
