import { describe, expect, it } from 'vitest';
import { DEFAULT_LOCALE, detectLocale, isLocale, LOCALE_STORAGE_KEY, localeOfTag } from './locale';

describe('detectLocale', () => {
  it('prefers a stored choice over the browser languages', () => {
    expect(detectLocale(['es-ES'], 'en')).toBe('en');
    expect(detectLocale(['en-US'], 'es')).toBe('es');
  });

  it('ignores a stored value that is not a locale', () => {
    expect(detectLocale(['es-MX'], 'fr')).toBe('es');
    expect(detectLocale(['es-MX'], '')).toBe('es');
    expect(detectLocale(['en'], null)).toBe('en');
  });

  it('picks Spanish for any Spanish variant first in the list', () => {
    for (const tag of ['es', 'es-ES', 'es-419', 'ES-ar', 'es_CO']) {
      expect(detectLocale([tag, 'en'], null)).toBe('es');
    }
  });

  it('takes the first language we speak, in the browser order', () => {
    expect(detectLocale(['en-GB', 'es'], null)).toBe('en');
    expect(detectLocale(['fr-FR', 'es-AR', 'en'], undefined)).toBe('es');
    expect(detectLocale(['fr', 'de'], null)).toBe('en');
  });

  it('does not mistake other languages starting with the same letters', () => {
    expect(detectLocale(['est', 'eso'], null)).toBe('en');
  });

  it('falls back to English with no information', () => {
    expect(detectLocale(undefined, undefined)).toBe(DEFAULT_LOCALE);
    expect(detectLocale([], null)).toBe('en');
  });
});

describe('locale helpers', () => {
  it('recognises locales', () => {
    expect(isLocale('en')).toBe(true);
    expect(isLocale('es')).toBe(true);
    expect(isLocale('es-ES')).toBe(false);
    expect(isLocale(undefined)).toBe(false);
  });

  it('maps tags to locales', () => {
    expect(localeOfTag(' es-CL ')).toBe('es');
    expect(localeOfTag('pt-BR')).toBeNull();
  });

  it('has a namespaced storage key', () => {
    expect(LOCALE_STORAGE_KEY).toMatch(/^lienzo\./);
  });
});
