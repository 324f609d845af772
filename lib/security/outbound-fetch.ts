import { request as httpRequest, type IncomingMessage, type RequestOptions } from "node:http";
import { request as httpsRequest } from "node:https";
import type { LookupAddress, LookupOneOptions } from "node:dns";
import { Readable } from "node:stream";
import { checkOutboundUrl, OutboundUrlRefusedError, type OutboundPolicy, type ResolvedAddress } from "./outbound-url";

/**
 * fetch for tenant-supplied URLs. It is built on node:http rather than the global fetch because the global
 * fetch resolves the name again when it connects: a DNS answer that changes between the check and the
 * connection (rebinding) would reach an address that was never checked. Here the socket's lookup answers with
 * the checked addresses only.
 */

export type OutboundInit = {
  method?: string;
  headers?: Record<string, string>;
  body?: string | Uint8Array;
  signal?: AbortSignal;
};

/** The fetch signature the Evolution client needs; tests may pass a narrower fake. */
export type OutboundFetch = (url: string, init?: OutboundInit) => Promise<Response>;

export const MAX_REDIRECTS = 3;
const REDIRECTS = new Set([301, 302, 303, 307, 308]);
const NULL_BODY = new Set([101, 204, 205, 304]);
// Tokens travel in headers of the caller's choosing (Evolution's `apikey`), so a deny-list would miss the next
// one: another origin receives only these.
const CROSS_ORIGIN_HEADERS = new Set(["accept", "accept-language", "content-type", "user-agent"]);

type Lookup = NonNullable<RequestOptions["lookup"]>;

/** A lookup that answers with the checked addresses, whatever the name resolves to now. */
function pinnedLookup(addresses: readonly ResolvedAddress[]): Lookup {
  return ((
    _hostname: string,
    options: LookupOneOptions & { all?: boolean },
    callback: (err: Error | null, address: string | LookupAddress[], family?: number) => void,
  ) => {
    const usable = options.family ? addresses.filter((a) => a.family === options.family) : addresses;
    if (usable.length === 0) {
      callback(Object.assign(new Error("no checked address of the requested family"), { code: "ENOTFOUND" }), "");
      return;
    }
    if (options.all)
      callback(
        null,
        usable.map((a) => ({ address: a.address, family: a.family })),
      );
    else callback(null, usable[0]!.address, usable[0]!.family);
  }) as Lookup;
}

function toResponse(res: IncomingMessage): Response {
  const headers = new Headers();
  for (let i = 0; i < res.rawHeaders.length; i += 2) headers.append(res.rawHeaders[i]!, res.rawHeaders[i + 1]!);
  const status = res.statusCode ?? 502;
  if (NULL_BODY.has(status)) {
    res.resume();
    return new Response(null, { status, statusText: res.statusMessage, headers });
  }
  return new Response(Readable.toWeb(res) as ReadableStream<Uint8Array>, {
    status,
    statusText: res.statusMessage,
    headers,
  });
}

/** fetch's own failure shape, so callers that already handle `TypeError: fetch failed` keep working. */
function networkError(cause: unknown): TypeError {
  return new TypeError("fetch failed", { cause });
}

function send(url: URL, addresses: readonly ResolvedAddress[], init: OutboundInit): Promise<IncomingMessage> {
  const request = url.protocol === "https:" ? httpsRequest : httpRequest;
  const body = init.body === undefined ? undefined : Buffer.from(init.body);
  const headers = { ...init.headers, ...(body ? { "content-length": String(body.length) } : {}) };
  return new Promise((resolve, reject) => {
    const req = request(url, {
      method: init.method ?? "GET",
      headers,
      lookup: pinnedLookup(addresses),
      // No pooled socket: each request connects to an address checked for it.
      agent: false,
      signal: init.signal,
    });
    req.on("response", resolve);
    req.on("error", (e) => reject(init.signal?.aborted ? init.signal.reason : networkError(e)));
    req.end(body);
  });
}

/** The request a redirect asks for, per the fetch standard: 303, and 301/302 after POST, become a GET. */
function redirected(init: OutboundInit, status: number, from: URL, to: URL): OutboundInit {
  const toGet =
    status === 303 || ((status === 301 || status === 302) && (init.method ?? "GET").toUpperCase() === "POST");
  const sameOrigin = from.origin === to.origin;
  const headers = Object.fromEntries(
    Object.entries(init.headers ?? {}).filter(
      ([name]) =>
        (sameOrigin || CROSS_ORIGIN_HEADERS.has(name.toLowerCase())) &&
        !(toGet && name.toLowerCase() === "content-type"),
    ),
  );
  return { ...init, headers, ...(toGet ? { method: "GET", body: undefined } : {}) };
}

/**
 * Fetches a tenant-supplied URL: checks it (and every redirect target) with checkOutboundUrl, connects only to
 * the checked addresses and follows at most MAX_REDIRECTS redirects. A refused URL throws
 * OutboundUrlRefusedError before any connection is opened.
 */
export async function safeFetch(
  raw: string,
  init: OutboundInit = {},
  policy: Partial<OutboundPolicy> = {},
): Promise<Response> {
  let url = raw;
  let current = init;
  for (let hop = 0; ; hop++) {
    const verdict = await checkOutboundUrl(url, policy);
    if (!verdict.ok) {
      if (verdict.reason === "unresolvable") throw networkError(verdict.cause);
      throw new OutboundUrlRefusedError(
        verdict.reason,
        hop === 0 ? verdict.message : `redirect target: ${verdict.message}`,
      );
    }
    const res = await send(verdict.url, verdict.addresses, current);
    const location = res.headers.location;
    if (!REDIRECTS.has(res.statusCode ?? 0) || !location) return toResponse(res);
    res.resume();
    if (hop >= MAX_REDIRECTS) throw networkError(new Error(`more than ${MAX_REDIRECTS} redirects`));
    let next: URL;
    try {
      next = new URL(location, verdict.url);
    } catch {
      throw networkError(new Error(`invalid redirect location ${location}`));
    }
    current = redirected(current, res.statusCode!, verdict.url, next);
    url = next.href;
  }
}
