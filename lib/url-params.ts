import { z } from "zod";
import { isCalendarDay } from "@/lib/i18n/day-format";

/** A local calendar day in a URL, YYYY-MM-DD. */
export const dayParam = z
  .string()
  .refine(isCalendarDay, "expected a calendar day as YYYY-MM-DD")
  .meta({ format: "date" });

const emptyToUndefined = (v: unknown) => (v === "" || v === null ? undefined : v);

/** A GET form sends every field; an empty one means "not filtered". */
export const formOptional = <T extends z.ZodType>(schema: T) => z.preprocess(emptyToUndefined, schema.optional());

/** A GET form field with a default when empty or absent. */
export const formDefault = <T extends z.ZodType>(schema: T) => z.preprocess(emptyToUndefined, schema);

/**
 * A page's URL state: what is valid is used, each invalid field is dropped and named so the page can say
 * which filters it did not apply (a hand-edited or over-long value must not be ignored in silence).
 */
export function readUrlQuery<T extends z.ZodObject>(
  schema: T,
  raw: Record<string, string>,
): { query: z.infer<T>; invalid: string[] } {
  const first = schema.safeParse(raw);
  if (first.success) return { query: first.data, invalid: [] };
  const invalid = [...new Set(first.error.issues.map((i) => String(i.path[0] ?? "")).filter(Boolean))];
  const kept = Object.fromEntries(Object.entries(raw).filter(([k]) => !invalid.includes(k)));
  const second = schema.safeParse(kept);
  return {
    query: second.success ? second.data : schema.parse({}),
    invalid: second.success ? invalid : Object.keys(raw),
  };
}
