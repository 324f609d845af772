import NextAuth from "next-auth";
import { NextResponse } from "next/server";
import { baseAuthConfig } from "@/lib/auth/config";

const { auth } = NextAuth(baseAuthConfig());

// Machine-to-machine routes authenticate themselves (webhook secrets, signing keys, API keys).
const PUBLIC_PREFIXES = ["/login", "/api/auth", "/api/webhooks", "/api/inngest", "/api/health", "/api/v1"];

export const proxy = auth((req) => {
  const { pathname, search } = req.nextUrl;
  if (PUBLIC_PREFIXES.some((p) => pathname === p || pathname.startsWith(`${p}/`))) return NextResponse.next();
  if (req.auth?.user) return NextResponse.next();
  if (pathname.startsWith("/api/")) {
    return NextResponse.json({ error: { code: "unauthenticated", message: "Log in or send an API key." } }, { status: 401 });
  }
  const login = new URL("/login", req.nextUrl);
  if (pathname !== "/") login.searchParams.set("from", `${pathname}${search}`);
  return NextResponse.redirect(login);
});

export const config = {
  matcher: ["/((?!_next/static|_next/image|favicon.ico|.*\\.(?:png|svg|ico|webmanifest)$).*)"],
};
