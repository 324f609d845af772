import { env } from "@/lib/env";
import { parseJsonText } from "@/lib/http/json-text";
import { formatBytes, readLimitedText } from "@/lib/http/read-body";
import { apiError } from "./respond";

export type JsonBody = { ok: true; value: unknown } | { ok: false; response: Response };

const JSON_TYPE = /^application\/(?:[a-z0-9.+-]*\+)?json\s*(?:;|$)/i;

/** Origins a browser page of this app posts from: its configured public URL and the host it was reached at. */
function ownOrigins(request: Request): Set<string> {
  const origins = new Set([new URL(request.url).origin]);
  const configured = env().APP_URL;
  if (configured) origins.add(new URL(configured).origin);
  const host = request.headers.get("host");
  if (host) {
    origins.add(`http://${host}`);
    origins.add(`https://${host}`);
  }
  return origins;
}

/**
 * A cookie is sent with any request the browser makes, whichever site asked for it. Another site can post a
 * `text/plain` form without a preflight, so a cookie-authenticated call must say it is JSON (which forces a preflight
 * cross-origin) and come from this app's own origin. API keys are never sent by a browser on its own and skip the origin
 * check.
 */
function refusedCrossSite(request: Request): Response | null {
  const origin = request.headers.get("origin");
  if (origin && ownOrigins(request).has(origin)) return null;
  if (!origin && request.headers.get("sec-fetch-site") === "same-origin") return null;
  return apiError(
    403,
    "cross_origin",
    "Requests authenticated by session must come from this application's own pages.",
  );
}

/**
 * The JSON body of an API request: `application/json`, within JSON_MAX_BYTES (counted while read), nested at most 64
 * deep, and from this app's origin when a session cookie authenticates it.
 */
export async function readJsonBody(request: Request, via: "api_key" | "session"): Promise<JsonBody> {
  if (via === "session") {
    const refused = refusedCrossSite(request);
    if (refused) return { ok: false, response: refused };
  }
  if (!JSON_TYPE.test(request.headers.get("content-type") ?? "")) {
    return {
      ok: false,
      response: apiError(415, "unsupported_media_type", "Send the body as JSON with Content-Type: application/json."),
    };
  }
  const maxBytes = env().JSON_MAX_BYTES;
  const body = await readLimitedText(request, maxBytes);
  if (!body.ok)
    return {
      ok: false,
      response: apiError(413, "payload_too_large", `Bodies up to ${formatBytes(maxBytes)} are accepted.`),
    };
  const parsed = parseJsonText(body.text);
  if (!parsed.ok) return { ok: false, response: apiError(400, parsed.code, parsed.message) };
  return { ok: true, value: parsed.value };
}
