import { describe, expect, it } from 'vitest';
import { formatCountdown } from './countdown';

describe('formatCountdown', () => {
  it('shows minutes and seconds, rounded up to the second', () => {
    expect(formatCountdown(5 * 60_000)).toBe('05:00');
    expect(formatCountdown(5 * 60_000 - 1)).toBe('05:00');
    expect(formatCountdown(61_001)).toBe('01:02');
    expect(formatCountdown(999)).toBe('00:01');
  });

  it('reads 00:00 only at the end, never below', () => {
    expect(formatCountdown(0)).toBe('00:00');
    expect(formatCountdown(-5000)).toBe('00:00');
  });

  it('puts hours first for long timers', () => {
    expect(formatCountdown(3_723_000)).toBe('1:02:03');
  });
});
