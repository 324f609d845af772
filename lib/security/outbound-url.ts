import { lookup } from "node:dns/promises";
import { isIP } from "node:net";
import { env } from "@/lib/env";
import { refusedRange, type RefusedRange } from "./ip-address";

/**
 * Tenant-supplied URLs (the Evolution base URL) are fetched by the server, inside its network. Without this
 * check a tenant admin could point one at 127.0.0.1, a private service or the cloud metadata endpoint and have
 * the server send its instance token there.
 */

export type ResolvedAddress = { address: string; family: number };
export type Resolver = (hostname: string) => Promise<ResolvedAddress[]>;

export type OutboundPolicy = {
  /** `host` or `host:port` entries whose addresses are not checked (OUTBOUND_ALLOWED_HOSTS). */
  allowedHosts: readonly string[];
  resolve: Resolver;
};

export type RefusalReason = "invalid_url" | "protocol" | "credentials" | RefusedRange;

export type OutboundVerdict =
  | { ok: true; url: URL; addresses: ResolvedAddress[]; allowListed: boolean }
  | { ok: false; reason: RefusalReason; message: string }
  // Not a refusal: the name does not resolve now; the connection attempt will resolve (and check) it again.
  | { ok: false; reason: "unresolvable"; message: string; cause: unknown };

const systemResolver: Resolver = (hostname) => lookup(hostname, { all: true, verbatim: true });

function withDefaults(policy: Partial<OutboundPolicy>): OutboundPolicy {
  return { allowedHosts: policy.allowedHosts ?? env().outboundAllowedHosts, resolve: policy.resolve ?? systemResolver };
}

/** The only error type of outbound checks; `code` is the dictionary key the tenant is shown. */
export class OutboundUrlRefusedError extends Error {
  readonly code = "outbound_url_refused";
  constructor(
    readonly reason: RefusalReason,
    message: string,
  ) {
    // The code leads the message: only the message survives a job boundary (see importErrorCode).
    super(`outbound_url_refused: ${message}`);
    this.name = "OutboundUrlRefusedError";
  }
}

const DEFAULT_PORT: Record<string, string> = { "http:": "80", "https:": "443" };

/** Host and port as WHATWG URL writes them, so `2130706433`, `0x7f.1` and `127.0.0.1` compare equal. */
function canonical(url: URL): { host: string; port: string } {
  return { host: url.hostname.replace(/\.$/, ""), port: url.port || DEFAULT_PORT[url.protocol] || "" };
}

function allowListed(url: URL, allowedHosts: readonly string[]): boolean {
  const target = canonical(url);
  return allowedHosts.some((entry) => {
    // A bare IPv6 address has colons of its own; it can only be written with a port in brackets.
    const spelled = isIP(entry) === 6 ? `[${entry}]` : entry;
    let parsed: URL;
    try {
      parsed = new URL(`${url.protocol}//${spelled}`);
    } catch {
      return false;
    }
    const allowed = canonical(parsed);
    const portGiven = /:\d+$/.test(spelled);
    return allowed.host === target.host && (!portGiven || allowed.port === target.port);
  });
}

/** Checks what needs no network: scheme, credentials, and the URL's shape. */
function parseOutboundUrl(raw: string | URL): URL | { reason: RefusalReason; message: string } {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { reason: "invalid_url", message: "not a valid URL" };
  }
  if (url.protocol !== "http:" && url.protocol !== "https:")
    return { reason: "protocol", message: `scheme ${url.protocol} is not http or https` };
  // Credentials in the URL would be sent to whatever the host turns out to be, and end up in logs.
  if (url.username || url.password)
    return { reason: "credentials", message: "the URL carries a user name or password" };
  return url;
}

/** The addresses' first refusal, if any: one bad address is enough, the connection may pick any of them. */
function refusedAmong(addresses: readonly ResolvedAddress[]): { address: string; range: RefusedRange } | null {
  for (const { address } of addresses) {
    const range = refusedRange(address);
    if (range) return { address, range };
  }
  return null;
}

const LABEL: Record<RefusedRange, string> = {
  loopback: "a loopback address",
  unspecified: "the unspecified address",
  link_local: "a link-local address",
  private: "a private address",
  cgnat: "a carrier-grade NAT address",
  metadata: "a cloud metadata address",
  multicast: "a multicast address",
  reserved: "a reserved address",
};

function refusal(host: string, found: { address: string; range: RefusedRange }) {
  const where = host === found.address ? host : `${host} resolves to ${found.address}, which`;
  return { ok: false as const, reason: found.range, message: `${where} is ${LABEL[found.range]}` };
}

/**
 * Decides whether the server may connect to a tenant-supplied URL, and to which addresses. Callers must connect
 * to exactly `addresses` (see safeFetch): resolving again would let a rebinding DNS answer differently.
 */
export async function checkOutboundUrl(
  raw: string | URL,
  policy: Partial<OutboundPolicy> = {},
): Promise<OutboundVerdict> {
  const { allowedHosts, resolve } = withDefaults(policy);
  const url = parseOutboundUrl(raw);
  if (!(url instanceof URL)) return { ok: false, ...url };
  // The name as compared with the allow-list is the name resolved: `localhost.` is localhost.
  const host = canonical(url).host.replace(/^\[|\]$/g, "");
  const listed = allowListed(url, allowedHosts);
  const family = isIP(host);
  if (family) {
    const found = listed ? null : refusedAmong([{ address: host, family }]);
    return found
      ? refusal(host, found)
      : { ok: true, url, addresses: [{ address: host, family }], allowListed: listed };
  }
  let addresses: ResolvedAddress[];
  try {
    addresses = await resolve(host);
  } catch (cause) {
    return { ok: false, reason: "unresolvable", message: `${host} does not resolve`, cause };
  }
  if (addresses.length === 0)
    return { ok: false, reason: "unresolvable", message: `${host} does not resolve`, cause: new Error("no addresses") };
  const found = listed ? null : refusedAmong(addresses);
  return found ? refusal(host, found) : { ok: true, url, addresses, allowListed: listed };
}
