import { describe, expect, it } from 'vitest';
import { createTranslator, interpolate, placeholdersOf, pluralKey, translate } from './translate';

describe('interpolate', () => {
  it('fills placeholders, repeatedly and with numbers', () => {
    expect(interpolate('{a} and {b}, {a}', { a: 'x', b: 2 })).toBe('x and 2, x');
  });

  it('leaves placeholders without a value visible', () => {
    expect(interpolate('Hello {name}', {})).toBe('Hello {name}');
    expect(interpolate('Hello {name}')).toBe('Hello {name}');
  });

  it('does not interpret replacement patterns in values', () => {
    expect(interpolate('{v}', { v: '$& $1' })).toBe('$& $1');
  });
});

describe('placeholdersOf', () => {
  it('lists distinct names, sorted', () => {
    expect(placeholdersOf('{b} {a} {b}')).toEqual(['a', 'b']);
    expect(placeholdersOf('none')).toEqual([]);
  });
});

describe('translate', () => {
  it('looks up a key in the chosen language', () => {
    expect(translate('en', 'block.channels.title')).toBe('Channels');
    expect(translate('es', 'block.channels.title')).toBe('Canales');
  });

  it('binds a locale', () => {
    const t = createTranslator('es');
    expect(t('presence.you', { name: 'Ana' })).toBe('Ana (tú)');
    expect(t('error.titleTooLong', { max: 120 })).toContain('120');
  });

  it('chooses singular only for exactly one', () => {
    const t = createTranslator('en');
    expect(t(pluralKey('panel.noteCount', 1), { count: 1 })).toBe('1 note on this board');
    expect(t(pluralKey('panel.noteCount', 0), { count: 0 })).toBe('0 notes on this board');
    expect(t(pluralKey('panel.noteCount', 7), { count: 7 })).toBe('7 notes on this board');
  });
});
