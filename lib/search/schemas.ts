import { z } from "zod";
import { EMOTIONS } from "@/lib/analysis/local/types";

export const searchFiltersSchema = z
  .object({
    connection_id: z.uuid().optional(),
    emotion: z.enum(EMOTIONS).optional(),
    sentiment_min: z.number().min(-1).max(1).optional(),
    sentiment_max: z.number().min(-1).max(1).optional(),
    from: z.iso.datetime({ offset: true }).optional(),
    to: z.iso.datetime({ offset: true }).optional(),
  })
  .strict();

export const semanticSearchSchema = z
  .object({
    query: z.string().trim().min(2).max(500),
    filters: searchFiltersSchema.default({}),
    limit: z.number().int().min(1).max(100).default(20),
  })
  .strict();

export type SearchFilters = z.infer<typeof searchFiltersSchema>;
export type SemanticSearchInput = z.infer<typeof semanticSearchSchema>;
