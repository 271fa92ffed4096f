import { createClient } from 'redis';
import { errorMessage, type Logger } from '../log';

/**
 * Longest wait between two reconnection attempts (ms). Redis restarts in well under a second
 * here; retrying every second at most finds it back quickly without flooding its log.
 */
export const RECONNECT_DELAY_MAX_MS = 1_000;
/** Growth of the wait per failed attempt (ms): 100, 200, ... up to the maximum. */
const RECONNECT_DELAY_STEP_MS = 100;
/**
 * A publish not answered within this (ms) counts as failed. Redis answers a PUBLISH in well
 * under a millisecond; one that hangs (Redis stopped, not gone) must not hold the caller.
 */
export const PUBLISH_TIMEOUT_MS = 1_000;
/**
 * Commands the publishing connection may have in flight. Publishes are fire-and-forget from
 * the room's side; if Redis stops answering they must not pile up in memory.
 */
const PUBLISH_QUEUE_MAX = 10_000;
/**
 * How long (ms) `subscribe` waits for Redis to confirm before the caller goes on. A board
 * being loaded waits for its subscription, so nothing published after the load's read is
 * missed; an unreachable Redis must not hold the load (the feed reads back once it is back).
 */
export const SUBSCRIBE_WAIT_MS = 1_000;

/**
 * How often (ms) the publishing connection PINGs Redis, and how long the answer may take. A
 * Redis that is stopped (SIGSTOP, a hung host) keeps its TCP connections open, so node-redis
 * still calls itself ready; an unanswered PING is how we notice, within two seconds.
 */
export const PROBE_INTERVAL_MS = 1_000;
export const PROBE_TIMEOUT_MS = 1_000;
/** How long a graceful close of a Redis connection may take before it is dropped (ms). */
export const CLOSE_TIMEOUT_MS = 1_000;

export interface RedisLinkOptions {
  /** `redis://host:port` (LIENZO_REDIS_URL). */
  url: string;
  logger: Logger;
  /**
   * Named on Redis (CLIENT SETNAME) as `<name>:pub` and `<name>:sub`, so CLIENT LIST shows
   * which process holds which connection. The cluster passes `lienzo:<process id>`.
   */
  name?: string;
}

type Listener = (message: Buffer) => void;

/**
 * One process's two connections to Redis: one that publishes, one that only listens (a
 * subscribed connection can send nothing else). Reachability is both being ready; listeners
 * are told each time it changes. Publishing while Redis is unreachable fails at once: there is
 * no offline queue, because Redis only says "something new", and the store already has it.
 */
export class RedisLink {
  private readonly publisher;
  private readonly subscriber;
  private readonly channels = new Map<string, Listener>();
  private readonly watchers = new Set<(reachable: boolean) => void>();
  private wasReachable = false;
  private closed = false;
  /** The last PING went unanswered: Redis is there but does not answer. */
  private stalled = false;
  private errorLogged = false;
  private probe: NodeJS.Timeout | null = null;

  constructor(private readonly options: RedisLinkOptions) {
    const socket = {
      reconnectStrategy: (retries: number) =>
        Math.min((retries + 1) * RECONNECT_DELAY_STEP_MS, RECONNECT_DELAY_MAX_MS),
    };
    const name = (role: string) => (options.name ? `${options.name}:${role}` : undefined);
    this.publisher = createClient({
      url: options.url,
      name: name('pub'),
      socket,
      disableOfflineQueue: true,
      commandsQueueMaxLength: PUBLISH_QUEUE_MAX,
    });
    // The listening side keeps node-redis's offline queue: a subscribe asked for while Redis
    // is away is sent when it is back (and node-redis resubscribes every channel it knew).
    this.subscriber = createClient({ url: options.url, socket, name: name('sub') });
    for (const client of [this.publisher, this.subscriber]) {
      client.on('error', (error: unknown) => {
        // Once per outage (and once at a start without Redis), not once per retry.
        if (!this.errorLogged) options.logger.warn('redis connection error', errorMessage(error));
        this.errorLogged = true;
        this.check();
      });
      for (const event of ['end', 'reconnecting']) client.on(event, () => this.check());
      client.on('ready', () => {
        // A fresh connection answered its handshake: an old unanswered PING no longer counts.
        if (client === this.publisher) this.stalled = false;
        this.check();
      });
    }
  }

  /** Starts connecting; resolves at once (reachability reports when Redis answers). */
  start(): void {
    for (const client of [this.publisher, this.subscriber])
      client.connect().catch((error: unknown) => {
        this.options.logger.warn('redis: could not connect', errorMessage(error));
      });
    this.probe = setInterval(() => void this.ping(), PROBE_INTERVAL_MS);
    this.probe.unref();
  }

  get reachable(): boolean {
    return !this.stalled && this.publisher.isReady && this.subscriber.isReady;
  }

  /** Calls `watcher` whenever reachability changes. */
  onReachability(watcher: (reachable: boolean) => void): void {
    this.watchers.add(watcher);
  }

  /** Publishes; false when Redis is unreachable or does not answer in time. Never throws. */
  publish(channel: string, message: Buffer): Promise<boolean> {
    if (this.closed || !this.reachable) return Promise.resolve(false);
    return withinTime(this.publisher.publish(channel, message), PUBLISH_TIMEOUT_MS);
  }

  /**
   * Listens to `channel` (one listener a channel), binary-safe. Resolves once Redis confirmed
   * it, or after SUBSCRIBE_WAIT_MS while it is unreachable (the subscription is made when it
   * is back).
   */
  async subscribe(channel: string, listener: Listener): Promise<void> {
    this.channels.set(channel, listener);
    const confirmed = this.subscriber.subscribe(channel, listener, true).catch((error: unknown) => {
      this.options.logger.warn(`redis: could not subscribe to ${channel}`, errorMessage(error));
    });
    let timer: NodeJS.Timeout | undefined;
    const wait = new Promise<void>((resolve) => {
      timer = setTimeout(resolve, SUBSCRIBE_WAIT_MS);
    });
    await Promise.race([confirmed, wait]);
    clearTimeout(timer);
  }

  async unsubscribe(channel: string): Promise<void> {
    const listener = this.channels.get(channel);
    if (!listener) return;
    this.channels.delete(channel);
    await this.subscriber.unsubscribe(channel, listener, true).catch(() => {
      // Gone with the connection anyway; node-redis will not resubscribe it.
    });
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    if (this.probe) clearInterval(this.probe);
    this.watchers.clear();
    await Promise.all(
      [this.publisher, this.subscriber].map(async (client) => {
        // A client still reconnecting (Redis was away) may never finish a graceful close:
        // after CLOSE_TIMEOUT_MS it is dropped, so a shutdown never hangs on Redis.
        if (client.isOpen && !(await withinTime(client.close(), CLOSE_TIMEOUT_MS)))
          client.destroy();
      }),
    );
  }

  private async ping(): Promise<void> {
    if (!this.publisher.isReady) return;
    const answered = await withinTime(this.publisher.ping(), PROBE_TIMEOUT_MS);
    if (answered === !this.stalled) return;
    this.stalled = !answered;
    this.check();
  }

  private check(): void {
    const reachable = !this.closed && this.reachable;
    if (reachable === this.wasReachable) return;
    this.wasReachable = reachable;
    if (reachable) this.errorLogged = false;
    this.options.logger[reachable ? 'info' : 'warn'](
      reachable ? 'redis reachable' : 'redis unreachable',
    );
    for (const watcher of this.watchers) watcher(reachable);
  }
}

/** True once `command` succeeded within `ms`; false if it failed or took longer. */
async function withinTime(command: Promise<unknown>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), ms);
  });
  try {
    return await Promise.race([command.then(() => true), timeout]);
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
  }
}
