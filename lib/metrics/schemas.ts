import { z } from "zod";
import { EMOTIONS } from "@/lib/scores/vocabulary";
import { dayParam as day } from "@/lib/url-params";

/** `from`/`to` are local days of the tenant (inclusive); default: the last 30 days. */
export const metricsQuerySchema = z
  .object({
    from: day.optional(),
    to: day.optional(),
    connection_id: z.uuid().optional(),
    emotion: z.enum(EMOTIONS).optional(),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { message: "from must not be after to", path: ["from"] });
