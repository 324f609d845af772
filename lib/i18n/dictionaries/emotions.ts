import { defineDictionary } from "../locale";

/** The analysis contract's emotion and tone codes, as people read them. */
export const emotionStrings = defineDictionary({
  "pt-BR": {
    joy: "Alegria",
    gratitude: "Gratidão",
    anger: "Raiva",
    frustration: "Frustração",
    sadness: "Tristeza",
    fear: "Medo",
    surprise: "Surpresa",
    neutral: "Neutra",
  },
  en: {
    joy: "Joy",
    gratitude: "Gratitude",
    anger: "Anger",
    frustration: "Frustration",
    sadness: "Sadness",
    fear: "Fear",
    surprise: "Surprise",
    neutral: "Neutral",
  },
});

export const toneStrings = defineDictionary({
  "pt-BR": { aggressive: "Agressivo", urgent: "Urgente", polite: "Educado", informal: "Informal", neutral: "Neutro" },
  en: { aggressive: "Aggressive", urgent: "Urgent", polite: "Polite", informal: "Informal", neutral: "Neutral" },
});
