import { z } from "zod";
import { EMOTIONS, TONES } from "@/lib/scores/vocabulary";
import { dayParam, formDefault, formOptional } from "@/lib/url-params";

export const CONVERSATION_SORTS = ["last", "sentiment", "satisfaction", "messages"] as const;

/** The conversation list's state, as it travels in the URL (strings in, typed out). */
export const conversationQuerySchema = z.object({
  from: formOptional(dayParam),
  to: formOptional(dayParam),
  connection: formOptional(z.uuid()),
  emotion: formOptional(z.enum(EMOTIONS)),
  tone: formOptional(z.enum(TONES)),
  /** A heatmap cell: customers wrote on this local weekday (0 = Sunday) at this local hour. */
  weekday: formOptional(
    z.coerce.number().int().min(0).max(6).meta({ description: "Local weekday of a customer message, 0 = Sunday" }),
  ),
  hour: formOptional(z.coerce.number().int().min(0).max(23).meta({ description: "Local hour of a customer message" })),
  sentimentMin: formOptional(z.coerce.number().min(-1).max(1)),
  sentimentMax: formOptional(z.coerce.number().min(-1).max(1)),
  satisfactionMin: formOptional(z.coerce.number().int().min(0).max(100)),
  satisfactionMax: formOptional(z.coerce.number().int().min(0).max(100)),
  negative: formOptional(z.enum(["1"])),
  q: formOptional(z.string().trim().min(1).max(200)),
  sort: formDefault(z.enum(CONVERSATION_SORTS).default("last")),
  dir: formDefault(z.enum(["asc", "desc"]).default("desc")),
  page: formDefault(z.coerce.number().int().min(1).max(10_000).default(1)),
});

export type ConversationQuery = z.infer<typeof conversationQuerySchema>;
