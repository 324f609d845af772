import type { Language } from "./types";

/** Function words that change a cue's weight; folded forms. Per language, as "mas" is "but" in pt and "more" in es. */
export type Rules = {
  negators: Set<string>;
  boosters: Map<string, number>;
  diminishers: Set<string>;
  /** Follow their cue ("ruim demais"). */
  postBoosters: Set<string>;
  contrasts: Set<string>;
  stopwords: Set<string>;
  /**
   * Cues that, next to another cue, only intensify it: the one right after them ("fucking fun", "damn good",
   * "pretty frustrating") or, after "as", the one before ("fun as hell"). Alone they keep their own value.
   */
  intensifyingCues: Set<string>;
  /** How much a laugh token says in this language: "lol"/"haha" mark amusement; "kkkk" often rides on sarcasm. */
  laughWeight: number;
};

const set = (words: string) => new Set(words.split(/\s+/).filter(Boolean));
const boosters = (words: string, weight: number) =>
  words
    .split(/\s+/)
    .filter(Boolean)
    .map((w) => [w, weight] as const);

export const RULES: Record<Language, Rules> = {
  pt: {
    negators: set("nao n nunca jamais nem nenhum nenhuma nada sem ninguem tampouco"),
    boosters: new Map([
      ...boosters(
        "muito mto mt mó super extremamente totalmente bastante tao mega hiper completamente absolutamente realmente",
        1.3,
      ),
      ...boosters("demais muitissimo pessimamente", 1.5),
      ...boosters("bem mais", 1.15),
    ]),
    diminishers: set("pouco meio quase levemente razoavelmente"),
    postBoosters: set("demais"),
    intensifyingCues: set(""),
    laughWeight: 1,
    contrasts: set("mas porem entretanto contudo todavia"),
    stopwords: set(
      "a o as os um uma uns umas de do da dos das em no na nos nas por para pra pro com que e ou se eu voce vc ele ela nos eles elas me te lhe meu minha seu sua isso isto esse essa este esta aquele aquela ja tambem tb so ate como quando onde mais muito foi ser ter tem esta estou estao era sao vai vou ao aos pelo pela",
    ),
  },
  en: {
    negators: set(
      "not no never none nothing nobody without dont doesnt didnt isnt wasnt arent werent cant cannot couldnt wont wouldnt shouldnt aint nor neither hardly",
    ),
    boosters: new Map([
      ...boosters("very really so extremely totally super absolutely completely incredibly truly", 1.3),
      ...boosters("most freaking", 1.5),
    ]),
    diminishers: set("slightly somewhat kinda kind sort barely little bit"),
    postBoosters: set(""),
    intensifyingCues: set("fuck fucking fuckin freaking frickin damn damned goddamn hella bloody hell shit pretty"),
    laughWeight: 2,
    contrasts: set("but however although though yet"),
    stopwords: set(
      "the a an and or of to in on at for with is are was were be been it this that i you he she we they my your his her our their me him them as by from so do does did have has had not but if just what",
    ),
  },
  es: {
    negators: set("no nunca jamas ni ningun ninguna ninguno nada sin nadie tampoco"),
    boosters: new Map([...boosters("muy mucho super extremadamente totalmente bastante tan demasiado realmente", 1.3)]),
    diminishers: set("poco casi algo"),
    postBoosters: set("demasiado"),
    intensifyingCues: set(""),
    laughWeight: 1,
    contrasts: set("pero sino aunque"),
    stopwords: set(
      "el la los las un una unos unas de del en y o que por para con se me te le mi su es son fue era al lo como pero muy mas ya este esta eso yo tu usted",
    ),
  },
};
