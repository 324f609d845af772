import "server-only";
import { cookies } from "next/headers";
import { LOCALE_COOKIE, toLocale, translator, type Dictionary, type Locale } from "./locale";

export async function getLocale(): Promise<Locale> {
  return toLocale((await cookies()).get(LOCALE_COOKIE)?.value);
}

export async function getT<K extends string>(dictionary: Dictionary<K>) {
  const locale = await getLocale();
  return { t: translator(dictionary, locale), locale };
}
