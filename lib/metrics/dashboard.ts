import type { DbOrTx } from "@/db/client";
import type { Emotion } from "@/lib/scores/vocabulary";
import { countConversations } from "@/lib/conversations/queries";
import { conversationQuerySchema } from "@/lib/conversations/schemas";
import { getTenantMetrics, type TenantMetrics } from "./queries";

export type DashboardFilters = { from: string; to: string; connectionId?: string; emotion?: Emotion };
export type DashboardFigures = TenantMetrics & { conversations: number };

/**
 * The dashboard's figures for one period: the rollup metrics and the number of conversations active in it, under the
 * same filters. The page and `GET /api/v1/tenants/:id/metrics` both answer with this, so they cannot drift apart.
 */
export async function dashboardFigures(
  tx: DbOrTx,
  tenantId: string,
  timezone: string,
  filters: DashboardFilters,
): Promise<DashboardFigures> {
  const conversationFilter = conversationQuerySchema.parse({
    from: filters.from,
    to: filters.to,
    connection: filters.connectionId,
    emotion: filters.emotion,
  });
  const [metrics, conversations] = await Promise.all([
    getTenantMetrics(tx, tenantId, filters),
    countConversations(tx, tenantId, conversationFilter, timezone),
  ]);
  return { ...metrics, conversations };
}
