import type { StoreHealthCheck } from '../store/health-check';
import type { ServerMetrics } from './metrics';

/** What GET /api/health answers: ready, or which dependency is not and why. */
export type ProcessHealth =
  { ok: true } | { ok: false; dependency: 'store' | 'redis'; reason: string };

/**
 * A process is ready while its store can write and, in a cluster, Redis answers (issue 10):
 * a process cut off from Redis would serve its clients a board others no longer see live.
 * Each check also records the engines' reachability for /metrics (lienzo_dependency_up).
 */
export class ProcessHealthCheck {
  constructor(
    private readonly store: StoreHealthCheck,
    private readonly metrics: ServerMetrics,
    /** The store's engine ('sqlite', 'postgres'): only PostgreSQL is an external engine. */
    private readonly engine: string,
    /** The cluster's Redis link, or null for a single process. */
    private readonly redis: { readonly reachable: boolean } | null,
  ) {}

  async check(): Promise<ProcessHealth> {
    const store = await this.store.check();
    if (this.engine === 'postgres') this.metrics.reachability('postgres', store.ok);
    const redisUp = this.redis?.reachable ?? true;
    if (this.redis) this.metrics.reachability('redis', redisUp);
    if (!store.ok) return { ok: false, dependency: 'store', reason: store.reason };
    if (!redisUp) return { ok: false, dependency: 'redis', reason: 'Redis is unreachable' };
    return { ok: true };
  }
}
