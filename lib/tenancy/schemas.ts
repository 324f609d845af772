import { z } from "zod";
import { DEFAULT_TIMEZONE, isTimezone } from "./timezones";
import { PLAN_CODES } from "./plans";

export const slugSchema = z
  .string()
  .trim()
  .min(3)
  .max(48)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "use lowercase letters, numbers and hyphens");

export const createTenantSchema = z.object({
  name: z.string().trim().min(2).max(120),
  slug: slugSchema,
  planCode: z.enum(PLAN_CODES),
  timezone: z
    .string()
    .trim()
    .refine(isTimezone, "expected an IANA timezone such as America/Sao_Paulo")
    .default(DEFAULT_TIMEZONE),
});

export const createUserSchema = z.object({
  tenantId: z.uuid(),
  name: z.string().trim().min(2).max(120),
  email: z.email().max(254),
  role: z.enum(["admin", "viewer"]),
  password: z.string().min(10).max(200),
});

export const tenantStatusSchema = z.object({
  tenantId: z.uuid(),
  status: z.enum(["active", "suspended"]),
});
