import type { NextAuthConfig } from "next-auth";
import { env } from "@/lib/env";
import type { Role, SessionUser } from "./roles";

declare module "next-auth" {
  interface Session {
    user: SessionUser;
  }
  interface User {
    role?: Role;
    tenantId?: string | null;
    tenantSlug?: string | null;
  }
}

/**
 * The part of the Auth.js configuration that needs no database, shared by the proxy (which only reads the
 * JWT) and the full configuration in ./auth.ts.
 */
export function baseAuthConfig(): NextAuthConfig {
  return {
    secret: env().AUTH_SECRET,
    // Behind our own reverse proxy or `next start`, the Host header is the only source of the URL.
    trustHost: true,
    session: { strategy: "jwt", maxAge: 60 * 60 * 12 },
    pages: { signIn: "/login", error: "/login" },
    providers: [],
    callbacks: {
      jwt({ token, user }) {
        if (user) {
          token.uid = user.id;
          token.role = user.role;
          token.tenantId = user.tenantId ?? null;
          token.tenantSlug = user.tenantSlug ?? null;
        }
        return token;
      },
      session({ session, token }) {
        session.user = {
          ...session.user,
          id: String(token.uid ?? ""),
          email: String(token.email ?? ""),
          name: String(token.name ?? ""),
          role: token.role as Role,
          tenantId: (token.tenantId as string | null) ?? null,
          tenantSlug: (token.tenantSlug as string | null) ?? null,
        };
        return session;
      },
    },
  };
}
