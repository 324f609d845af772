"use server";

import { AuthError } from "next-auth";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { signIn, signOut } from "@/lib/auth/auth";
import { credentialsSchema } from "@/lib/auth/authorize";
import { LOCALE_COOKIE, toLocale } from "@/lib/i18n/locale";

export type LoginState = { error?: "invalidCredentials" | "rateLimited" | "tenantSuspended" | "invalidInput"; at?: number };

/** A relative path on this site only, so `from` cannot send a user elsewhere after login. */
function safeRedirect(from: FormDataEntryValue | null): string {
  return typeof from === "string" && from.startsWith("/") && !from.startsWith("//") ? from : "/";
}

export async function loginAction(_prev: LoginState, formData: FormData): Promise<LoginState> {
  const parsed = credentialsSchema.safeParse({ email: formData.get("email"), password: formData.get("password") });
  if (!parsed.success) return { error: "invalidInput", at: Date.now() };
  try {
    await signIn("credentials", { ...parsed.data, redirectTo: safeRedirect(formData.get("from")) });
    return {};
  } catch (error) {
    // signIn signals success by throwing Next's redirect; only Auth.js errors are login failures.
    if (!(error instanceof AuthError)) throw error;
    const code = (error as AuthError & { code?: string }).code;
    if (code === "rate_limited") return { error: "rateLimited", at: Date.now() };
    if (code === "tenant_suspended") return { error: "tenantSuspended", at: Date.now() };
    return { error: "invalidCredentials", at: Date.now() };
  }
}

export async function logoutAction() {
  await signOut({ redirect: false });
  // The redirect is rendered in this same response, where auth() still reads the request's old cookie:
  // the flag keeps /login from bouncing a just-logged-out user back to their dashboard.
  redirect("/login?signedOut=1");
}

export async function setLocaleAction(formData: FormData) {
  const locale = toLocale(String(formData.get("locale") ?? ""));
  (await cookies()).set(LOCALE_COOKIE, locale, { path: "/", maxAge: 60 * 60 * 24 * 365, sameSite: "lax" });
}
