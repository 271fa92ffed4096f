import { describe, expect, it } from 'vitest';
import { formatMoney, noteTitle } from './format';

describe('noteTitle', () => {
  it('takes the first non-empty line, without a list bullet', () => {
    expect(noteTitle('\n  • Support by email\nsecond line')).toBe('Support by email');
  });

  it('is empty for a note without text', () => {
    expect(noteTitle('  \n ')).toBe('');
  });

  it('cuts a long line at a word boundary, with an ellipsis', () => {
    const title = noteTitle('Monthly webinars for office managers about coffee machines', 30);
    expect(title).toBe('Monthly webinars for office…');
    expect(title.length).toBeLessThanOrEqual(30);
    expect(noteTitle('x'.repeat(50), 10)).toBe(`${'x'.repeat(9)}…`);
  });
});

describe('formatMoney', () => {
  it('formats in the currency and the reader’s language', () => {
    expect(formatMoney(1200, 'EUR', 'en')).toBe('€1,200.00');
    expect(formatMoney(1200.5, 'EUR', 'es').replace(/\s/g, ' ')).toBe('1200,50 €');
    expect(formatMoney(70, 'USD', 'es').replace(/\s/g, ' ')).toBe('70,00 US$');
  });
});
