import afinnEn from "./lexicons/afinn-en.json";
import afinnEs from "./lexicons/afinn-es.json";
import afinnPtNatural from "./lexicons/afinn-pt-natural.json";
import afinnPt from "./lexicons/afinn-pt.json";
import domain from "./lexicons/domain.json";
import emojiSentiment from "./lexicons/emoji-sentiment.json";
import { RULES } from "./rules";
import { EMOTICONS, fold, tokenize } from "./text";
import type { Language } from "./types";

/** Phrases are matched longest first, up to this many tokens. */
export const MAX_PHRASE = 4;

export type Lexicon = {
  words: Map<string, number>;
  /** Folded phrase ("nao chegou") → value; `phraseStarts` lets the scorer skip tokens that begin none. */
  phrases: Map<string, number>;
  phraseStarts: Set<string>;
  emoji: Map<string, number>;
};

function normalise(entry: string) {
  return tokenize(entry).filter((t) => t.kind !== "punct");
}

/**
 * Later lists win: generic AFINN first, then fill-ins, then our customer-service lexicon, whose values were
 * written for this domain. Function words handled by rules (negators, boosters) are dropped as single cues:
 * AFINN's translations score "não" −1, which would double-count negation.
 */
function build(language: Language, lists: [Record<string, number>, number][]): Lexicon {
  const rules = RULES[language];
  const words = new Map<string, number>();
  const phrases = new Map<string, number>();
  const emoji = new Map<string, number>();
  for (const [e, v] of Object.entries(emojiSentiment as Record<string, number>)) emoji.set(e.replace(/\ufe0f/g, ""), v);
  for (const [e, v] of Object.entries(EMOTICONS)) emoji.set(e, v);
  for (const [list, weight] of lists) {
    for (const [entry, raw] of Object.entries(list)) {
      const value = raw * weight;
      const parsed = normalise(entry);
      const tokens = parsed.map((t) => t.norm);
      if (tokens.length === 0 || tokens.length > MAX_PHRASE) continue;
      if (tokens.length === 1 && parsed[0]!.kind === "emoji") {
        // Our lexicon corrects the general emoji ranking where customers use an emoji differently (😭 is grief).
        emoji.set(tokens[0]!, value);
      } else if (tokens.length === 1) {
        const w = tokens[0]!;
        if (rules.negators.has(w) || rules.boosters.has(w) || rules.contrasts.has(w)) continue;
        if (value === 0) words.delete(w);
        else words.set(w, value);
      } else {
        phrases.set(tokens.join(" "), value);
      }
    }
  }
  return { words, phrases, phraseStarts: new Set([...phrases.keys()].map((p) => p.split(" ")[0]!)), emoji };
}

/**
 * AFINN's Portuguese and Spanish lists are machine translations: many entries are noise ("victor", "favor").
 * Weighted below our hand-written lexicon; chosen on UMSAB train+val.
 */
const AFINN_WEIGHT = 0.5;

const cache = new Map<Language, Lexicon>();

export function lexiconFor(language: Language): Lexicon {
  let lexicon = cache.get(language);
  if (!lexicon) {
    const d = domain as Record<Language, Record<string, number>>;
    const w = AFINN_WEIGHT;
    const lists: [Record<string, number>, number][] =
      language === "pt"
        ? [
            [afinnPt, w],
            [afinnPtNatural, w],
            [d.pt, 1],
          ]
        : language === "es"
          ? [
              [afinnEs, w],
              [d.es, 1],
            ]
          : [
              [afinnEn, 1],
              [d.en, 1],
            ];
    lexicon = build(language, lists);
    cache.set(language, lexicon);
  }
  return lexicon;
}

export { fold };
