import type { Store, StoreHealth } from './store';

/**
 * How long a write probe's answer stands, in ms: /api/health is polled by load balancers
 * (HAProxy every 2 s by default) and by anyone, and each probe is a real write.
 */
export const PROBE_INTERVAL_MS = 1_000;

/**
 * GET /api/health's view of the store: whether it can write, from a real write probe
 * (Store.probeWrite) at most once per PROBE_INTERVAL_MS, however often it is asked.
 */
export class StoreHealthCheck {
  private last: { at: number; health: StoreHealth } | null = null;
  private probing: Promise<StoreHealth> | null = null;

  constructor(private readonly store: Pick<Store, 'probeWrite'>) {}

  check(): Promise<StoreHealth> {
    const now = performance.now();
    if (this.last && now - this.last.at < PROBE_INTERVAL_MS)
      return Promise.resolve(this.last.health);
    this.probing ??= this.store.probeWrite().then((health) => {
      this.last = { at: performance.now(), health };
      this.probing = null;
      return health;
    });
    return this.probing;
  }
}
