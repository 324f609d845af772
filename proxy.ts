import NextAuth from "next-auth";
import { NextResponse, type NextRequest } from "next/server";
import { baseAuthConfig } from "@/lib/auth/config";
import { REQUEST_ID_HEADER } from "@/lib/request-id";

const { auth } = NextAuth(baseAuthConfig());

// Machine-to-machine routes authenticate themselves (webhook secrets, signing keys, API keys).
const PUBLIC_PREFIXES = ["/login", "/api/auth", "/api/webhooks", "/api/inngest", "/api/health", "/api/v1"];

/** Every request carries an id (kept if a load balancer sent one) so its log lines can be joined. */
function withRequestId(req: Request): NextResponse {
  const headers = new Headers(req.headers);
  const requestId = headers.get(REQUEST_ID_HEADER) || crypto.randomUUID();
  headers.set(REQUEST_ID_HEADER, requestId);
  const res = NextResponse.next({ request: { headers } });
  res.headers.set(REQUEST_ID_HEADER, requestId);
  return res;
}

/**
 * Reads the session without renewing its cookie. Auth.js's proxy wrapper re-issues the cookie on every request it
 * sees, prefetches included, and a prefetch answered after a sign-out put the deleted session back in the browser.
 * Sessions therefore last their 12 hours from login.
 */
export async function proxy(req: NextRequest) {
  const { pathname, search } = req.nextUrl;
  if (PUBLIC_PREFIXES.some((p) => pathname === p || pathname.startsWith(`${p}/`))) return withRequestId(req);
  if ((await auth())?.user) return withRequestId(req);
  if (pathname.startsWith("/api/")) {
    return NextResponse.json(
      { error: { code: "unauthenticated", message: "Log in or send an API key." } },
      { status: 401 },
    );
  }
  const login = new URL("/login", req.nextUrl);
  if (pathname !== "/") login.searchParams.set("from", `${pathname}${search}`);
  return NextResponse.redirect(login);
}

// Webhooks and the Inngest endpoint authenticate themselves and are the hot path: the proxy's session
// decoding is skipped for them (their handlers assign request ids themselves).
export const config = {
  matcher: ["/((?!_next/static|_next/image|favicon.ico|api/webhooks|api/inngest|.*\\.(?:png|svg|ico|webmanifest)$).*)"],
};
