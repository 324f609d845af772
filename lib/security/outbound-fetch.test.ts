import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { safeFetch } from "./outbound-fetch";
import { OutboundUrlRefusedError, type Resolver } from "./outbound-url";

type Hit = { method: string; url: string; headers: IncomingHttpHeaders; body: string };

/** A local server standing in for every host of the tests; what reached it is in `hits`. */
function localServer(routes: (port: number) => Record<string, [number, Record<string, string>]>) {
  const hits: Hit[] = [];
  const server: Server = createServer((req, res) => {
    let body = "";
    req.on("data", (c) => (body += c));
    req.on("end", () => {
      hits.push({ method: req.method!, url: req.url!, headers: req.headers, body });
      const route = routes((server.address() as AddressInfo).port)[req.url!];
      if (route) res.writeHead(route[0], route[1]).end();
      else res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ path: req.url }));
    });
  });
  return { server, hits };
}

describe("safeFetch", () => {
  let local: ReturnType<typeof localServer>;
  let port: number;
  let resolved: string[];
  /** Every name resolves to the local server, as a public Evolution host would resolve to its address. */
  const toLocal: Resolver = async (hostname) => {
    resolved.push(hostname);
    return [{ address: "127.0.0.1", family: 4 }];
  };
  // Public hosts are simulated by allow-listing them: their (local) address is then not checked.
  const policy = { allowedHosts: ["evolution.example.com", "mirror.example.com"], resolve: toLocal };

  beforeEach(async () => {
    resolved = [];
    local = localServer((p) => ({
      "/to-loopback": [302, { location: `http://127.0.0.1:${p}/secret` }],
      "/to-internal-name": [307, { location: `http://internal.example:${p}/secret` }],
      "/to-metadata": [301, { location: "http://169.254.169.254/latest/meta-data/" }],
      "/to-numeric": [302, { location: `http://2130706433:${p}/secret` }],
      "/to-file": [302, { location: "file:///etc/passwd" }],
      "/loop": [302, { location: "/loop" }],
      "/hop1": [302, { location: "/hop2" }],
      "/hop2": [307, { location: "/hop3" }],
      "/hop3": [308, { location: "/done" }],
      "/see-other": [303, { location: "/done" }],
      "/to-mirror": [307, { location: `http://mirror.example.com:${p}/mirrored` }],
    }));
    await new Promise<void>((r) => local.server.listen(0, "127.0.0.1", r));
    port = (local.server.address() as AddressInfo).port;
  });
  afterEach(async () => new Promise((r) => local.server.close(r)));

  it("connects to the checked address, not to what the name would resolve to again", async () => {
    const res = await safeFetch(
      `http://evolution.example.com:${port}/chat`,
      { method: "POST", headers: { apikey: "T" }, body: '{"a":1}' },
      policy,
    );
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ path: "/chat" });
    expect(local.hits).toMatchObject([
      { method: "POST", body: '{"a":1}', headers: { host: `evolution.example.com:${port}`, apikey: "T" } },
    ]);
    expect(resolved).toEqual(["evolution.example.com"]);
  });

  it.each([
    `http://127.0.0.1:PORT/`,
    `http://2130706433:PORT/`,
    `http://0x7f.0.0.1:PORT/`,
    `http://[::ffff:127.0.0.1]:PORT/`,
    `http://localhost:PORT/`,
    "http://169.254.169.254/latest/meta-data/",
  ])("refuses %s before connecting", async (url) => {
    const attempt = safeFetch(
      url.replace("PORT", String(port)),
      { method: "POST", headers: { apikey: "T" } },
      { allowedHosts: [], resolve: toLocal },
    );
    await expect(attempt).rejects.toBeInstanceOf(OutboundUrlRefusedError);
    expect(local.hits).toHaveLength(0);
  });

  it("refuses a name that resolves to a private address, making no request", async () => {
    const attempt = safeFetch(`http://evolution.attacker.example:${port}/`, {}, { allowedHosts: [], resolve: toLocal });
    await expect(attempt).rejects.toMatchObject({ code: "outbound_url_refused", reason: "loopback" });
    expect(local.hits).toHaveLength(0);
  });

  it.each(["/to-loopback", "/to-internal-name", "/to-metadata", "/to-numeric", "/to-file"])(
    "does not follow the redirect of %s from an allowed host",
    async (path) => {
      const attempt = safeFetch(
        `http://evolution.example.com:${port}${path}`,
        { method: "POST", headers: { apikey: "T" }, body: "{}" },
        policy,
      );
      await expect(attempt).rejects.toThrow(/^outbound_url_refused: redirect target: /);
      expect(local.hits.map((h) => h.url)).toEqual([path]);
    },
  );

  it("follows up to three redirects, and no fourth", async () => {
    const res = await safeFetch(`http://evolution.example.com:${port}/hop1`, {}, policy);
    expect(await res.json()).toEqual({ path: "/done" });
    expect(local.hits.map((h) => h.url)).toEqual(["/hop1", "/hop2", "/hop3", "/done"]);
    local.hits.length = 0;
    await expect(safeFetch(`http://evolution.example.com:${port}/loop`, {}, policy)).rejects.toMatchObject({
      name: "TypeError",
      cause: { message: "more than 3 redirects" },
    });
    expect(local.hits).toHaveLength(4);
  });

  it("turns a 303 into a GET without the body", async () => {
    await safeFetch(
      `http://evolution.example.com:${port}/see-other`,
      { method: "POST", headers: { "content-type": "application/json" }, body: "{}" },
      policy,
    );
    expect(local.hits[1]).toMatchObject({ method: "GET", url: "/done", body: "" });
  });

  it("keeps the instance token on its origin: another host gets the request without it", async () => {
    await safeFetch(
      `http://evolution.example.com:${port}/to-mirror`,
      {
        method: "POST",
        headers: { apikey: "SECRET", authorization: "Bearer x", "content-type": "application/json" },
        body: "{}",
      },
      policy,
    );
    const [, mirrored] = local.hits;
    expect(mirrored).toMatchObject({
      method: "POST",
      url: "/mirrored",
      body: "{}",
      headers: { "content-type": "application/json" },
    });
    expect(mirrored!.headers.apikey).toBeUndefined();
    expect(mirrored!.headers.authorization).toBeUndefined();
  });

  it("fails like fetch when the server is down or the name unknown", async () => {
    const closed = createServer();
    await new Promise<void>((r) => closed.listen(0, "127.0.0.1", r));
    const closedPort = (closed.address() as AddressInfo).port;
    await new Promise((r) => closed.close(r));
    await expect(safeFetch(`http://evolution.example.com:${closedPort}/`, {}, policy)).rejects.toMatchObject({
      name: "TypeError",
      message: "fetch failed",
    });
    const unknown: Resolver = async () => {
      throw Object.assign(new Error("getaddrinfo ENOTFOUND nowhere.example"), { code: "ENOTFOUND" });
    };
    await expect(
      safeFetch("https://nowhere.example/", {}, { allowedHosts: [], resolve: unknown }),
    ).rejects.toMatchObject({ name: "TypeError", cause: { code: "ENOTFOUND" } });
  });

  it("resolves once per request, so a rebinding DNS answer never reaches the socket", async () => {
    const answers = ["203.0.114.10", "127.0.0.1"];
    const rebinding: Resolver = async (hostname) => {
      resolved.push(hostname);
      return [{ address: answers.shift() ?? "127.0.0.1", family: 4 }];
    };
    // The checked public address is unreachable from the test machine; the timeout ends the attempt.
    await expect(
      safeFetch(
        `http://rebind.example:${port}/`,
        { signal: AbortSignal.timeout(300) },
        { allowedHosts: [], resolve: rebinding },
      ),
    ).rejects.toBeDefined();
    expect(resolved).toEqual(["rebind.example"]);
    expect(local.hits).toHaveLength(0);
  });

  it("passes the abort signal's reason on, as fetch does", async () => {
    const controller = new AbortController();
    controller.abort(new DOMException("timed out", "TimeoutError"));
    await expect(
      safeFetch(`http://evolution.example.com:${port}/`, { signal: controller.signal }, policy),
    ).rejects.toMatchObject({ name: "TimeoutError" });
  });
});
