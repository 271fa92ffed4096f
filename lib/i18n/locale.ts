/**
 * The interface languages and how the first one is chosen. Pure: the browser's language list
 * and the stored choice are passed in, so this runs the same on the server and in tests.
 */
export const LOCALES = ['en', 'es'] as const;

export type Locale = (typeof LOCALES)[number];

/** Used for the server render (there is no browser to ask) and when nothing else matches. */
export const DEFAULT_LOCALE: Locale = 'en';

/** localStorage key holding the language a person picked with the language switch. */
export const LOCALE_STORAGE_KEY = 'lienzo.locale';

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/** The locale a BCP 47 tag belongs to ('es-MX' → 'es'), or null when we do not speak it. */
export function localeOfTag(tag: string): Locale | null {
  const primary = tag.trim().toLowerCase().split(/[-_]/)[0];
  return isLocale(primary) ? primary : null;
}

/**
 * Picks the interface language. A choice stored from the language switch wins; otherwise the
 * first of the browser's preferred languages that we speak (so ['fr', 'es-AR'] gives 'es' and
 * ['en-GB', 'es'] gives 'en'); otherwise English.
 */
export function detectLocale(
  navigatorLanguages: readonly string[] | null | undefined,
  stored: string | null | undefined,
): Locale {
  if (isLocale(stored)) return stored;
  for (const tag of navigatorLanguages ?? []) {
    const locale = localeOfTag(tag);
    if (locale) return locale;
  }
  return DEFAULT_LOCALE;
}
