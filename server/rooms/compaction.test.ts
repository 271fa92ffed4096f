import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FORCE_FACTOR, LogCounter, QuietWait } from './compaction';

describe('LogCounter', () => {
  const policy = { maxUpdates: 3, maxBytes: 100, quietMs: 1000 };

  it('is due after maxUpdates updates or maxBytes bytes, counted since the last reset', () => {
    const counter = new LogCounter([new Uint8Array(10), new Uint8Array(10)]);
    expect(counter.due(policy)).toBe(false);
    counter.add(10);
    expect(counter.due(policy)).toBe(true);
    counter.reset();
    expect(counter.due(policy)).toBe(false);
    counter.add(100);
    expect(counter.due(policy)).toBe(true);
  });

  it('is overdue, past waiting for a quiet moment, at FORCE_FACTOR times a threshold', () => {
    const counter = new LogCounter();
    for (let i = 0; i < 3; i++) counter.add(1);
    expect(counter.due(policy)).toBe(true);
    expect(counter.overdue(policy)).toBe(false);
    expect(counter.overdue({ ...policy, quietMs: 0 })).toBe(true);
    for (let i = 3; i < 3 * FORCE_FACTOR; i++) counter.add(1);
    expect(counter.overdue(policy)).toBe(true);
    counter.reset();
    counter.add(100 * FORCE_FACTOR);
    expect(counter.overdue(policy)).toBe(true);
  });
});

describe('QuietWait', () => {
  const QUIET_MS = 100;

  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('runs once no change came for the quiet time, counted from the last change', () => {
    const onQuiet = vi.fn();
    const wait = new QuietWait(QUIET_MS, onQuiet);
    wait.change();
    vi.advanceTimersByTime(60);
    wait.change();
    // 100 ms after the first change, but only 40 after the last: not quiet yet.
    vi.advanceTimersByTime(40);
    expect(onQuiet).not.toHaveBeenCalled();
    vi.advanceTimersByTime(59);
    expect(onQuiet).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(onQuiet).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(10 * QUIET_MS);
    expect(onQuiet).toHaveBeenCalledTimes(1);
  });

  it('keeps one timer however many changes come', () => {
    const wait = new QuietWait(QUIET_MS, () => {});
    for (let i = 0; i < 50; i++) wait.change();
    expect(vi.getTimerCount()).toBe(1);
  });

  it('runs nothing once cancelled, and says whether it was waiting', () => {
    const onQuiet = vi.fn();
    const wait = new QuietWait(QUIET_MS, onQuiet);
    expect(wait.cancel()).toBe(false);
    wait.change();
    expect(wait.cancel()).toBe(true);
    vi.advanceTimersByTime(10 * QUIET_MS);
    expect(onQuiet).not.toHaveBeenCalled();
  });
});
