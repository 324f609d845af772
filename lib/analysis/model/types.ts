import type { Emotion, Tone } from "@/lib/scores/vocabulary";

export type Language = "pt" | "en" | "es";

/** The model's tunables; a prompt version's `params.local` overrides them so experiments can vary them. */
export interface LocalParams {
  /** |raw score| at or below this is neutral; outside, scores are rescaled to start at the platform's 0.1. */
  neutralBand: number;
  /** A negated cue flips and shrinks: value × −negationFactor. */
  negationFactor: number;
  /** Weights of cues before and after a contrast word ("mas", "but"). */
  contrastBefore: number;
  contrastAfter: number;
  /** Added per "!" (at most three) in the direction of the score. */
  exclamationBoost: number;
  /** Multiplier for an ALL-CAPS cue in a text that is not all caps. */
  capsBoost: number;
  /** Normalisation constant: s = S / sqrt(S² + alpha). */
  alpha: number;
  /** Value of a laugh token ("kkkk", "haha", "rsrs"). */
  laughValue: number;
  /** Weight of emoji valences relative to words. */
  emojiWeight: number;
}

export const DEFAULT_LOCAL_PARAMS: LocalParams = {
  neutralBand: 0.1,
  negationFactor: 0.75,
  contrastBefore: 0.5,
  contrastAfter: 1.5,
  exclamationBoost: 0.3,
  capsBoost: 1.3,
  alpha: 15,
  laughValue: 0.25,
  emojiWeight: 1,
};

export interface LocalAnalysis {
  sentiment: number;
  emotion: Emotion;
  satisfaction: number;
  tone: Tone;
  summary: string;
  language: Language;
  confidence: number;
  rationale: string;
}
