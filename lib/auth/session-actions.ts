"use server";

import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { LOCALE_COOKIE, toLocale } from "@/lib/i18n/locale";
import { signOut } from "./auth";

/** The actions every signed-in frame offers: they belong to the session, not to any one page. */

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
