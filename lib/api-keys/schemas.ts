import { z } from "zod";

export const createApiKeySchema = z.object({ name: z.string().trim().min(2).max(60) });
export const revokeApiKeySchema = z.object({ apiKeyId: z.uuid() });
