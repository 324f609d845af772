import { TONE_CUES } from "./cues";
import type { Token } from "./text";
import type { Tone } from "@/lib/scores/vocabulary";
import type { Language } from "./types";

function hasCue(words: string[], joined: string, cues: string[]): boolean {
  return cues.some((cue) => (cue.includes(" ") ? joined.includes(` ${cue} `) : words.includes(cue)));
}

/** First match wins: aggressive > urgent > polite > informal > neutral. Whole tokens only, never substrings. */
export function detectTone(tokens: Token[], text: string, language: Language): Tone {
  const words = tokens.filter((t) => t.kind === "word").map((t) => t.norm);
  const joined = ` ${words.join(" ")} `;
  const cues = TONE_CUES[language];
  const capsLetters = (text.match(/\p{Lu}/gu) ?? []).length;
  const shouting = capsLetters >= 12 && capsLetters > (text.match(/\p{Ll}/gu) ?? []).length && text.includes("!");
  if (shouting || hasCue(words, joined, cues.aggressive)) return "aggressive";
  if (/!!|\?\?/.test(text) || hasCue(words, joined, cues.urgent)) return "urgent";
  if (hasCue(words, joined, cues.polite)) return "polite";
  if (tokens.some((t) => t.kind === "laugh" || t.kind === "emoji") || hasCue(words, joined, cues.informal))
    return "informal";
  return "neutral";
}
