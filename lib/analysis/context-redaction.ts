import { createHash } from "node:crypto";
import { redactPii } from "@/lib/security/pii";

/**
 * The last messages of a chat go to the model as context with every new message, so each of them would be redacted
 * again ten times. Redacted texts are kept per process, keyed by message id and a hash of the text (an edit changes
 * it); the cache is only an optimisation, so jobs stay stateless across instances.
 */
const MAX_ENTRIES = 5_000;
/** Context is there to tell the model what the conversation is about; a few sentences of each message do that. */
export const CONTEXT_CHARS = 2_000;
/**
 * How much of a message a model reads: a WhatsApp message can hold 65,536 characters, and the local model alone took
 * 70–120 ms of one thread on that many. The first 8,000 (well inside every provider's input and embedding limits)
 * carry what the customer feels; the stored text stays whole.
 */
export const ANALYSIS_INPUT_CHARS = 8_000;

const cache = new Map<string, string>();

function keyOf(id: string, text: string): string {
  return `${id}:${createHash("sha1").update(text).digest("base64")}`;
}

export function redactedContextText(id: string, text: string): string {
  const key = keyOf(id, text);
  const hit = cache.get(key);
  if (hit !== undefined) {
    // Map keeps insertion order: re-inserting marks the entry as recently used.
    cache.delete(key);
    cache.set(key, hit);
    return hit;
  }
  const redacted = redactPii(text.slice(0, CONTEXT_CHARS + 256)).text.slice(0, CONTEXT_CHARS);
  cache.set(key, redacted);
  if (cache.size > MAX_ENTRIES) cache.delete(cache.keys().next().value!);
  return redacted;
}

/** The redacted text of the message being analysed, remembered for when it becomes context of the next ones. */
export function redactMessageText(id: string, text: string): string {
  const redacted = redactPii(text.slice(0, ANALYSIS_INPUT_CHARS + 256)).text.slice(0, ANALYSIS_INPUT_CHARS);
  const key = keyOf(id, text);
  cache.set(key, redacted.slice(0, CONTEXT_CHARS));
  if (cache.size > MAX_ENTRIES) cache.delete(cache.keys().next().value!);
  return redacted;
}

export function contextCacheSize(): number {
  return cache.size;
}
