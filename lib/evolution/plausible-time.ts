/** WhatsApp was founded in 2009: no message was sent before. */
export const EARLIEST_PLAUSIBLE_MS = Date.UTC(2009, 0, 1);
/** A sender's clock may run ahead; a day covers any time zone mistake without letting a message into the future. */
export const FUTURE_TOLERANCE_MS = 24 * 60 * 60 * 1000;

export type PlausibleTime = { at: Date; replaced: { original: string } | null };

/**
 * A sender's timestamp if it could be true, else the time it was received, with the original kept so the change is
 * visible. A timestamp of 1e20 or 2999 would otherwise fail to store, or sort the chat after every real message.
 */
export function plausibleTime(ms: number | null, original: unknown, receivedAt: Date): PlausibleTime {
  if (ms === null) return { at: receivedAt, replaced: null };
  if (Number.isFinite(ms) && ms >= EARLIEST_PLAUSIBLE_MS && ms <= receivedAt.getTime() + FUTURE_TOLERANCE_MS) {
    return { at: new Date(ms), replaced: null };
  }
  return {
    at: receivedAt,
    replaced: { original: typeof original === "object" ? JSON.stringify(original) : String(original) },
  };
}
