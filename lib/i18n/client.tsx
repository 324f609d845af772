"use client";

import { createContext, useContext } from "react";
import { DEFAULT_LOCALE, translator, type Dictionary, type Locale } from "./locale";

const LocaleContext = createContext<Locale>(DEFAULT_LOCALE);

/** The request's locale for client components; the root layout provides it, so server and browser render alike. */
export function LocaleProvider({ locale, children }: { locale: Locale; children: React.ReactNode }) {
  return <LocaleContext.Provider value={locale}>{children}</LocaleContext.Provider>;
}

export function useLocale(): Locale {
  return useContext(LocaleContext);
}

/** A translator for client components that are not handed their strings by a page (shared UI parts). */
export function useT<K extends string>(dictionary: Dictionary<K>) {
  return translator(dictionary, useLocale());
}
