/**
 * Looking up and filling in interface strings. Pure: no React, no browser.
 */
import { MESSAGES, type MessageKey } from './messages';
import type { Locale } from './locale';

/** Values for a message's `{name}` placeholders. */
export type MessageParams = Readonly<Record<string, string | number>>;

/** A translate function bound to one locale. */
export type Translate = (key: MessageKey, params?: MessageParams) => string;

const PLACEHOLDER = /\{(\w+)\}/g;

/**
 * Replaces each `{name}` in the template with params[name]. A placeholder without a value
 * stays as written, so a missing parameter is visible instead of silently blank.
 */
export function interpolate(template: string, params?: MessageParams): string {
  if (!params) return template;
  return template.replace(PLACEHOLDER, (whole, name: string) => {
    const value = params[name];
    return value === undefined ? whole : String(value);
  });
}

/** The distinct placeholder names in a template, sorted: used to compare translations. */
export function placeholdersOf(template: string): string[] {
  const names = new Set<string>();
  for (const match of template.matchAll(PLACEHOLDER)) if (match[1]) names.add(match[1]);
  return [...names].sort();
}

export function translate(locale: Locale, key: MessageKey, params?: MessageParams): string {
  return interpolate(MESSAGES[locale][key], params);
}

export function createTranslator(locale: Locale): Translate {
  return (key, params) => translate(locale, key, params);
}

/**
 * Picks between a message's `.one` and `.other` forms. English and Spanish both use the
 * singular for exactly 1 and the plural for everything else, 0 included.
 */
export function pluralKey<Base extends string>(
  base: Base,
  count: number,
): `${Base}.one` | `${Base}.other` {
  return count === 1 ? `${base}.one` : `${base}.other`;
}
