import * as Y from 'yjs';
import { errorMessage, type Logger } from '../log';
import type { ServerMetrics } from '../observability/metrics';
import type { LogRef, Store, StoredSnapshot } from '../store/store';

/**
 * While a room holds changes it could not store, it tries to write its snapshot again this
 * often (ms), whether or not anyone changes anything: a transient failure (disk full and
 * then freed, a lock released) heals without waiting for the next edit.
 */
export const STORE_RETRY_INTERVAL_MS = 5_000;

/** Who sent a change, as the pipeline sees it: someone it can close. */
export interface Sender {
  close(code: number, reason: string): void;
}

export interface PipelineHost {
  readonly id: string;
  readonly log: LogRef;
  readonly store: Pick<Store, 'appendUpdates' | 'compact'>;
  readonly logger: Logger;
  /** The whole document now, for a snapshot write. */
  snapshot(): StoredSnapshot;
  /** Sends a stored change to everyone but `except`. */
  relay(update: Uint8Array, except: Sender | null): void;
  /** A change could not be stored: its sender is closed (it reconnects and resyncs). */
  refuse(sender: Sender): void;
  /** Updates were appended to the log (count them), or a snapshot replaced it (reset). */
  stored(appended: readonly Uint8Array[] | 'snapshot'): void;
  /** A snapshot written only to compact failed: the log is intact, only longer. */
  compactionFailed(error: unknown): void;
  /**
   * A snapshot stored changes that had been kept in memory (`merged`, one update): in a
   * cluster they are new to the other processes, so they take a seq and are published.
   */
  recovered?(merged: Uint8Array): void;
  /** Where store writes, their queue and relay latency are recorded (/metrics). */
  readonly metrics?: ServerMetrics;
}

interface Change {
  update: Uint8Array;
  sender: Sender | null;
  /** performance.now() when the change was submitted (relay latency). */
  at: number;
}

/**
 * "Stored, then relayed" for one room: an ordered write queue with group commit.
 *
 * Every change to the room's document is submitted here as Yjs applied it. When no write is
 * in flight it is written at once, alone; while one is, later changes queue and all go in the
 * next write, one transaction, with no fixed delay. A change is relayed only once the write
 * that holds it resolved, in the order the changes came, each to everyone but its sender.
 *
 * When a write fails, its changes are already in memory (Yjs applied them before telling us).
 * They stay there, are relayed to nobody, and their senders are closed (their providers
 * reconnect and resync). Until a snapshot of the whole document is written, the room counts
 * as unstored: the next write, whatever asked for it, is that snapshot, retried every
 * STORE_RETRY_INTERVAL_MS; on success everyone gets what they missed, in one message.
 *
 * A compaction is a snapshot write queued like any other, so it never overtakes an update.
 */
export class StorePipeline {
  private pending: Change[] = [];
  private unstored: Uint8Array[] = [];
  private running = false;
  private snapshotWanted = false;
  /** Callbacks covered by the write in flight: they run when it succeeds. */
  private coveredByFlight: (() => void)[] = [];
  /** Callbacks waiting for a later write (changes are queued or unstored). */
  private waitingForNext: (() => void)[] = [];
  /** drain() callers, told when the queue is next empty. */
  private drained: ((stored: boolean) => void)[] = [];
  private retryTimer: NodeJS.Timeout | null = null;
  private stopped = false;

  constructor(private readonly host: PipelineHost) {}

  /** True while some change lives only in memory (a write failed and no snapshot followed). */
  get hasUnstored(): boolean {
    return this.unstored.length > 0;
  }

  /** Changes submitted and not yet stored (in flight or queued): the queue's depth. */
  get depth(): number {
    return this.pending.length + (this.running ? 1 : 0);
  }

  /** A change Yjs applied to the document: stored, then relayed to all but `sender`. */
  submit(update: Uint8Array, sender: Sender | null): void {
    this.pending.push({ update, sender, at: performance.now() });
    this.run();
  }

  /** Asks for a snapshot write (compaction), after whatever is queued now. */
  requestSnapshot(): void {
    this.snapshotWanted = true;
    this.run();
  }

  /**
   * Runs `callback` once every change submitted before this call is stored: now, when the
   * queue is empty and nothing is unstored. Changes that failed keep it waiting until the
   * snapshot that stores them succeeds.
   */
  afterStored(callback: () => void): void {
    if (this.unstored.length > 0 || this.pending.length > 0) this.waitingForNext.push(callback);
    else if (this.running) this.coveredByFlight.push(callback);
    else callback();
  }

  /**
   * Waits until the queue is empty; retries the snapshot first if changes are unstored.
   * Resolves true when everything is stored, false when it still cannot be.
   */
  drain(): Promise<boolean> {
    if (this.unstored.length > 0) this.requestSnapshot();
    if (!this.running) return Promise.resolve(this.unstored.length === 0);
    return new Promise<boolean>((resolve) => this.drained.push(resolve));
  }

  /** Stops retrying; queued work still completes (the room is being unloaded). */
  stop(): void {
    this.stopped = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
  }

  private run(): void {
    if (this.running) return;
    this.running = true;
    this.loop().catch((error: unknown) => {
      // A relay that threw (a bug): the queue goes on with the next change.
      this.host.logger.error(`board ${this.host.id}: write queue failed`, errorMessage(error));
    });
  }

  private async loop(): Promise<void> {
    try {
      while (this.pending.length > 0 || this.snapshotWanted) await this.writeOnce();
    } finally {
      this.running = false;
    }
    const stored = this.unstored.length === 0;
    // Everything queued is stored: nothing applied is unwritten, so later callbacks may run.
    if (stored) for (const callback of this.waitingForNext.splice(0)) callback();
    else this.scheduleRetry();
    for (const resolve of this.drained.splice(0)) resolve(stored);
  }

  /**
   * One write: the snapshot that stores unstored changes (with the queued ones), else the
   * queued updates appended, else the compaction's snapshot (after them, on the next turn).
   */
  private async writeOnce(): Promise<void> {
    const recovering = this.unstored.length > 0;
    const batch = recovering || this.pending.length > 0 ? this.pending.splice(0) : [];
    const asSnapshot = recovering || batch.length === 0;
    if (asSnapshot) this.snapshotWanted = false;
    this.coveredByFlight = this.waitingForNext.splice(0);
    const { host } = this;
    const updates = batch.map((change) => change.update);
    // The write queue's measuring point (for /metrics): the await below is one store write
    // holding `batch.length` changes, its latency the store's write latency; `this.depth`
    // is the queue's depth when it starts.
    const { metrics } = host;
    metrics?.storeQueueDepth(host.id, this.depth);
    const started = performance.now();
    try {
      if (asSnapshot) await host.store.compact(host.log, host.snapshot());
      else await host.store.appendUpdates(host.log, updates);
      metrics?.storeWrite(performance.now() - started);
    } catch (error) {
      this.waitingForNext.unshift(...this.coveredByFlight.splice(0));
      if (asSnapshot && !recovering) host.compactionFailed(error);
      else this.failed(batch, error);
      return;
    }
    host.stored(asSnapshot ? 'snapshot' : updates);
    if (recovering) {
      const missed = [...this.unstored, ...updates];
      this.unstored = [];
      host.logger.info(`board ${host.id}: stored again; relayed what was kept in memory`);
      const merged = Y.mergeUpdates(missed);
      host.relay(merged, null);
      host.recovered?.(merged);
    } else {
      for (const change of batch) host.relay(change.update, change.sender);
    }
    if (metrics) {
      const relayedAt = performance.now();
      for (const change of batch) {
        metrics.updateApplied();
        metrics.relayed(relayedAt - change.at);
      }
      metrics.storeQueueDepth(host.id, this.pending.length);
    }
    for (const callback of this.coveredByFlight.splice(0)) callback();
  }

  private failed(batch: Change[], error: unknown): void {
    const { host } = this;
    const bytes = batch.reduce((sum, change) => sum + change.update.byteLength, 0);
    host.logger.error(
      batch.length > 0
        ? `board ${host.id}: could not store ${batch.length} change(s) of ${bytes} bytes; keeping them in memory`
        : `board ${host.id}: still cannot store the changes kept in memory`,
      errorMessage(error),
    );
    for (const change of batch) this.unstored.push(change.update);
    for (const change of batch) if (change.sender) host.refuse(change.sender);
  }

  private scheduleRetry(): void {
    if (this.stopped || this.retryTimer) return;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      if (this.unstored.length > 0) this.requestSnapshot();
    }, STORE_RETRY_INTERVAL_MS);
    // A pending retry never keeps the process alive: shutdown flushes anyway.
    this.retryTimer.unref();
  }
}
