import { describe, expect, it } from "vitest";
import { checkOutboundUrl, type Resolver } from "./outbound-url";

/** A resolver that knows a few names, so no test depends on real DNS. */
const dns =
  (table: Record<string, string[]>): Resolver =>
  async (hostname) => {
    const addresses = table[hostname];
    if (!addresses) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: "ENOTFOUND" });
    return addresses.map((address) => ({ address, family: address.includes(":") ? 6 : 4 }));
  };
const strict = { allowedHosts: [], resolve: dns({ "evolution.example.com": ["203.0.114.10"] }) };

describe("checkOutboundUrl", () => {
  it("accepts a public host and returns the addresses to connect to", async () => {
    const v = await checkOutboundUrl("https://evolution.example.com/api", strict);
    expect(v).toMatchObject({ ok: true, allowListed: false, addresses: [{ address: "203.0.114.10", family: 4 }] });
  });

  it.each([
    "ftp://evolution.example.com",
    "file:///etc/passwd",
    "gopher://127.0.0.1:6379/_INFO",
    "javascript:alert(1)",
  ])("refuses the scheme of %s", async (url) => {
    expect(await checkOutboundUrl(url, strict)).toMatchObject({ ok: false, reason: "protocol" });
  });

  it("refuses credentials in the URL and what is not a URL", async () => {
    expect(await checkOutboundUrl("https://admin:secret@evolution.example.com", strict)).toMatchObject({
      ok: false,
      reason: "credentials",
    });
    expect(await checkOutboundUrl("https://token@evolution.example.com", strict)).toMatchObject({
      ok: false,
      reason: "credentials",
    });
    expect(await checkOutboundUrl("not a url", strict)).toMatchObject({ ok: false, reason: "invalid_url" });
  });

  it.each([
    ["http://127.0.0.1:8080", "loopback"],
    ["http://[::1]/", "loopback"],
    ["http://0.0.0.0/", "unspecified"],
    ["http://[::]/", "unspecified"],
    ["http://169.254.169.254/latest/meta-data/", "metadata"],
    ["http://[fd00:ec2::254]/", "metadata"],
    ["http://10.0.0.8/", "private"],
    ["http://172.20.1.1/", "private"],
    ["http://192.168.0.10/", "private"],
    ["http://100.100.100.200/", "cgnat"],
    ["http://[fe80::1]/", "link_local"],
    ["http://[fc00::5]/", "private"],
    ["http://224.0.0.251/", "multicast"],
    ["http://[::ffff:127.0.0.1]/", "loopback"],
    ["http://[::ffff:169.254.169.254]/", "metadata"],
    ["http://[::ffff:a9fe:a9fe]/", "metadata"],
  ])("refuses %s (%s)", async (url, reason) => {
    expect(await checkOutboundUrl(url, strict)).toMatchObject({ ok: false, reason });
  });

  // WHATWG URL reads these as IPv4 addresses; the check must see the address the socket would use.
  it.each([
    ["http://2130706433/", "loopback"],
    ["http://0x7f000001/", "loopback"],
    ["http://0177.0.0.1/", "loopback"],
    ["http://0x7f.1/", "loopback"],
    ["http://127.1/", "loopback"],
    ["http://0/", "unspecified"],
    ["http://2852039166/", "metadata"],
    ["http://0xa9.0xfe.0xa9.0xfe/", "metadata"],
    ["http://012.0.0.1/", "private"],
    ["http://3232235521/", "private"],
  ])("refuses the numeric host of %s (%s)", async (url, reason) => {
    expect(await checkOutboundUrl(url, strict)).toMatchObject({ ok: false, reason });
  });

  it("refuses a name that resolves to a private address, and one where any of the addresses is", async () => {
    const resolve = dns({
      "evo.internal.example": ["10.1.2.3"],
      "mixed.example": ["203.0.114.10", "::ffff:127.0.0.1"],
      "rebind.example": ["127.0.0.1"],
    });
    expect(await checkOutboundUrl("https://evo.internal.example", { allowedHosts: [], resolve })).toMatchObject({
      ok: false,
      reason: "private",
      message: "evo.internal.example resolves to 10.1.2.3, which is a private address",
    });
    expect(await checkOutboundUrl("https://mixed.example", { allowedHosts: [], resolve })).toMatchObject({
      ok: false,
      reason: "loopback",
    });
    expect(await checkOutboundUrl("http://rebind.example.:8080", { allowedHosts: [], resolve })).toMatchObject({
      ok: false,
      reason: "loopback",
    });
  });

  it("reports a name that does not resolve apart from a refusal", async () => {
    const v = await checkOutboundUrl("https://nowhere.example", strict);
    expect(v).toMatchObject({ ok: false, reason: "unresolvable" });
  });

  it("lets allow-listed hosts reach private addresses, by name, by address and by port", async () => {
    const resolve = dns({ localhost: ["127.0.0.1", "::1"], "evo.internal": ["10.0.0.5"] });
    const policy = { allowedHosts: ["localhost", "127.0.0.1", "[::1]", "evo.internal:8080"], resolve };
    expect(await checkOutboundUrl("http://localhost:3000", policy)).toMatchObject({ ok: true, allowListed: true });
    expect(await checkOutboundUrl("http://localhost.:3000", policy)).toMatchObject({ ok: true, allowListed: true });
    expect(await checkOutboundUrl("http://127.0.0.1:9/", policy)).toMatchObject({
      ok: true,
      addresses: [{ address: "127.0.0.1", family: 4 }],
    });
    // The numeric spelling is the same host once URL has normalised it.
    expect(await checkOutboundUrl("http://2130706433/", policy)).toMatchObject({ ok: true, allowListed: true });
    expect(await checkOutboundUrl("http://[::1]:3000", policy)).toMatchObject({
      ok: true,
      addresses: [{ address: "::1", family: 6 }],
    });
    expect(await checkOutboundUrl("http://evo.internal:8080", policy)).toMatchObject({ ok: true, allowListed: true });
    // Only the listed port; the list does not reach other hosts on the same address.
    expect(await checkOutboundUrl("http://evo.internal:9090", policy)).toMatchObject({ ok: false, reason: "private" });
    expect(await checkOutboundUrl("http://127.0.0.2/", policy)).toMatchObject({ ok: false, reason: "loopback" });
    expect(await checkOutboundUrl("http://[::ffff:127.0.0.1]/", policy)).toMatchObject({
      ok: false,
      reason: "loopback",
    });
    expect(await checkOutboundUrl("http://10.0.0.5:8080", policy)).toMatchObject({ ok: false, reason: "private" });
  });

  it("allow-lists a bare IPv6 address and a default port", async () => {
    const policy = { allowedHosts: ["::1", "10.0.0.5:80"], resolve: dns({}) };
    expect(await checkOutboundUrl("http://[::1]:8080", policy)).toMatchObject({ ok: true });
    expect(await checkOutboundUrl("http://10.0.0.5/", policy)).toMatchObject({ ok: true });
    expect(await checkOutboundUrl("https://10.0.0.5/", policy)).toMatchObject({ ok: false, reason: "private" });
  });

  it("uses OUTBOUND_ALLOWED_HOSTS when no list is given: the embedded default reaches localhost", async () => {
    expect(await checkOutboundUrl("http://127.0.0.1:8080", { resolve: dns({}) })).toMatchObject({
      ok: true,
      allowListed: true,
    });
    expect(await checkOutboundUrl("http://169.254.169.254", { resolve: dns({}) })).toMatchObject({
      ok: false,
      reason: "metadata",
    });
  });
});
