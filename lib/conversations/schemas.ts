import { z } from "zod";
import { EMOTIONS, TONES } from "@/lib/analysis/local/types";

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const emptyToUndefined = (v: unknown) => (v === "" || v === null ? undefined : v);
const optional = <T extends z.ZodType>(schema: T) => z.preprocess(emptyToUndefined, schema.optional());

export const CONVERSATION_SORTS = ["last", "sentiment", "satisfaction", "messages"] as const;

/** The conversation list's state, as it travels in the URL (strings in, typed out). */
export const conversationQuerySchema = z.object({
  from: optional(day),
  to: optional(day),
  connection: optional(z.uuid()),
  emotion: optional(z.enum(EMOTIONS)),
  tone: optional(z.enum(TONES)),
  /** A heatmap cell: customers wrote on this local weekday (0 = Sunday) at this local hour. */
  weekday: optional(z.coerce.number().int().min(0).max(6)),
  hour: optional(z.coerce.number().int().min(0).max(23)),
  sentimentMin: optional(z.coerce.number().min(-1).max(1)),
  sentimentMax: optional(z.coerce.number().min(-1).max(1)),
  satisfactionMin: optional(z.coerce.number().int().min(0).max(100)),
  satisfactionMax: optional(z.coerce.number().int().min(0).max(100)),
  negative: optional(z.enum(["1"])),
  q: optional(z.string().trim().min(1).max(200)),
  sort: z.preprocess(emptyToUndefined, z.enum(CONVERSATION_SORTS).default("last")),
  dir: z.preprocess(emptyToUndefined, z.enum(["asc", "desc"]).default("desc")),
  page: z.preprocess(emptyToUndefined, z.coerce.number().int().min(1).max(10_000).default(1)),
});

export type ConversationQuery = z.infer<typeof conversationQuerySchema>;
