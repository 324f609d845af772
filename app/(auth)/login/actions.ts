"use server";

import { AuthError } from "next-auth";
import { signIn } from "@/lib/auth/auth";
import { credentialsSchema } from "@/lib/auth/authorize";

export type LoginState = {
  error?: "invalidCredentials" | "rateLimited" | "tenantSuspended" | "invalidInput";
  /** With rateLimited: how long until the next attempt is admitted, rounded up. */
  waitMinutes?: number;
  /** Given back so the form keeps what was typed: React resets a form after its action. */
  email?: string;
  at?: number;
};

/** A relative path on this site only, so `from` cannot send a user elsewhere after login. */
function safeRedirect(from: FormDataEntryValue | null): string {
  return typeof from === "string" && from.startsWith("/") && !from.startsWith("//") ? from : "/";
}

export async function loginAction(_prev: LoginState, formData: FormData): Promise<LoginState> {
  const typed = formData.get("email");
  const email = typeof typed === "string" ? typed.slice(0, 320) : undefined;
  const parsed = credentialsSchema.safeParse({ email: formData.get("email"), password: formData.get("password") });
  if (!parsed.success) return { error: "invalidInput", email, at: Date.now() };
  try {
    await signIn("credentials", { ...parsed.data, redirectTo: safeRedirect(formData.get("from")) });
    return {};
  } catch (error) {
    // signIn signals success by throwing Next's redirect; only Auth.js errors are login failures.
    if (!(error instanceof AuthError)) throw error;
    const code = (error as AuthError & { code?: string }).code;
    if (code === "rate_limited") {
      const seconds = (error as AuthError & { retryAfterSeconds?: unknown }).retryAfterSeconds;
      const waitMinutes = typeof seconds === "number" ? Math.ceil(seconds / 60) : undefined;
      return { error: "rateLimited", waitMinutes, email, at: Date.now() };
    }
    if (code === "tenant_suspended") return { error: "tenantSuspended", email, at: Date.now() };
    return { error: "invalidCredentials", email, at: Date.now() };
  }
}
