import { z } from "zod";
import { EMOTIONS } from "@/lib/scores/vocabulary";
import { addDays, startOfLocalDay } from "@/lib/metrics/period";
import { dayParam, formDefault, formOptional } from "@/lib/url-params";

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

/** The search page's URL: the query and the same filters as the API, with local days for the period. */
export const searchPageQuerySchema = z.object({
  q: formDefault(z.string().trim().max(500).default("")),
  connection: formOptional(z.uuid()),
  emotion: formOptional(z.enum(EMOTIONS)),
  sentimentMin: formOptional(z.coerce.number().min(-1).max(1)),
  sentimentMax: formOptional(z.coerce.number().min(-1).max(1)),
  from: formOptional(dayParam),
  to: formOptional(dayParam),
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
