import { describe, expect, it } from 'vitest';
import { FORCE_FACTOR, LogCounter } from './compaction';

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
