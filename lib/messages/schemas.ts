import { z } from "zod";

export const pageSchema = z.coerce.number().int().min(1).max(10_000).default(1);
export const pageSizeSchema = z.coerce.number().int().min(1).max(200).default(50);

export const messageListQuerySchema = z.object({
  chat_id: z.uuid().optional(),
  q: z.string().trim().min(1).max(200).optional().meta({ description: "Portuguese full-text query" }),
  page: pageSchema,
  page_size: pageSizeSchema,
  /** Comma-separated extras: `embedding` (the 768-d vector), `inferences` (every model call behind the scores). */
  include: z
    .string()
    .trim()
    .transform((v) =>
      v
        .split(",")
        .map((s) => s.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.enum(["embedding", "inferences"])))
    .optional()
    .meta({ description: "Comma-separated: embedding, inferences" }),
});

export const chatListQuerySchema = z.object({ page: pageSchema, page_size: pageSizeSchema });
