import { describe, expect, it } from 'vitest';
import { KeyedRateLimiter, TokenBucket } from './rate-limiter';

function fakeClock(start = 0): { now: () => number; advance: (ms: number) => void } {
  let time = start;
  return { now: () => time, advance: (ms) => (time += ms) };
}

describe('TokenBucket', () => {
  it('allows a burst, then refuses until it refills at the rate', () => {
    const clock = fakeClock();
    const bucket = new TokenBucket({ perMinute: 60, burst: 3 }, clock.now);
    expect([bucket.take(), bucket.take(), bucket.take(), bucket.take()]).toEqual([
      true,
      true,
      true,
      false,
    ]);
    expect(bucket.retryAfterMs()).toBe(1_000);
    clock.advance(999);
    expect(bucket.take()).toBe(false);
    clock.advance(1);
    expect(bucket.take()).toBe(true);
  });

  it('never holds more than its burst after a long pause', () => {
    const clock = fakeClock();
    const bucket = new TokenBucket({ perMinute: 600, burst: 2 }, clock.now);
    clock.advance(3_600_000);
    expect([bucket.take(), bucket.take(), bucket.take()]).toEqual([true, true, false]);
  });

  it('takes a cost greater than one, or nothing', () => {
    const bucket = new TokenBucket({ perMinute: 60, burst: 5 }, fakeClock().now);
    expect(bucket.take(4)).toBe(true);
    expect(bucket.take(2)).toBe(false);
    expect(bucket.take(1)).toBe(true);
  });
});

describe('KeyedRateLimiter', () => {
  it('keeps one budget per key', () => {
    const limiter = new KeyedRateLimiter({ perMinute: 60, burst: 1 }, fakeClock().now);
    expect(limiter.take('a')).toEqual({ ok: true });
    expect(limiter.take('a')).toEqual({ ok: false, retryAfterMs: 1_000 });
    expect(limiter.take('b')).toEqual({ ok: true });
  });

  it('forgets keys whose bucket has refilled', () => {
    const clock = fakeClock();
    const limiter = new KeyedRateLimiter({ perMinute: 60, burst: 1 }, clock.now);
    limiter.take('a');
    limiter.take('b');
    clock.advance(500);
    limiter.sweep();
    expect(limiter.size).toBe(2);
    clock.advance(500);
    limiter.sweep();
    expect(limiter.size).toBe(0);
  });
});
