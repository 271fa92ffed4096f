import { errorMessage, type Logger } from '../log';
import type { BoardFeedHandlers, SequencedUpdate } from './update-bus';

/**
 * How long (ms) a gap may stay open before the store is asked. Two processes writing one
 * board (while HAProxy's ring changes) publish through two connections, so Redis may hand
 * seq 7 over before seq 6: a short wait lets 6 arrive instead of costing a store read.
 */
export const GAP_GRACE_MS = 25;
/** After a read-back that failed or did not close the gap, the next try waits this (ms). */
export const READ_BACK_RETRY_MS = 500;
/**
 * Updates kept while a gap is being read back. Past this, further ones are not kept (only
 * their seq is noted): the read-back brings them, so memory stays bounded while the store is
 * slow or down.
 */
export const MAX_PENDING_UPDATES = 1_000;

export interface FeedOptions {
  board: string;
  logger: Logger;
  gapGraceMs?: number;
  retryMs?: number;
}

/**
 * One board's receiving side: turns what Redis says (updates, "latest seq" heartbeats) and
 * what this process stored itself into one delivery of every stored update, in seq order,
 * each once.
 *
 * `applied` is the watermark: every seq up to it is in the room. A seq at or below it is
 * ignored (a duplicate, or one this process stored itself); applied + 1 is delivered; above
 * that is a gap: the update waits in `pending`, and if the gap is still open after a short
 * grace the store is read from `applied` on. Seqs this process stored itself above the
 * watermark (another process stored the one before it, not yet heard of) are remembered in
 * `own`, so they are skipped, not delivered back, and do not hide the gap before them.
 */
export class BoardCatchUp {
  private applied = 0;
  private isLoaded = false;
  private readonly own = new Set<number>();
  private readonly pending = new Map<number, Uint8Array>();
  /** The highest seq anyone said the store holds. */
  private known = 0;
  private reading = false;
  /** A read-back was asked for while one ran: run again once it ends. */
  private readAgain = false;
  private timer: NodeJS.Timeout | null = null;
  private closed = false;

  constructor(
    private readonly handlers: BoardFeedHandlers,
    private readonly options: FeedOptions,
  ) {}

  get latestSeq(): number {
    return Math.max(this.known, this.applied);
  }

  /** The room read the store up to `seq`. */
  loaded(seq: number): void {
    if (this.isLoaded) return;
    this.isLoaded = true;
    this.applied = seq;
    this.note(seq);
    for (const early of this.pending.keys()) if (early <= seq) this.pending.delete(early);
    this.drain();
  }

  /** This process stored `seq` (its room already holds it). */
  stored(seq: number): void {
    if (seq <= this.applied) return;
    this.note(seq);
    this.own.add(seq);
    this.drain();
  }

  /** Redis brought an update some process stored. */
  received(seq: number, update: Uint8Array): void {
    if (this.closed || (this.isLoaded && seq <= this.applied) || this.own.has(seq)) return;
    this.note(seq);
    if (this.pending.size < MAX_PENDING_UPDATES) this.pending.set(seq, update);
    this.drain();
  }

  /** Some process said the store holds the board up to `seq` (its heartbeat). */
  heard(seq: number): void {
    if (this.closed || seq <= this.latestSeq) return;
    this.note(seq);
    this.drain();
  }

  /** Reads the store now, whatever is known (Redis came back, or is away and we poll). */
  catchUp(): void {
    if (this.closed || !this.isLoaded) return;
    this.cancelTimer();
    void this.readBack();
  }

  close(): void {
    this.closed = true;
    this.cancelTimer();
    this.pending.clear();
    this.own.clear();
  }

  private note(seq: number): void {
    if (seq > this.known) this.known = seq;
  }

  /** Delivers what follows the watermark; waits for, then reads back, any gap after it. */
  private drain(): void {
    if (!this.isLoaded || this.closed) return;
    for (;;) {
      const next = this.applied + 1;
      if (this.own.delete(next)) {
        this.applied = next;
        continue;
      }
      const update = this.pending.get(next);
      if (!update) break;
      this.pending.delete(next);
      this.applied = next;
      this.deliver({ seq: next, update });
    }
    if (this.known <= this.applied) this.cancelTimer();
    else if (!this.timer && !this.reading) this.schedule(this.options.gapGraceMs ?? GAP_GRACE_MS);
  }

  /**
   * A snapshot holding every seq up to its own: delivered whole (Yjs skips what the room
   * already has), and the watermark moves to it.
   */
  private jumpTo(snapshot: SequencedUpdate): void {
    this.applied = snapshot.seq;
    for (const seq of this.pending.keys()) if (seq <= snapshot.seq) this.pending.delete(seq);
    for (const seq of this.own) if (seq <= snapshot.seq) this.own.delete(seq);
    this.deliver(snapshot);
  }

  private deliver(update: SequencedUpdate): void {
    try {
      this.handlers.deliver(update);
    } catch (error) {
      // The update is stored; the room that could not apply it reports and resyncs its own way.
      this.options.logger.error(
        `board ${this.options.board}: could not apply update ${update.seq} from another process`,
        errorMessage(error),
      );
    }
  }

  private schedule(delayMs: number): void {
    this.cancelTimer();
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.readBack();
    }, delayMs);
    this.timer.unref();
  }

  private cancelTimer(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private async readBack(): Promise<void> {
    if (this.reading) {
      this.readAgain = true;
      return;
    }
    this.reading = true;
    let failed = false;
    try {
      const rows = await this.handlers.readBack(this.applied);
      if (this.closed) return;
      for (const row of rows) {
        if (row.seq <= this.applied) continue;
        this.note(row.seq);
        if (row.snapshot) this.jumpTo(row);
        else if (!this.own.has(row.seq)) this.pending.set(row.seq, row.update);
      }
    } catch (error) {
      failed = true;
      this.options.logger.warn(
        `board ${this.options.board}: could not read back updates after ${this.applied}`,
        errorMessage(error),
      );
    } finally {
      this.reading = false;
    }
    if (this.closed) return;
    const again = this.readAgain;
    this.readAgain = false;
    this.drain();
    if (again && !failed) this.catchUp();
    else if (this.known > this.applied) this.schedule(this.options.retryMs ?? READ_BACK_RETRY_MS);
  }
}
