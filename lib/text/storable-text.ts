/**
 * Text PostgreSQL can hold. `text` and `jsonb` refuse NUL, and JSON with a lone UTF-16 surrogate fails to cast, so a
 * WhatsApp message carrying either would fail on every delivery. NUL is dropped (it carries nothing a reader sees), a
 * lone surrogate becomes U+FFFD as a UTF-8 decoder would make it; every other character is kept as sent.
 */
export function storableText(text: string): string {
  const withoutNul = text.includes("\u0000") ? text.replaceAll("\u0000", "") : text;
  return withoutNul.isWellFormed() ? withoutNul : withoutNul.toWellFormed();
}

export function isStorableText(text: string): boolean {
  return !text.includes("\u0000") && text.isWellFormed();
}

// Raw NUL cannot appear in valid JSON text, and a UTF-8 body decodes without lone surrogates, so only escapes can
// produce them: the reviver runs only for bodies that carry one.
const RISKY_ESCAPE = /\\u(?:0000|[dD][89a-fA-F][0-9a-fA-F]{2})/;

export function mayHoldUnstorableText(jsonText: string): boolean {
  return RISKY_ESCAPE.test(jsonText) || !jsonText.isWellFormed();
}

/** A JSON.parse reviver that makes every string value and key storable. */
export function storableReviver(_key: string, value: unknown): unknown {
  if (typeof value === "string") return storableText(value);
  if (value && typeof value === "object" && !Array.isArray(value)) {
    const record = value as Record<string, unknown>;
    for (const key of Object.keys(record)) {
      if (isStorableText(key)) continue;
      const clean = storableText(key);
      if (!(clean in record)) record[clean] = record[key];
      delete record[key];
    }
  }
  return value;
}
