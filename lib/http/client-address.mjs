// Plain ESM so that server/serve.mjs (run by node, without a TypeScript loader) and the app share one
// implementation; the types are in client-address.d.mts.
import { BlockList, isIPv4, isIPv6 } from "node:net";

/**
 * Set by server/serve.mjs from the socket; any value a client sends is dropped first. The app reads the client's
 * address from this header only, never from X-Forwarded-For.
 */
export const CLIENT_ADDRESS_HEADER = "x-evosense-client-address";

// The app believes the header only when this process's own server stamped it: under `next start` or `next dev`
// nothing removes a client's copy of it.
const STAMPED = Symbol.for("evosense.clientAddressStamped");

/**
 * The canonical form of one address as a socket or a proxy reports it, or null when it is not an IP address.
 * IPv6 is written as RFC 5952 has it (the URL serializer's form), so one client has one spelling; IPv4-mapped IPv6
 * (a dual-stack socket's view of an IPv4 peer) becomes the IPv4 address, so IPv4 ranges match it. A port
 * (`1.2.3.4:80`, `[::1]:80`) or an IPv6 zone is dropped.
 */
export function normalizeAddress(value) {
  if (typeof value !== "string") return null;
  let text = value.trim();
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(text);
  if (bracketed) text = bracketed[1];
  else if (/^[\d.]+:\d+$/.test(text)) text = text.slice(0, text.lastIndexOf(":"));
  text = text.replace(/%.*$/, "");
  if (isIPv4(text)) return text;
  if (!isIPv6(text)) return null;
  const canonical = new URL(`http://[${text}]`).hostname.slice(1, -1);
  const mapped = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(canonical);
  if (!mapped) return canonical;
  const high = parseInt(mapped[1], 16);
  const low = parseInt(mapped[2], 16);
  return `${high >> 8}.${high & 255}.${low >> 8}.${low & 255}`;
}

/**
 * The unit one client controls, for per-address limits: an IPv4 address, or the /64 of an IPv6 one (a host is
 * usually given a whole /64 and can pick any address in it). Expects normalizeAddress's output.
 */
export function addressBucket(address) {
  if (!address.includes(":")) return address;
  const [head, tail = ""] = address.split("::");
  const left = head ? head.split(":") : [];
  const right = tail ? tail.split(":") : [];
  const groups = address.includes("::")
    ? [...left, ...Array(8 - left.length - right.length).fill("0"), ...right]
    : left;
  return `${groups.slice(0, 4).join(":")}::/64`;
}

/**
 * Parses TRUSTED_PROXIES (comma-separated addresses and CIDR ranges, IPv4 or IPv6) into a predicate. An entry that
 * is not an address or a range throws, so a typo stops the server instead of silently trusting nobody.
 */
export function parseTrustedProxies(value) {
  const list = new BlockList();
  let empty = true;
  for (const raw of (value ?? "").split(",")) {
    const entry = raw.trim();
    if (!entry) continue;
    const [address, prefixText, extra] = entry.split("/");
    const normalized = normalizeAddress(address);
    const family = normalized && isIPv4(normalized) ? "ipv4" : "ipv6";
    const maxPrefix = family === "ipv4" ? 32 : 128;
    const prefix = prefixText === undefined ? maxPrefix : /^\d{1,3}$/.test(prefixText) ? Number(prefixText) : NaN;
    if (!normalized || extra !== undefined || !(prefix >= 0 && prefix <= maxPrefix)) {
      throw new Error(`TRUSTED_PROXIES: "${entry}" is not an IP address or CIDR range`);
    }
    list.addSubnet(normalized, prefix, family);
    empty = false;
  }
  if (empty) return () => false;
  return (address) => {
    const normalized = normalizeAddress(address);
    return normalized !== null && list.check(normalized, isIPv4(normalized) ? "ipv4" : "ipv6");
  };
}

/**
 * The client's address for a connection from `peer`. X-Forwarded-For is read only when the peer is a trusted proxy,
 * and from the right: each trusted proxy appends the address it saw, so the first untrusted entry from the right is
 * the last one a trusted party vouched for; anything left of it may have been written by the client.
 */
export function resolveClientAddress(peer, forwardedFor, isTrusted) {
  let client = normalizeAddress(peer);
  if (client === null || !isTrusted(client)) return client;
  const hops = (Array.isArray(forwardedFor) ? forwardedFor.join(",") : (forwardedFor ?? "")).split(",");
  for (let i = hops.length - 1; i >= 0; i--) {
    if (!hops[i].trim()) continue;
    const hop = normalizeAddress(hops[i]);
    // A trusted proxy that wrote something unreadable: the proxy itself is the last address known to be true.
    if (hop === null) return client;
    client = hop;
    if (!isTrusted(hop)) return hop;
  }
  return client;
}

/**
 * Replaces whatever the client sent in CLIENT_ADDRESS_HEADER with the address resolved from the socket.
 * Mutates the Node request in place, before Next.js (or the webhook endpoint) reads it.
 */
export function stampClientAddress(req, isTrusted) {
  const address = resolveClientAddress(req.socket?.remoteAddress, req.headers["x-forwarded-for"], isTrusted);
  if (address === null) delete req.headers[CLIENT_ADDRESS_HEADER];
  else req.headers[CLIENT_ADDRESS_HEADER] = address;
  if (Array.isArray(req.rawHeaders)) {
    const raw = req.rawHeaders;
    for (let i = raw.length - 2; i >= 0; i -= 2) {
      if (String(raw[i]).toLowerCase() === CLIENT_ADDRESS_HEADER) raw.splice(i, 2);
    }
    if (address !== null) raw.push(CLIENT_ADDRESS_HEADER, address);
  }
}

/** Called once by server/serve.mjs: from then on, this process's requests carry a header the app may believe. */
export function markClientAddressStamped() {
  globalThis[STAMPED] = true;
}

/** The client's address as the server stamped it, or null when no server of ours did (`next dev`, `next start`). */
export function clientAddress(headers) {
  if (globalThis[STAMPED] !== true) return null;
  return normalizeAddress(headers.get(CLIENT_ADDRESS_HEADER));
}
