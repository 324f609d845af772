import { RULES } from "./rules";
import { tokenize } from "./text";

export const LOCAL_EMBEDDING_MODEL = "local-hash-768";
const DIMENSIONS = 768;
const ALL_STOPWORDS = new Set([...RULES.pt.stopwords, ...RULES.en.stopwords, ...RULES.es.stopwords]);

/** FNV-1a over UTF-16 code units, then murmur3's fmix32 to spread the low bits we take the modulo of. */
function hash(feature: string, seed: number): number {
  let h = (0x811c9dc5 ^ seed) >>> 0;
  for (let i = 0; i < feature.length; i++) {
    h ^= feature.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b) >>> 0;
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35) >>> 0;
  h ^= h >>> 16;
  return h >>> 0;
}

/** A light Portuguese-first stemmer: enough for "atrasou/atrasado/atraso" to share most features. */
function stem(word: string): string {
  let w = word.replace(/(mente|coes|cao|oes|ais|eis)$/, "");
  if (w.length > 4) w = w.replace(/(as|os|es|s|a|o)$/, "");
  return w;
}

/**
 * Deterministic 768-d signed feature hashing of stemmed words, bigrams and character 3–5-grams, L2-normalised.
 * It finds shared words (tolerating inflection and typos), not shared meaning: named as such in the UI.
 */
export function embedLocal(text: string): number[] {
  const features = new Map<string, number>();
  const add = (f: string, w: number) => features.set(f, (features.get(f) ?? 0) + w);
  const words = tokenize(text)
    .filter((t) => t.kind === "word" || t.kind === "emoji")
    .map((t) => t.norm);
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    const stop = ALL_STOPWORDS.has(w);
    add(`w:${stem(w)}`, stop ? 0.25 : 1);
    if (i > 0) add(`b:${words[i - 1]} ${w}`, 0.7);
    if (!stop && w.length > 2) {
      const padded = `<${w}>`;
      const grams: string[] = [];
      for (let n = 3; n <= 5; n++) for (let j = 0; j + n <= padded.length; j++) grams.push(padded.slice(j, j + n));
      const weight = 0.35 / Math.sqrt(grams.length);
      for (const g of grams) add(`c:${g}`, weight);
    }
  }
  const vector = new Array<number>(DIMENSIONS).fill(0);
  for (const [feature, tf] of features) {
    const weight = tf >= 1 ? 1 + Math.log(tf) : tf;
    const index = hash(feature, 0) % DIMENSIONS;
    vector[index]! += (hash(feature, 0x9e3779b9) & 1 ? 1 : -1) * weight;
  }
  const norm = Math.sqrt(vector.reduce((s, v) => s + v * v, 0));
  return norm === 0 ? vector : vector.map((v) => v / norm);
}
