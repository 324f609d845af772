import { z } from "zod";

const name = z.string().trim().min(2).max(80);
const instanceName = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9_-]{2,64}$/, "use 2–64 letters, numbers, '-' or '_'");
const evolutionBaseUrl = z
  .url({ protocol: /^https?$/ })
  .trim()
  .transform((u) => u.replace(/\/+$/, ""));

export const createConnectionSchema = z.object({
  name,
  instanceName,
  evolutionBaseUrl,
  instanceToken: z.string().trim().min(8).max(256),
});

/** An empty token on edit keeps the stored one: the browser never receives it to send it back. */
export const updateConnectionSchema = z.object({
  connectionId: z.uuid(),
  name,
  instanceName,
  evolutionBaseUrl,
  instanceToken: z.preprocess((v) => (v === "" ? undefined : v), z.string().trim().min(8).max(256).optional()),
});

export const deleteConnectionSchema = z.object({ connectionId: z.uuid() });

export type CreateConnectionInput = z.infer<typeof createConnectionSchema>;
export type UpdateConnectionInput = z.infer<typeof updateConnectionSchema>;
