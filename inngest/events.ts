import { eventType } from "inngest";
import { z } from "zod";

/** The typed event catalogue: every event the app emits (through the outbox) or a function listens to. */
export const tenantCreated = eventType("tenant/created", { schema: z.object({ tenantId: z.uuid() }) });
export const tenantReactivated = eventType("tenant/reactivated", { schema: z.object({ tenantId: z.uuid() }) });
export const messageReceived = eventType("message/received", {
  schema: z.object({ tenantId: z.uuid(), messageId: z.uuid() }),
});
export const historyImportRequested = eventType("connection/history.import.requested", {
  schema: z.object({ tenantId: z.uuid(), connectionId: z.uuid() }),
});
/** A super-admin or replay asked for a fresh analysis: a new run key, so it is a new inference, never a lost one. */
export const analysisRequested = eventType("message/analysis.requested", {
  schema: z.object({
    tenantId: z.uuid(),
    messageId: z.uuid(),
    runKey: z.string().min(1),
    promptVersionId: z.uuid().optional(),
  }),
});
