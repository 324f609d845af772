import { z } from "zod";

export const pageSchema = z.coerce.number().int().min(1).max(10_000).default(1);
export const pageSizeSchema = z.coerce.number().int().min(1).max(200).default(50);

export const messageListQuerySchema = z.object({
  chat_id: z.uuid().optional(),
  q: z.string().trim().min(1).max(200).optional(),
  page: pageSchema,
  page_size: pageSizeSchema,
});

export const chatListQuerySchema = z.object({ page: pageSchema, page_size: pageSizeSchema });
