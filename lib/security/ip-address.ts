import { isIPv4, isIPv6 } from "node:net";

/** Why an address may not be reached from the server on a tenant's behalf. */
export type RefusedRange =
  "loopback" | "unspecified" | "link_local" | "private" | "cgnat" | "metadata" | "multicast" | "reserved";

type Range = { prefix: Uint8Array; bits: number; name: RefusedRange };

function v4Bytes(address: string): Uint8Array {
  return Uint8Array.from(address.split(".").map(Number));
}

/** 16 bytes of an IPv6 address; callers checked it with `isIPv6`, a zone (`%eth0`) is ignored. */
function v6Bytes(address: string): Uint8Array {
  let text = address.split("%")[0]!.toLowerCase();
  const bytes = new Uint8Array(16);
  // A trailing dotted quad (::ffff:127.0.0.1) is the last 32 bits.
  const dotted = text.match(/(\d+\.\d+\.\d+\.\d+)$/);
  if (dotted) {
    const q = v4Bytes(dotted[1]!);
    text = `${text.slice(0, -dotted[1]!.length)}${((q[0]! << 8) | q[1]!).toString(16)}:${((q[2]! << 8) | q[3]!).toString(16)}`;
  }
  const [head, tail] = text.includes("::") ? text.split("::") : [text, undefined];
  const headGroups = head ? head.split(":") : [];
  const tailGroups = tail ? tail.split(":") : [];
  const groups =
    tail === undefined
      ? headGroups
      : [...headGroups, ...Array<string>(8 - headGroups.length - tailGroups.length).fill("0"), ...tailGroups];
  groups.forEach((g, i) => {
    const n = parseInt(g, 16);
    bytes[i * 2] = n >> 8;
    bytes[i * 2 + 1] = n & 0xff;
  });
  return bytes;
}

function cidr(text: string, name: RefusedRange): Range {
  const [address, bits] = text.split("/") as [string, string];
  return { prefix: isIPv4(address) ? v4Bytes(address) : v6Bytes(address), bits: Number(bits), name };
}

function inRange(bytes: Uint8Array, range: Range): boolean {
  for (let bit = 0; bit < range.bits; bit++) {
    const mask = 0x80 >> (bit % 8);
    if ((bytes[bit >> 3]! & mask) !== (range.prefix[bit >> 3]! & mask)) return false;
  }
  return true;
}

// IANA's special-purpose registries; the first match names the refusal, so narrow ranges come first.
const V4: Range[] = [
  cidr("169.254.169.254/32", "metadata"),
  cidr("0.0.0.0/32", "unspecified"),
  cidr("0.0.0.0/8", "reserved"),
  cidr("10.0.0.0/8", "private"),
  cidr("100.64.0.0/10", "cgnat"),
  cidr("127.0.0.0/8", "loopback"),
  cidr("169.254.0.0/16", "link_local"),
  cidr("172.16.0.0/12", "private"),
  cidr("192.0.0.0/24", "reserved"), // includes Oracle Cloud's metadata 192.0.0.192
  cidr("192.0.2.0/24", "reserved"),
  cidr("192.88.99.0/24", "reserved"),
  cidr("192.168.0.0/16", "private"),
  cidr("198.18.0.0/15", "reserved"),
  cidr("198.51.100.0/24", "reserved"),
  cidr("203.0.113.0/24", "reserved"),
  cidr("224.0.0.0/4", "multicast"),
  cidr("240.0.0.0/4", "reserved"), // includes the broadcast 255.255.255.255
];

const V6: Range[] = [
  cidr("fd00:ec2::254/128", "metadata"),
  cidr("::/128", "unspecified"),
  cidr("::1/128", "loopback"),
  cidr("fc00::/7", "private"),
  cidr("fe80::/10", "link_local"),
  cidr("ff00::/8", "multicast"),
  cidr("2001::/23", "reserved"), // Teredo and other protocol assignments
  cidr("2001:db8::/32", "reserved"),
  cidr("3fff::/20", "reserved"),
];
const GLOBAL_UNICAST = cidr("2000::/3", "reserved");

/** Forms that carry an IPv4 address inside IPv6: the socket ends up at that IPv4 address. */
const EMBEDS_V4: { range: Range; offset: number }[] = [
  { range: cidr("::ffff:0:0/96", "reserved"), offset: 12 }, // IPv4-mapped
  { range: cidr("::/96", "reserved"), offset: 12 }, // IPv4-compatible (deprecated)
  { range: cidr("64:ff9b::/96", "reserved"), offset: 12 }, // NAT64
  { range: cidr("2002::/16", "reserved"), offset: 2 }, // 6to4
];

function classifyV4(bytes: Uint8Array): RefusedRange | null {
  return V4.find((r) => inRange(bytes, r))?.name ?? null;
}

/**
 * The refused range an IP address falls in, or null when it is a public address. Anything that is not an
 * IP literal is refused as reserved: callers pass resolved addresses, never names.
 */
export function refusedRange(address: string): RefusedRange | null {
  if (isIPv4(address)) return classifyV4(v4Bytes(address));
  if (!isIPv6(address)) return "reserved";
  const bytes = v6Bytes(address);
  const named = V6.find((r) => inRange(bytes, r));
  if (named) return named.name;
  const embedded = EMBEDS_V4.find((e) => inRange(bytes, e.range));
  if (embedded) return classifyV4(bytes.slice(embedded.offset, embedded.offset + 4));
  // Only 2000::/3 is allocated for global unicast; the rest of the space is reserved.
  return inRange(bytes, GLOBAL_UNICAST) ? null : "reserved";
}
