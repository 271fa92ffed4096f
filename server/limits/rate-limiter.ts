/**
 * Token buckets: a budget of `burst` actions that refills at `perMinute` actions a minute.
 * One bucket limits one thing (a connection's messages); a keyed limiter holds a bucket per
 * key (a client address) and forgets keys whose bucket has refilled, so a flood of addresses
 * cannot grow it without bound.
 */

/** What a limit allows: a steady rate and the burst a person may spend at once. */
export interface RateLimit {
  /** Actions a minute, sustained. */
  readonly perMinute: number;
  /** Actions allowed at once from a full bucket (at least 1). */
  readonly burst: number;
}

const MS_PER_MINUTE = 60_000;

/** A clock in milliseconds; tests pass their own. */
export type Clock = () => number;

export class TokenBucket {
  private tokens: number;
  private updatedAt: number;

  constructor(
    private readonly limit: RateLimit,
    private readonly now: Clock = Date.now,
  ) {
    this.tokens = limit.burst;
    this.updatedAt = now();
  }

  /** Takes `cost` tokens if there are that many; false (nothing taken) when over the limit. */
  take(cost = 1): boolean {
    this.refill();
    if (this.tokens < cost) return false;
    this.tokens -= cost;
    return true;
  }

  /** Milliseconds until `cost` tokens are available again (0 when they are now). */
  retryAfterMs(cost = 1): number {
    this.refill();
    const missing = cost - this.tokens;
    return missing <= 0 ? 0 : Math.ceil((missing * MS_PER_MINUTE) / this.limit.perMinute);
  }

  /** True when the bucket is full again: nothing of the past is remembered. */
  get isFull(): boolean {
    this.refill();
    return this.tokens >= this.limit.burst;
  }

  private refill(): void {
    const now = this.now();
    const elapsed = Math.max(0, now - this.updatedAt);
    this.updatedAt = now;
    this.tokens = Math.min(
      this.limit.burst,
      this.tokens + (elapsed * this.limit.perMinute) / MS_PER_MINUTE,
    );
  }
}

/** Verdict of a keyed limiter: allowed, or refused with the wait before a retry. */
export type RateVerdict = { ok: true } | { ok: false; retryAfterMs: number };

/** How often full buckets are swept out of a keyed limiter. */
const SWEEP_EVERY_CALLS = 1_000;

export class KeyedRateLimiter {
  private readonly buckets = new Map<string, TokenBucket>();
  private calls = 0;

  constructor(
    private readonly limit: RateLimit,
    private readonly now: Clock = Date.now,
  ) {}

  take(key: string, cost = 1): RateVerdict {
    if (++this.calls % SWEEP_EVERY_CALLS === 0) this.sweep();
    let bucket = this.buckets.get(key);
    if (!bucket) {
      bucket = new TokenBucket(this.limit, this.now);
      this.buckets.set(key, bucket);
    }
    if (bucket.take(cost)) return { ok: true };
    return { ok: false, retryAfterMs: bucket.retryAfterMs(cost) };
  }

  /** Keys currently remembered (tests, and to show the sweep works). */
  get size(): number {
    return this.buckets.size;
  }

  /** Forgets every key whose bucket has refilled: it would behave as a new one. */
  sweep(): void {
    for (const [key, bucket] of this.buckets) if (bucket.isFull) this.buckets.delete(key);
  }
}
