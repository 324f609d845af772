import { and, count, eq, ne } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { connections } from "@/db/schema";

export type ConnectionRow = typeof connections.$inferSelect;

export async function listConnections(tx: DbOrTx, tenantId: string) {
  return tx.select().from(connections).where(eq(connections.tenantId, tenantId)).orderBy(connections.createdAt);
}

export async function findConnection(tx: DbOrTx, tenantId: string, id: string) {
  const [row] = await tx
    .select()
    .from(connections)
    .where(and(eq(connections.tenantId, tenantId), eq(connections.id, id)));
  return row ?? null;
}

export async function countConnections(tx: DbOrTx, tenantId: string): Promise<number> {
  const [row] = await tx.select({ n: count() }).from(connections).where(eq(connections.tenantId, tenantId));
  return row!.n;
}

/** Instance names are unique across the platform (webhooks name only the instance): runs as owner. */
export async function instanceNameTaken(db: DbOrTx, instanceName: string, exceptId?: string): Promise<boolean> {
  const [row] = await db
    .select({ id: connections.id })
    .from(connections)
    .where(
      exceptId
        ? and(eq(connections.instanceName, instanceName), ne(connections.id, exceptId))
        : eq(connections.instanceName, instanceName),
    )
    .limit(1);
  return Boolean(row);
}

export async function insertConnection(
  tx: DbOrTx,
  tenantId: string,
  values: Omit<typeof connections.$inferInsert, "tenantId">,
) {
  const [row] = await tx
    .insert(connections)
    .values({ ...values, tenantId })
    .returning();
  return row!;
}

export async function updateConnection(
  tx: DbOrTx,
  tenantId: string,
  id: string,
  values: Partial<typeof connections.$inferInsert>,
) {
  const [row] = await tx
    .update(connections)
    .set({ ...values, updatedAt: new Date() })
    .where(and(eq(connections.tenantId, tenantId), eq(connections.id, id)))
    .returning();
  return row ?? null;
}

export async function deleteConnection(tx: DbOrTx, tenantId: string, id: string) {
  const rows = await tx
    .delete(connections)
    .where(and(eq(connections.tenantId, tenantId), eq(connections.id, id)))
    .returning({ id: connections.id, instanceName: connections.instanceName });
  return rows[0] ?? null;
}
