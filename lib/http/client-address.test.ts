import { once } from "node:events";
import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import {
  addressBucket,
  CLIENT_ADDRESS_HEADER,
  clientAddress,
  markClientAddressStamped,
  normalizeAddress,
  parseTrustedProxies,
  resolveClientAddress,
  stampClientAddress,
} from "./client-address.mjs";

const STAMPED = Symbol.for("evosense.clientAddressStamped");
const nobody = parseTrustedProxies(undefined);

describe("normalizeAddress", () => {
  it("gives one spelling per address and drops ports and zones", () => {
    expect(normalizeAddress("203.0.113.9")).toBe("203.0.113.9");
    expect(normalizeAddress("203.0.113.9:51234")).toBe("203.0.113.9");
    expect(normalizeAddress("2001:DB8:0:0:0:0:0:1")).toBe("2001:db8::1");
    expect(normalizeAddress("[2001:db8::1]:443")).toBe("2001:db8::1");
    expect(normalizeAddress("fe80::1%eth0")).toBe("fe80::1");
  });

  it("turns IPv4-mapped IPv6 into the IPv4 address, in either notation", () => {
    expect(normalizeAddress("::ffff:198.51.100.7")).toBe("198.51.100.7");
    expect(normalizeAddress("0:0:0:0:0:FFFF:198.51.100.7")).toBe("198.51.100.7");
    expect(normalizeAddress("::ffff:c633:6407")).toBe("198.51.100.7");
  });

  it("refuses what is not an address", () => {
    for (const value of ["", "unknown", "local", "1.2.3", "1.2.3.4.5", "::g", "example.com", undefined]) {
      expect(normalizeAddress(value)).toBeNull();
    }
  });
});

describe("addressBucket", () => {
  it("keeps IPv4 whole and groups IPv6 by /64, which one host can roam freely", () => {
    expect(addressBucket("203.0.113.9")).toBe("203.0.113.9");
    expect(addressBucket("2001:db8:1:2::1")).toBe(addressBucket("2001:db8:1:2:ffff:ffff:ffff:ffff"));
    expect(addressBucket("2001:db8:1:2::1")).not.toBe(addressBucket("2001:db8:1:3::1"));
    expect(addressBucket("::1")).toBe("0:0:0:0::/64");
  });
});

describe("parseTrustedProxies", () => {
  const trusted = parseTrustedProxies(" 10.0.0.0/8, 192.0.2.1 ,fd00::/8, 2001:db8::53 ");

  it("matches IPv4 and IPv6 addresses and ranges, mapped IPv4 included", () => {
    expect(trusted("10.20.30.40")).toBe(true);
    expect(trusted("::ffff:10.20.30.40")).toBe(true);
    expect(trusted("192.0.2.1")).toBe(true);
    expect(trusted("192.0.2.2")).toBe(false);
    expect(trusted("11.0.0.1")).toBe(false);
    expect(trusted("fd12:3456::1")).toBe(true);
    expect(trusted("fe80::1")).toBe(false);
    expect(trusted("2001:DB8:0::53")).toBe(true);
    expect(trusted("not an address")).toBe(false);
  });

  it("trusts nobody when empty and refuses a malformed entry", () => {
    expect(nobody("127.0.0.1")).toBe(false);
    expect(parseTrustedProxies(" , ")("127.0.0.1")).toBe(false);
    for (const bad of ["10.0.0.0/33", "fd00::/129", "10.0.0.0/8/1", "localhost", "10.0.0.0/x", "10.0.0.0/"]) {
      expect(() => parseTrustedProxies(bad)).toThrow(/TRUSTED_PROXIES/);
    }
  });
});

describe("resolveClientAddress", () => {
  const trusted = parseTrustedProxies("10.0.0.0/8,fd00::/8");

  it("ignores X-Forwarded-For from a peer that is not a trusted proxy", () => {
    expect(resolveClientAddress("198.51.100.7", "1.1.1.1", trusted)).toBe("198.51.100.7");
    expect(resolveClientAddress("198.51.100.7", "10.0.0.1", trusted)).toBe("198.51.100.7");
    expect(resolveClientAddress("::ffff:198.51.100.7", "1.1.1.1", nobody)).toBe("198.51.100.7");
    expect(resolveClientAddress("2001:db8::7", "1.1.1.1", trusted)).toBe("2001:db8::7");
  });

  it("walks a trusted chain from the right to the first untrusted hop; what the client wrote left of it is ignored", () => {
    // client 203.0.113.9 forged "6.6.6.6"; the edge proxy appended the client, the inner proxy appended the edge.
    expect(resolveClientAddress("10.0.0.2", "6.6.6.6, 203.0.113.9, 10.0.0.1", trusted)).toBe("203.0.113.9");
    expect(resolveClientAddress("::ffff:10.0.0.2", ["6.6.6.6", "203.0.113.9"], trusted)).toBe("203.0.113.9");
    expect(resolveClientAddress("fd00::2", "2001:db8::9, fd00::1", trusted)).toBe("2001:db8::9");
    expect(resolveClientAddress("10.0.0.2", "[2001:db8::9]:4711", trusted)).toBe("2001:db8::9");
  });

  it("stops at the proxy when the chain is missing, all trusted or unreadable", () => {
    expect(resolveClientAddress("10.0.0.2", undefined, trusted)).toBe("10.0.0.2");
    expect(resolveClientAddress("10.0.0.2", "10.0.0.1", trusted)).toBe("10.0.0.1");
    expect(resolveClientAddress("10.0.0.2", "6.6.6.6, garbage", trusted)).toBe("10.0.0.2");
  });

  it("has no address without a peer", () => {
    expect(resolveClientAddress(undefined, "1.1.1.1", trusted)).toBeNull();
  });
});

describe("stampClientAddress, as server/serve.mjs runs it", () => {
  afterEach(() => {
    delete (globalThis as { [STAMPED]?: boolean })[STAMPED];
  });

  async function seenBy(trustedProxies: string, headers: Record<string, string>): Promise<IncomingHttpHeaders> {
    const isTrusted = parseTrustedProxies(trustedProxies);
    let seen: IncomingHttpHeaders = {};
    const server = createServer((req, res) => {
      stampClientAddress(req, isTrusted);
      seen = req.headers;
      res.end();
    });
    server.listen(0, "127.0.0.1");
    await once(server, "listening");
    try {
      const { port } = server.address() as AddressInfo;
      await fetch(`http://127.0.0.1:${port}/`, { headers });
    } finally {
      server.close();
    }
    return seen;
  }

  it("overwrites a client's own internal header with the socket's address", async () => {
    const seen = await seenBy("", { [CLIENT_ADDRESS_HEADER]: "203.0.113.1", "x-forwarded-for": "203.0.113.2" });
    expect(seen[CLIENT_ADDRESS_HEADER]).toBe("127.0.0.1");
  });

  it("believes X-Forwarded-For only from a trusted proxy", async () => {
    const seen = await seenBy("127.0.0.1", {
      [CLIENT_ADDRESS_HEADER]: "203.0.113.1",
      "x-forwarded-for": "6.6.6.6, 203.0.113.2",
    });
    expect(seen[CLIENT_ADDRESS_HEADER]).toBe("203.0.113.2");
  });

  it("removes every raw copy of the header too", () => {
    const req = {
      headers: { [CLIENT_ADDRESS_HEADER]: "203.0.113.1" } as Record<string, string | string[] | undefined>,
      rawHeaders: ["X-EvoSense-Client-Address", "203.0.113.1", "Host", "x", "x-evosense-client-address", "203.0.113.3"],
      socket: {},
    };
    stampClientAddress(req, nobody);
    expect(req.headers[CLIENT_ADDRESS_HEADER]).toBeUndefined();
    expect(req.rawHeaders).toEqual(["Host", "x"]);
  });

  it("is read by the app only when this process's server stamped it", () => {
    const headers = new Headers({ [CLIENT_ADDRESS_HEADER]: "::ffff:203.0.113.1" });
    expect(clientAddress(headers)).toBeNull();
    markClientAddressStamped();
    expect(clientAddress(headers)).toBe("203.0.113.1");
    expect(clientAddress(new Headers({ "x-forwarded-for": "203.0.113.1" }))).toBeNull();
  });
});
