import { lexiconFor, MAX_PHRASE } from "./lexicon";
import { RULES } from "./rules";
import type { Token } from "./text";
import type { Language, LocalParams } from "./types";

export type Cue = { text: string; value: number };

export type SentimentScore = {
  /** Calibrated score in −1..1: neutral band mapped to 0, the rest rescaled to start at ±0.1. */
  sentiment: number;
  /** Before calibration: what the neutral band is compared with. */
  raw: number;
  cues: Cue[];
};

const NEGATION_WINDOW = 3;
const BOOSTER_WINDOW = 2;

type Hit = { index: number; end: number; value: number; text: string; negationConsumed: boolean };

/** Longest phrase first, then the single word; a phrase that starts with a negator has consumed it. */
function findHits(tokens: Token[], language: Language, params: LocalParams): Hit[] {
  const lexicon = lexiconFor(language);
  const rules = RULES[language];
  const hits: Hit[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.kind === "emoji") {
      const v = lexicon.emoji.get(t.norm);
      if (v) hits.push({ index: i, end: i, value: v * params.emojiWeight, text: t.raw, negationConsumed: false });
      continue;
    }
    if (t.kind === "laugh") {
      hits.push({
        index: i,
        end: i,
        value: params.laughValue * rules.laughWeight,
        text: t.raw,
        negationConsumed: false,
      });
      continue;
    }
    if (t.kind !== "word") continue;
    let matched = false;
    if (lexicon.phraseStarts.has(t.norm)) {
      for (let n = Math.min(MAX_PHRASE, tokens.length - i); n >= 2 && !matched; n--) {
        const span = tokens.slice(i, i + n);
        if (span.some((s) => s.kind !== "word" || s.clause !== t.clause)) continue;
        const value = lexicon.phrases.get(span.map((s) => s.norm).join(" "));
        if (value === undefined) continue;
        hits.push({
          index: i,
          end: i + n - 1,
          value,
          text: span.map((s) => s.raw).join(" "),
          negationConsumed: rules.negators.has(t.norm),
        });
        i += n - 1;
        matched = true;
      }
    }
    if (matched) continue;
    const value =
      lexicon.words.get(t.norm) ?? (language === "en" ? englishBaseValue(lexicon.words, t.norm) : undefined);
    if (value !== undefined) hits.push({ index: i, end: i, value, text: t.raw, negationConsumed: false });
  }
  return withIntensifyingCues(hits, tokens, rules.intensifyingCues);
}

/** "idiots", "scares", "stupidest": English inflections of a listed word carry its value (lists hold base forms). */
function englishBaseValue(words: Map<string, number>, word: string): number | undefined {
  if (word.length < 5) return undefined;
  for (const suffix of ["est", "es", "s"]) {
    if (word.endsWith(suffix)) {
      const base = words.get(word.slice(0, -suffix.length));
      if (base !== undefined) return base;
    }
  }
  return undefined;
}

const INTENSIFIER_BOOST = 1.5;

/**
 * "fucking fun", "pretty frustrating": an intensifying cue right before another cue of its clause makes that cue
 * stronger and is no cue itself; "fun as hell" likewise for the cue before "as". Standing alone it keeps its value.
 */
function withIntensifyingCues(hits: Hit[], tokens: Token[], intensifiers: Set<string>): Hit[] {
  if (intensifiers.size === 0 || hits.length < 2) return hits;
  const out: Hit[] = [];
  for (let h = 0; h < hits.length; h++) {
    const hit = hits[h]!;
    const next = hits[h + 1];
    const intensifies = hit.index === hit.end && intensifiers.has(tokens[hit.index]!.norm);
    if (intensifies && next && next.index - hit.end <= 2 && tokens[next.index]!.clause === tokens[hit.index]!.clause) {
      hits[h + 1] = { ...next, value: next.value * INTENSIFIER_BOOST };
      continue;
    }
    const prev = out.at(-1);
    const afterAs = hit.index >= 1 && tokens[hit.index - 1]!.norm === "as";
    if (
      intensifies &&
      afterAs &&
      prev &&
      hit.index - prev.end <= 2 &&
      tokens[prev.index]!.clause === tokens[hit.index]!.clause
    ) {
      out[out.length - 1] = { ...prev, value: prev.value * INTENSIFIER_BOOST };
      continue;
    }
    out.push(hit);
  }
  return out;
}

/** VADER-style valence with clause-bounded negation, boosters, contrast, caps and exclamation. */
export function scoreSentiment(tokens: Token[], language: Language, params: LocalParams): SentimentScore {
  const rules = RULES[language];
  const hits = findHits(tokens, language, params);
  const shouting = tokens.filter((t) => t.kind === "word").every((t) => t.caps || t.norm.length < 3);
  const contrastAt = tokens.reduce((at, t, i) => (t.kind === "word" && rules.contrasts.has(t.norm) ? i : at), -1);
  const cues: Cue[] = [];
  let total = 0;
  for (const hit of hits) {
    let value = hit.value;
    const start = tokens[hit.index]!;
    if (!hit.negationConsumed) {
      for (let j = hit.index - 1; j >= Math.max(0, hit.index - NEGATION_WINDOW); j--) {
        const prev = tokens[j]!;
        if (prev.clause !== start.clause || prev.kind === "punct") break;
        if (rules.negators.has(prev.norm)) {
          value *= -params.negationFactor;
          break;
        }
      }
    }
    for (let j = hit.index - 1; j >= Math.max(0, hit.index - BOOSTER_WINDOW); j--) {
      const prev = tokens[j]!;
      if (prev.clause !== start.clause || prev.kind !== "word") break;
      const boost = rules.boosters.get(prev.norm);
      if (boost) {
        value *= boost;
        break;
      }
      if (rules.diminishers.has(prev.norm)) {
        value *= 0.6;
        break;
      }
    }
    const next = tokens[hit.end + 1];
    if (next && next.kind === "word" && rules.postBoosters.has(next.norm)) value *= 1.3;
    if (start.caps && !shouting) value *= params.capsBoost;
    if (contrastAt >= 0) value *= hit.index < contrastAt ? params.contrastBefore : params.contrastAfter;
    total += value;
    cues.push({ text: hit.text, value });
  }
  if (total !== 0) {
    const bangs = Math.min(
      3,
      tokens.filter((t) => t.kind === "punct").reduce((n, t) => n + (t.norm.match(/!/g)?.length ?? 0), 0),
    );
    total += Math.sign(total) * params.exclamationBoost * bangs;
  }
  const raw = total / Math.sqrt(total * total + params.alpha);
  return { sentiment: calibrate(raw, params.neutralBand), raw, cues };
}

/**
 * The band is the model's own notion of neutral; the platform calls |s| ≥ 0.1 polar. Mapping the band to 0 and
 * the rest onto ±[0.1, 1] makes both agree without telling the dashboards which model scored a message.
 */
export function calibrate(raw: number, band: number): number {
  const magnitude = Math.abs(raw);
  if (magnitude <= band) return 0;
  const scaled = 0.1 + (0.9 * (magnitude - band)) / (1 - band);
  return Math.round(Math.sign(raw) * Math.min(1, scaled) * 1000) / 1000;
}
