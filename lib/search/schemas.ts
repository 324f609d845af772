import { z } from "zod";
import { EMOTIONS } from "@/lib/analysis/local/types";
import { addDays, startOfLocalDay } from "@/lib/metrics/period";

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

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const emptyToUndefined = (v: unknown) => (v === "" || v === null ? undefined : v);
const optional = <T extends z.ZodType>(schema: T) => z.preprocess(emptyToUndefined, schema.optional());

/** The search page's URL: the query and the same filters as the API, with local days for the period. */
export const searchPageQuerySchema = z.object({
  q: z.preprocess(emptyToUndefined, z.string().trim().max(500).default("")),
  connection: optional(z.uuid()),
  emotion: optional(z.enum(EMOTIONS)),
  sentimentMin: optional(z.coerce.number().min(-1).max(1)),
  sentimentMax: optional(z.coerce.number().min(-1).max(1)),
  from: optional(day),
  to: optional(day),
});

export type SearchPageQuery = z.infer<typeof searchPageQuerySchema>;

/** The page's local days become the API's instants: from the first to the last millisecond of those days. */
export function pageFilters(query: SearchPageQuery, timezone: string): SearchFilters {
  return {
    ...(query.connection ? { connection_id: query.connection } : {}),
    ...(query.emotion ? { emotion: query.emotion } : {}),
    ...(query.sentimentMin !== undefined ? { sentiment_min: query.sentimentMin } : {}),
    ...(query.sentimentMax !== undefined ? { sentiment_max: query.sentimentMax } : {}),
    ...(query.from ? { from: startOfLocalDay(query.from, timezone).toISOString() } : {}),
    ...(query.to ? { to: new Date(startOfLocalDay(addDays(query.to, 1), timezone).getTime() - 1).toISOString() } : {}),
  };
}
