// The HTTP server `npm start` runs: Next.js in-process (as `next start` runs it), with the Evolution webhook
// answered before Next.js routing by the endpoint the app exposes at boot (server/webhook-endpoint.ts).
//
//   node server/serve.mjs [-p PORT] [-H HOST]     (defaults: $PORT or 3000, every interface)
import { createServer } from "node:http";
import { parseArgs } from "node:util";
import { markClientAddressStamped, parseTrustedProxies, stampClientAddress } from "../lib/http/client-address.mjs";
import { root } from "../scripts/build.mjs";

// Like `next start`: a production build runs as production unless the environment says otherwise.
process.env.NODE_ENV ||= "production";
const { default: next } = await import("next");

const { values } = parseArgs({
  options: { port: { type: "string", short: "p" }, hostname: { type: "string", short: "H" } },
});
const port = Number(values.port ?? process.env.PORT ?? 3000);
const hostname = values.hostname;

// Same paths as app/api/webhooks/evolution/[[...event]]; other methods go on to Next.js (which answers 405).
const WEBHOOK_PATH = /^\/api\/webhooks\/evolution(?:\/[^?]*)?(?:\?|$)/;
const WEBHOOK_ENDPOINT_KEY = Symbol.for("evosense.evolutionWebhookEndpoint");

const app = next({ dev: false, dir: root, hostname: hostname ?? "localhost", port });
const handle = app.getRequestHandler();
// Runs instrumentation.ts (migrations, demo data, background work), which exposes the webhook endpoint.
await app.prepare();

// Read after prepare(), which loads the .env files as `next start` does; a malformed entry stops the server here.
const isTrustedProxy = parseTrustedProxies(process.env.TRUSTED_PROXIES);
markClientAddressStamped();

const server = createServer((req, res) => {
  // Before anything reads the request: the client's own copy of the header is replaced, never believed.
  stampClientAddress(req, isTrustedProxy);
  const endpoint =
    req.method === "POST" && WEBHOOK_PATH.test(req.url ?? "") ? globalThis[WEBHOOK_ENDPOINT_KEY] : undefined;
  if (endpoint) endpoint(req, res);
  else handle(req, res);
});
server.listen(port, hostname, () => console.log(`EvoSense listening on http://${hostname ?? "localhost"}:${port}`));

for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, () => {
    // Requests in flight are answered (an accepted message is committed before its answer); live views' open
    // streams would hold the close forever, so the process leaves after two seconds at most.
    server.close(() => app.close().finally(() => process.exit(0)));
    server.closeIdleConnections();
    setTimeout(() => process.exit(0), 2000).unref();
  });
}
