import { z } from "zod";

/** A local calendar day in a URL, YYYY-MM-DD. */
export const dayParam = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

const emptyToUndefined = (v: unknown) => (v === "" || v === null ? undefined : v);

/** A GET form sends every field; an empty one means "not filtered". */
export const formOptional = <T extends z.ZodType>(schema: T) => z.preprocess(emptyToUndefined, schema.optional());

/** A GET form field with a default when empty or absent. */
export const formDefault = <T extends z.ZodType>(schema: T) => z.preprocess(emptyToUndefined, schema);
