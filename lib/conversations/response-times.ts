import type { ConversationMessage } from "./queries";

export type ResponseTimes = { firstResponseMs: number | null; medianReplyMs: number | null; replies: number };

/**
 * From the conversation's own messages: the time from the customer's first message to the business's first answer,
 * and the median time from each customer turn (its first message) to the reply that ends it. The same turns as the
 * dashboard's rollups (SQL refresh_response_times): reactions and deleted messages take no part.
 */
export function responseTimes(
  messages: Pick<ConversationMessage, "fromMe" | "sentAt" | "deletedAt" | "type">[],
): ResponseTimes {
  const turns: number[] = [];
  let waitingSince: Date | null = null;
  for (const m of messages) {
    if (m.type === "reaction" || m.deletedAt) continue;
    if (!m.fromMe) {
      waitingSince ??= m.sentAt;
    } else if (waitingSince) {
      turns.push(m.sentAt.getTime() - waitingSince.getTime());
      waitingSince = null;
    }
  }
  if (turns.length === 0) return { firstResponseMs: null, medianReplyMs: null, replies: 0 };
  const sorted = [...turns].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  return { firstResponseMs: turns[0]!, medianReplyMs: median, replies: turns.length };
}
