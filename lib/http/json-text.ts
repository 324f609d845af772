/**
 * JSON text from outside, parsed only when it is shallow enough: V8's JSON.parse recurses per nesting level, and a
 * body nested tens of thousands deep costs a stack overflow or seconds of work. The scan is one linear pass that
 * skips string contents, so brackets inside strings do not count.
 */
import { mayHoldUnstorableText, storableReviver } from "@/lib/text/storable-text";

export const MAX_JSON_DEPTH = 64;

export type JsonTextResult =
  { ok: true; value: unknown } | { ok: false; code: "invalid_json" | "too_deep"; message: string };

export function jsonDepthExceeds(text: string, maxDepth: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c)
        i++; // backslash: the next character is escaped
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      if (++depth > maxDepth) return true;
    } else if (c === 0x7d || c === 0x5d) depth--;
  }
  return false;
}

/** Parsed only within the depth limit, with every string made storable (storable-text.ts). */
export function parseJsonText(text: string, maxDepth = MAX_JSON_DEPTH): JsonTextResult {
  if (jsonDepthExceeds(text, maxDepth)) {
    return { ok: false, code: "too_deep", message: `The JSON body nests deeper than ${maxDepth} levels.` };
  }
  try {
    return { ok: true, value: mayHoldUnstorableText(text) ? JSON.parse(text, storableReviver) : JSON.parse(text) };
  } catch {
    return { ok: false, code: "invalid_json", message: "The body is not valid JSON." };
  }
}
