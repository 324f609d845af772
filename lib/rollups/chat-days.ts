import { sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { EMOTIONS, type Emotion } from "@/lib/scores/vocabulary";

/**
 * Re-derives a chat's local day from its messages (db/functions/refresh_chat_day.sql): whether it still has a
 * message that is not deleted, and the emotions analysed that day. In the caller's transaction.
 */
export async function refreshChatDay(tx: DbOrTx, chatId: string, at: Date, timezone: string) {
  await tx.execute(sql`select refresh_chat_day(${chatId}, ${at.toISOString()}::timestamptz, ${timezone})`);
}

const EPOCH = Date.UTC(2000, 0, 1);

/** A local day (YYYY-MM-DD) as chats.active_days holds it: days since 2000-01-01. */
export function dayNumber(day: string): number {
  return Math.round((Date.parse(`${day}T00:00:00Z`) - EPOCH) / 86_400_000);
}

/** Every day number of an inclusive period of local days. */
export function dayNumbers(from: string, to: string): number[] {
  const out: number[] = [];
  for (let d = dayNumber(from); d <= dayNumber(to); d++) out.push(d);
  return out;
}

/** As db/functions/emotion_day_code.sql: the emotion's position in EMOTIONS, from 1, × 100000 + day. */
export function emotionDayCode(emotion: Emotion, day: number): number {
  return (EMOTIONS.indexOf(emotion) + 1) * 100_000 + day;
}
