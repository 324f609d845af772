/** Lowercase without diacritics: "Não" and "nao" are one cue, as customers type both. */
export function fold(value: string): string {
  return value
    .normalize("NFD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase();
}

export type TokenKind = "word" | "emoji" | "laugh" | "punct";

/** Text emoticons read like emoji; their values sit with the emoji valences. */
export const EMOTICONS: Record<string, number> = {
  ":)": 2,
  ":-)": 2,
  ":d": 2,
  ":-d": 2,
  "=)": 2,
  ";)": 1,
  ";-)": 1,
  ":p": 1,
  "<3": 3,
  ":(": -2,
  ":-(": -2,
  ":'(": -2,
  "=(": -2,
  ":/": -1,
  ":-/": -1,
};

export type Token = {
  /** Folded form, letter runs squeezed ("ótimooo" → "otimo"). */
  norm: string;
  raw: string;
  kind: TokenKind;
  /** Written in capitals (3+ letters). */
  caps: boolean;
  /** Index of the clause the token belongs to: negation and intensifiers never cross a clause. */
  clause: number;
};

const TOKEN =
  /((?<![\p{L}\p{N}])(?:[:;=]-?['’]?[()dDpP/]|<3)(?![\p{L}\p{N}]))|(\p{Extended_Pictographic}(?:\u200d\p{Extended_Pictographic}|\ufe0f|\p{Emoji_Modifier})*)|([\p{L}\p{N}]+(?:['’][\p{L}]+)*(?:\/10)?)|([!?]+|[.,;:\n]+)/gu;
const LAUGH = /^(?:k{3,}|(?:ha){2,}h?|(?:he){2,}h?|(?:rs){2,}|(?:hua){2,}|(?:ja){2,}|(?:je){2,}|lol|lmao|rofl|kkk+)$/;
// Brazilian keyboard-mash laughter: "ushausha", "asuhasuh", "kkjkjkj".
const MASH_LAUGH = /^(?=[ashuk]*a)(?=[ashuk]*[hk])[ashuk]{6,}$|^(?:k+j+)+k*$/;
const CLAUSE_BREAK = /[.,;:\n!?]/;

/** "ótimooo" → "otimo", "muuuito" → "muito"; kept to two for "ss"/"rr" words ("passo", "carro"). */
function squeeze(word: string): string {
  return word.replace(/(\p{L})\1{2,}/gu, "$1");
}

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let clause = 0;
  for (const m of text.matchAll(TOKEN)) {
    const [raw, emoticon, emoji, word, punct] = m;
    if (emoticon) {
      tokens.push({
        norm: emoticon.toLowerCase().replace("’", "'"),
        raw: emoticon,
        kind: "emoji",
        caps: false,
        clause,
      });
    } else if (emoji) {
      tokens.push({
        norm: emoji.replace(/[\ufe0f\u{1f3fb}-\u{1f3ff}]/gu, ""),
        raw: emoji,
        kind: "emoji",
        caps: false,
        clause,
      });
    } else if (word) {
      // "I'll" must not become "ill", nor "we're" "were": English clitics go, negations ("don't" → "dont") stay.
      const folded = fold(word)
        .replace(/['’](ll|re|ve|d|m|s)$/, "")
        .replace(/['’]/g, "");
      const laughing = LAUGH.test(folded) || MASH_LAUGH.test(folded);
      const letters = word.replace(/[^\p{L}]/gu, "");
      tokens.push({
        norm: laughing ? "<laugh>" : squeeze(folded),
        raw: word,
        kind: laughing ? "laugh" : "word",
        caps: letters.length >= 3 && letters === letters.toUpperCase() && letters !== letters.toLowerCase(),
        clause,
      });
    } else if (punct) {
      tokens.push({ norm: punct, raw, kind: "punct", caps: false, clause });
      if (CLAUSE_BREAK.test(punct)) clause++;
    }
  }
  return tokens;
}

/** First sentence or the whole text, at most `max` characters, cut at a word boundary. */
export function extractiveSummary(text: string, max = 140): string {
  const clean = text.replace(/\s+/g, " ").trim();
  if (clean.length <= max) return clean;
  const sentence = /^(.+?[.!?])(\s|$)/.exec(clean)?.[1] ?? clean;
  if (sentence.length <= max) return sentence;
  const cut = sentence.slice(0, max - 1);
  const space = cut.lastIndexOf(" ");
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.]+$/, "")}…`;
}
