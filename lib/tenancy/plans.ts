import type { PlanLimits } from "@/db/schema";

export const PLAN_CODES = ["starter", "pro", "scale", "enterprise"] as const;
export type PlanCode = (typeof PLAN_CODES)[number];

/** The catalogue seeded on first start; plans are rows afterwards, editable by super-admins. */
export const DEFAULT_PLANS: { code: PlanCode; name: string; priceBrlCents: number; limits: PlanLimits }[] = [
  {
    code: "starter",
    name: "Starter",
    priceBrlCents: 14_900,
    limits: { connections: 1, retentionDays: 90, exportsPerDay: 3, analysesPerMonth: 5_000, semanticSearch: false },
  },
  {
    code: "pro",
    name: "Pro",
    priceBrlCents: 49_900,
    limits: { connections: 3, retentionDays: 365, exportsPerDay: 20, analysesPerMonth: 50_000, semanticSearch: true },
  },
  {
    code: "scale",
    name: "Scale",
    priceBrlCents: 149_900,
    limits: {
      connections: 10,
      retentionDays: 730,
      exportsPerDay: 100,
      analysesPerMonth: 250_000,
      semanticSearch: true,
    },
  },
  {
    code: "enterprise",
    name: "Enterprise",
    priceBrlCents: 0,
    limits: {
      connections: null,
      retentionDays: null,
      exportsPerDay: null,
      analysesPerMonth: null,
      semanticSearch: true,
    },
  },
];
