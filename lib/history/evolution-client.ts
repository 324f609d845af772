import { z } from "zod";
import { safeFetch, type OutboundFetch } from "@/lib/security/outbound-fetch";

const pageSchema = z.looseObject({
  messages: z.looseObject({
    total: z.number().default(0),
    pages: z.number().default(0),
    currentPage: z.number().default(1),
    records: z.array(z.unknown()).default([]),
  }),
});

export type MessagesPage = { records: unknown[]; pages: number; currentPage: number; total: number };

export class EvolutionApiError extends Error {
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
  }
}

/**
 * One page of Evolution's `POST /chat/findMessages/{instance}` (v2), oldest first not guaranteed: callers
 * filter by timestamp themselves. `since` narrows the query where the server supports it. The base URL is the
 * tenant's, so the request goes through safeFetch: a refused URL throws OutboundUrlRefusedError unsent.
 */
export async function fetchMessagesPage(
  opts: { baseUrl: string; instance: string; token: string; page: number; pageSize: number; since?: Date | null },
  fetchImpl: OutboundFetch = safeFetch,
): Promise<MessagesPage> {
  const where = opts.since ? { messageTimestamp: { gte: Math.floor(opts.since.getTime() / 1000) } } : {};
  const res = await fetchImpl(
    `${opts.baseUrl.replace(/\/+$/, "")}/chat/findMessages/${encodeURIComponent(opts.instance)}`,
    {
      method: "POST",
      headers: { "content-type": "application/json", apikey: opts.token },
      body: JSON.stringify({ where, page: opts.page, offset: opts.pageSize }),
      signal: AbortSignal.timeout(30_000),
    },
  );
  if (!res.ok) throw new EvolutionApiError(`Evolution answered ${res.status} to findMessages`, res.status);
  const parsed = pageSchema.safeParse(await res.json());
  if (!parsed.success) throw new EvolutionApiError("Evolution's findMessages answer has an unexpected shape", 502);
  return parsed.data.messages;
}
