import type { Token } from "./text";
import type { Language } from "./types";

// Words frequent in one language and rare in the others (folded); "que", "de", "no" are shared, so left out.
const MARKERS: Record<Language, Set<string>> = {
  pt: new Set(
    "nao voce vc eu meu minha estou esta obrigado obrigada muito pedido ainda tambem isso entao porque pra pro com uma nos sao foi ja ate mais quando onde tudo bem boa bom dia tarde noite aqui agora hoje".split(
      " ",
    ),
  ),
  en: new Set(
    "the and you is are was were not this that it its im my your youre with have has had for what but just like they we be been can if dont doesnt didnt thanks please of in on at would could should will get got really when where who why how there their them then than because about he she his her him our us".split(
      " ",
    ),
  ),
  // Spanish markers avoid Portuguese look-alikes ("esta", "pedido", "nada" are both).
  es: new Set(
    "el los las muy pero gracias usted ustedes tengo tiene hola todavia y es son fue del al lo cuando donde bueno mucho ahora hoy".split(
      " ",
    ),
  ),
};

/** Stopword vote; null when no marker decides (short texts), for the caller to settle by lexicon hits. */
export function detectLanguage(tokens: Token[]): Language | null {
  const score: Record<Language, number> = { pt: 0, en: 0, es: 0 };
  for (const t of tokens) {
    if (t.kind !== "word") continue;
    for (const lang of ["pt", "en", "es"] as const) if (MARKERS[lang].has(t.norm)) score[lang]++;
  }
  const best = (Object.entries(score) as [Language, number][]).sort((a, b) => b[1] - a[1])[0]!;
  if (best[1] === 0) return null;
  return best[1] > score.pt ? best[0] : "pt";
}
