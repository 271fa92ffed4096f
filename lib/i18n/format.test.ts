import { describe, expect, it } from 'vitest';
import { formatDateTime, formatPercent, formatRelativeTime } from './format';

const NOW = Date.UTC(2026, 10, 25, 12, 0, 0);
const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

describe('formatRelativeTime', () => {
  it('says "now" for the last few seconds', () => {
    expect(formatRelativeTime(NOW - 10_000, NOW, 'en')).toBe('now');
    expect(formatRelativeTime(NOW, NOW, 'es')).toBe('ahora');
  });

  it('uses the largest unit that fits', () => {
    expect(formatRelativeTime(NOW - 5 * MINUTE, NOW, 'en')).toBe('5 minutes ago');
    expect(formatRelativeTime(NOW - 3 * 60 * MINUTE, NOW, 'en')).toBe('3 hours ago');
    expect(formatRelativeTime(NOW - DAY, NOW, 'en')).toBe('yesterday');
    expect(formatRelativeTime(NOW - 3 * DAY, NOW, 'es')).toBe('hace 3 días');
    expect(formatRelativeTime(NOW - 14 * DAY, NOW, 'en')).toBe('2 weeks ago');
    expect(formatRelativeTime(NOW - 400 * DAY, NOW, 'en')).toBe('last year');
  });
});

describe('formatDateTime and formatPercent', () => {
  it('format in the chosen language', () => {
    expect(formatDateTime(NOW, 'en')).toMatch(/2026/);
    expect(formatDateTime(NOW, 'es')).toMatch(/nov/);
    expect(formatPercent(1, 'en')).toBe('100%');
    expect(formatPercent(0.254, 'en')).toBe('25%');
    expect(formatPercent(2, 'es')).toMatch(/^200\s?%$/);
  });
});
