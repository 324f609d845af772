import { ulid } from "ulid";
import type { Db } from "@/db/client";
import { outbox } from "@/db/schema";

/** A function's configuration as the SDK registers it (the subset the embedded runner reads). */
export type FunctionConfig = {
  id: string;
  name?: string;
  triggers: ({ event: string; expression?: string } | { cron: string })[];
  steps: Record<string, { id: string; retries?: { attempts?: number } }>;
  concurrency?: { key?: string; limit: number; scope?: string }[];
  idempotency?: string;
  [option: string]: unknown;
};

type Binding = { db: () => Promise<Db>; onRegister: (functions: FunctionConfig[]) => void };

// One runner per process binds itself here; the Inngest client is created before it and keeps this fetch.
const holder = globalThis as unknown as { __evosenseEmbeddedBinding?: Binding };

export function bindEmbeddedFetch(binding: Binding) {
  holder.__evosenseEmbeddedBinding = binding;
}

type SentEvent = { id?: string; name: string; data?: Record<string, unknown>; ts?: number };

/**
 * Stands in for the Inngest server's HTTP API in embedded mode: event sends become outbox rows (the same
 * path app code uses), and a sync (`PUT /api/inngest`) hands the function configs to the runner.
 */
export const embeddedFetch: typeof fetch = async (input, init) => {
  const url = new URL(typeof input === "string" ? input : input instanceof URL ? input.href : input.url);
  const binding = holder.__evosenseEmbeddedBinding;
  if (!binding) return Response.json({ error: "embedded runner not started", status: 503 }, { status: 503 });
  const body = typeof init?.body === "string" ? JSON.parse(init.body) : undefined;

  if (url.pathname.startsWith("/e/")) {
    const events: SentEvent[] = Array.isArray(body) ? body : [body];
    const now = Date.now();
    const rows = events.map((e) => ({
      id: e.id ?? ulid(now),
      name: e.name,
      data: e.data ?? {},
      ts: e.ts ?? now,
      tenantId: typeof e.data?.tenantId === "string" ? e.data.tenantId : null,
    }));
    // An explicit event id makes a re-send (a retried step) a no-op, as Inngest deduplicates ids.
    await (await binding.db()).insert(outbox).values(rows).onConflictDoNothing();
    return Response.json({ ids: rows.map((r) => r.id), status: 200 });
  }
  if (url.pathname === "/fn/register") {
    binding.onRegister((body?.functions ?? []) as FunctionConfig[]);
    return Response.json({ status: 200, modified: true, error: "registered in-process" });
  }
  return Response.json({ error: `embedded mode has no ${url.pathname} API`, status: 501 }, { status: 501 });
};
