import { describe, expect, it } from 'vitest';
import { LogCounter } from './compaction';

describe('LogCounter', () => {
  const policy = { maxUpdates: 3, maxBytes: 100 };

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
});
