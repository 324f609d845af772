import { z } from "zod";

export const MAX_EXPORT_BYTES = 8 * 1024 * 1024;

export const importHistorySchema = z.object({ connectionId: z.uuid() });

export const uploadExportSchema = z.object({
  connectionId: z.uuid(),
  ownerName: z.string().trim().min(1).max(120),
  file: z
    .instanceof(File)
    .refine((f) => f.size > 0, "empty file")
    .refine((f) => f.size <= MAX_EXPORT_BYTES, "file larger than 8 MB")
    .refine((f) => /\.txt$/i.test(f.name) || f.type.startsWith("text/"), "a WhatsApp export .txt is expected"),
});
