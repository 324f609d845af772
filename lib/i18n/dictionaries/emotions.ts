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
