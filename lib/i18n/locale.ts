export const LOCALES = ["pt-BR", "en"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "pt-BR";
export const LOCALE_COOKIE = "evosense-locale";

export function toLocale(value: string | undefined | null): Locale {
  return LOCALES.includes(value as Locale) ? (value as Locale) : DEFAULT_LOCALE;
}

/** A feature's strings, Portuguese first; English must have the same keys (checked by the type). */
export type Dictionary<K extends string> = { "pt-BR": Record<K, string>; en: Record<K, string> };

export function defineDictionary<K extends string>(d: Dictionary<K>): Dictionary<K> {
  return d;
}

/** `{name}` placeholders are filled from `values`. */
export function translator<K extends string>(dictionary: Dictionary<K>, locale: Locale) {
  const strings = dictionary[locale];
  return (key: K, values?: Record<string, string | number>) =>
    values
      ? strings[key].replace(/\{(\w+)\}/g, (_, name: string) => String(values[name] ?? `{${name}}`))
      : strings[key];
}
