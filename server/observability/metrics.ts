import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/**
 * What an operator scrapes at GET /metrics (metrics-route.ts), in Prometheus text format.
 *
 * Each server has a registry of its own, so tests that start many servers in one process
 * never collide on prom-client's global one. The process's default metrics (CPU, memory,
 * event loop lag, GC) are the process's, not a server's: they live in one registry per
 * process, made on first use, because prom-client starts an event-loop monitor and a GC
 * observer for each registration and has no way to stop them.
 *
 * The hot paths only bump a number: gauges that mirror state (sockets, loaded boards) are
 * read when scraped, through the functions given to `observe`.
 */

/** The external engines whose reachability is reported (set by their health checks). */
export const DEPENDENCIES = ['redis', 'postgres'] as const;
export type Dependency = (typeof DEPENDENCIES)[number];

/** Where an HTTP request went, for the request counter. */
export type RequestKind = 'api' | 'page' | 'metrics' | 'sync';

export interface ObservedState {
  /** Open sync sockets (board and private-writing ones). */
  openSockets(): number;
  /** Boards loaded in memory. */
  loadedBoards(): number;
  /** Private-writing drafts loaded in memory. */
  loadedDrafts(): number;
}

/**
 * Store writes take about a millisecond on SQLite and a few on PostgreSQL over a network;
 * the buckets reach 2.5 s, past which a write counts as stuck.
 */
const STORE_WRITE_BUCKETS_S = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1, 2.5];
/** A relay takes well under a millisecond in one process; 50 ms is issue 11's limit for p99. */
const RELAY_BUCKETS_S = [0.0005, 0.001, 0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1];
const MS_PER_S = 1_000;

let processRegistry: Registry | undefined;

/** The process's default metrics, registered once per process. */
function processMetrics(): Registry {
  if (!processRegistry) {
    processRegistry = new Registry();
    collectDefaultMetrics({ register: processRegistry });
  }
  return processRegistry;
}

export class ServerMetrics {
  private readonly registry = new Registry();
  private state: ObservedState = {
    openSockets: () => 0,
    loadedBoards: () => 0,
    loadedDrafts: () => 0,
  };
  /** Writes waiting in each room's store queue; a room leaves when its queue is empty. */
  private readonly queueDepths = new Map<string, number>();
  /** The engines a health check reported on: the others are "not configured". */
  private readonly configured = new Set<Dependency>();

  private readonly updates = new Counter({
    name: 'lienzo_updates_applied_total',
    help: 'Document updates applied and stored (rate() it for updates per second)',
    registers: [this.registry],
  });
  private readonly storeWrites = new Histogram({
    name: 'lienzo_store_write_seconds',
    help: 'Time one store write (a group commit of queued updates) took',
    buckets: STORE_WRITE_BUCKETS_S,
    registers: [this.registry],
  });
  private readonly relays = new Histogram({
    name: 'lienzo_relay_seconds',
    help: 'Time from an update arriving to its relay to the other participants',
    buckets: RELAY_BUCKETS_S,
    registers: [this.registry],
  });
  private readonly dependencyUp = new Gauge({
    name: 'lienzo_dependency_up',
    help: '1 if the engine answered its last health check, 0 if not; absent when not configured',
    labelNames: ['dependency'],
    registers: [this.registry],
  });
  private readonly requests = new Counter({
    name: 'lienzo_http_requests_total',
    help: 'HTTP requests answered, by where they went and status class (2xx, 4xx, ...)',
    labelNames: ['kind', 'status'],
    registers: [this.registry],
  });

  constructor() {
    this.mirror('lienzo_open_sockets', 'Open sync WebSockets', (gauge) =>
      gauge.set(this.state.openSockets()),
    );
    this.mirror(
      'lienzo_loaded_rooms',
      'Rooms loaded in memory: kind="board" for boards, "draft" for private writing',
      (gauge) => {
        gauge.set({ kind: 'board' }, this.state.loadedBoards());
        gauge.set({ kind: 'draft' }, this.state.loadedDrafts());
      },
      ['kind'],
    );
    this.mirror(
      'lienzo_store_queue_depth',
      'Writes waiting in the store queues of all rooms',
      (gauge) => {
        let total = 0;
        for (const depth of this.queueDepths.values()) total += depth;
        gauge.set(total);
      },
    );
    this.mirror(
      'lienzo_store_queue_depth_max',
      'Writes waiting in the deepest store queue of one room',
      (gauge) => gauge.set(Math.max(0, ...this.queueDepths.values())),
    );
    this.mirror(
      'lienzo_dependency_configured',
      '1 if the engine is configured (LIENZO_REDIS_URL, LIENZO_DATABASE_URL), else 0',
      (gauge) => {
        for (const dependency of DEPENDENCIES)
          gauge.set({ dependency }, this.configured.has(dependency) ? 1 : 0);
      },
      ['dependency'],
    );
  }

  /** A gauge that `read` sets at each scrape, from the state it mirrors. */
  private mirror(
    name: string,
    help: string,
    read: (gauge: Gauge) => void,
    labelNames: string[] = [],
  ): void {
    const gauge: Gauge = new Gauge({
      name,
      help,
      labelNames,
      registers: [this.registry],
      collect: () => read(gauge),
    });
  }

  /** Where the gauges that mirror the server's state read it, at each scrape. */
  observe(state: ObservedState): void {
    this.state = state;
  }

  /** One update applied and stored (call once per update, after its store write). */
  updateApplied(): void {
    this.updates.inc();
  }

  /** One store write (a group commit) took `ms` milliseconds. */
  storeWrite(ms: number): void {
    this.storeWrites.observe(ms / MS_PER_S);
  }

  /** `depth` writes now wait in `room`'s store queue; 0 when it drained or the room unloaded. */
  storeQueueDepth(room: string, depth: number): void {
    if (depth > 0) this.queueDepths.set(room, depth);
    else this.queueDepths.delete(room);
  }

  /** An update reached the other participants `ms` milliseconds after it arrived. */
  relayed(ms: number): void {
    this.relays.observe(ms / MS_PER_S);
  }

  /** The result of `dependency`'s last health check; the first call marks it configured. */
  reachability(dependency: Dependency, up: boolean): void {
    this.configured.add(dependency);
    this.dependencyUp.set({ dependency }, up ? 1 : 0);
  }

  /** An HTTP request was answered with `statusCode`. */
  requestAnswered(kind: RequestKind, statusCode: number): void {
    this.requests.inc({ kind, status: `${Math.floor(statusCode / 100)}xx` });
  }

  readonly contentType = this.registry.contentType;

  /** The text a scrape answers: this server's metrics, then the process's. */
  async text(): Promise<string> {
    const [own, shared] = await Promise.all([this.registry.metrics(), processMetrics().metrics()]);
    return `${own}\n${shared}`;
  }
}
