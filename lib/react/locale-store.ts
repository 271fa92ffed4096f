/**
 * The chosen interface language as an external store for useSyncExternalStore: read from
 * localStorage and the browser's languages, written by the language switch, shared by every
 * component and kept in step across tabs through the `storage` event.
 */
import { DEFAULT_LOCALE, detectLocale, LOCALE_STORAGE_KEY, type Locale } from '@/lib/i18n/locale';
import { browserStorage, readItem, writeItem } from '@/lib/storage';

const listeners = new Set<() => void>();

/** A choice made where storage refuses writes: remembered until the page is closed. */
let unsavedChoice: Locale | null = null;

function notify(): void {
  for (const listener of listeners) listener();
}

function onStorage(event: StorageEvent): void {
  if (event.key === LOCALE_STORAGE_KEY || event.key === null) notify();
}

export function subscribeLocale(listener: () => void): () => void {
  if (listeners.size === 0) window.addEventListener('storage', onStorage);
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0) window.removeEventListener('storage', onStorage);
  };
}

export function getLocaleSnapshot(): Locale {
  const stored = unsavedChoice ?? readItem(browserStorage(), LOCALE_STORAGE_KEY);
  return detectLocale(navigator.languages, stored);
}

/** The server has no browser to ask: render English, then switch after hydration. */
export function getServerLocaleSnapshot(): Locale {
  return DEFAULT_LOCALE;
}

export function chooseLocale(locale: Locale): void {
  unsavedChoice = writeItem(browserStorage(), LOCALE_STORAGE_KEY, locale) ? null : locale;
  notify();
}
