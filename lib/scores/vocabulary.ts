/**
 * The analysis contract's vocabulary. The order of EMOTIONS is part of the data: chats.emotion_days codes an
 * emotion by its position here (SQL emotion_day_code holds the same list; db/functions.test.ts keeps them equal),
 * so an emotion is only ever added at the end.
 */
export const EMOTIONS = ["joy", "gratitude", "anger", "frustration", "sadness", "fear", "surprise", "neutral"] as const;
export type Emotion = (typeof EMOTIONS)[number];

export const TONES = ["aggressive", "urgent", "polite", "informal", "neutral"] as const;
export type Tone = (typeof TONES)[number];
