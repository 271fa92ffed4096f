/**
 * When a room folds its board's update log into one snapshot. Every accepted update is a row;
 * loading a board replays them all, and each row repeats what later rows overwrite (every
 * drag end rewrites a note's x and y). A snapshot is the document as it is now, with
 * overwritten values collected, so it loads faster and takes less disk than the log it replaces.
 */
export interface CompactionPolicy {
  /** Compact once this many updates were appended since the last snapshot. */
  maxUpdates: number;
  /** Compact once the updates appended since the last snapshot reach this many bytes. */
  maxBytes: number;
  /**
   * A due compaction waits until the board has been quiet (no update) this long, in ms, so
   * that encoding and writing a snapshot (tens of ms on a big board, plus the WAL checkpoints
   * its bytes bring) never stalls a gesture in flight. 0 compacts at once. A log that keeps
   * growing without a lull is compacted anyway at FORCE_FACTOR times the thresholds.
   */
  quietMs: number;
}

/** How far past its thresholds a log may grow while waiting for a quiet moment. */
export const FORCE_FACTOR = 4;

const MiB = 1024 * 1024;

/**
 * 500 updates: a few minutes of a busy board (one update per gesture). Replaying 500 small
 * updates takes a few milliseconds, and encoding a snapshot of a typical board (tens of KiB)
 * costs about as much, so compacting more often gains little and less often slows loads.
 */
export const COMPACT_AFTER_UPDATES = 500;
/** 1 MiB: a few large pastes should not grow the log far past the board itself between counts. */
export const COMPACT_AFTER_BYTES = 1 * MiB;
/** One second without an update: people pause between gestures far more often than that. */
export const COMPACT_WHEN_QUIET_MS = 1_000;

export const DEFAULT_COMPACTION: CompactionPolicy = {
  maxUpdates: COMPACT_AFTER_UPDATES,
  maxBytes: COMPACT_AFTER_BYTES,
  quietMs: COMPACT_WHEN_QUIET_MS,
};

/** Counts what was appended since the last snapshot. */
export class LogCounter {
  private updates = 0;
  private bytes = 0;

  constructor(updates: readonly Uint8Array[] = []) {
    for (const update of updates) this.add(update.byteLength);
  }

  add(bytes: number): void {
    this.updates += 1;
    this.bytes += bytes;
  }

  /** After a snapshot (or a failed attempt, so the next try waits a whole interval). */
  reset(): void {
    this.updates = 0;
    this.bytes = 0;
  }

  due(policy: CompactionPolicy): boolean {
    return this.updates >= policy.maxUpdates || this.bytes >= policy.maxBytes;
  }

  /** Due and past waiting for a lull: FORCE_FACTOR times a threshold, or no waiting at all. */
  overdue(policy: CompactionPolicy): boolean {
    return (
      this.due(policy) &&
      (policy.quietMs <= 0 ||
        this.updates >= policy.maxUpdates * FORCE_FACTOR ||
        this.bytes >= policy.maxBytes * FORCE_FACTOR)
    );
  }
}

/**
 * Waits for a board to be quiet: `onQuiet` runs once no change came for `quietMs`. A busy
 * board with a due log reports every update here, so a change only notes its time; the one
 * timer, when it fires, waits again for the part of the quiet time later changes took away
 * (rather than each change clearing a timer and setting a new one).
 */
export class QuietWait {
  private timer: NodeJS.Timeout | null = null;
  /** performance.now() of the last change, in ms. */
  private lastChangeAt = 0;

  constructor(
    private readonly quietMs: number,
    private readonly onQuiet: () => void,
  ) {}

  /** Something changed: the quiet time starts again. */
  change(): void {
    this.lastChangeAt = performance.now();
    if (!this.timer) this.wait(this.quietMs);
  }

  /** Stops waiting. Returns whether a wait was pending. */
  cancel(): boolean {
    if (!this.timer) return false;
    clearTimeout(this.timer);
    this.timer = null;
    return true;
  }

  private wait(ms: number): void {
    this.timer = setTimeout(() => {
      this.timer = null;
      const quietForMs = performance.now() - this.lastChangeAt;
      if (quietForMs < this.quietMs) this.wait(this.quietMs - quietForMs);
      else this.onQuiet();
    }, ms);
    // A pending compaction never keeps the process alive: unloading compacts anyway.
    this.timer.unref();
  }
}

/**
 * A room's compaction: counts what the log gained, and asks for a snapshot (through the
 * room's write queue, `requestSnapshot`) once it is due and the board is quiet, or at once
 * when it is overdue.
 */
export class RoomCompaction {
  private readonly log: LogCounter;
  /** A due compaction waiting for the board to be quiet (CompactionPolicy.quietMs). */
  private readonly quiet: QuietWait;

  constructor(
    private readonly policy: CompactionPolicy,
    logged: readonly Uint8Array[],
    private readonly requestSnapshot: () => void,
  ) {
    this.log = new LogCounter(logged);
    this.quiet = new QuietWait(policy.quietMs, requestSnapshot);
  }

  /** Updates were appended to the log, or a snapshot replaced it. */
  stored(appended: readonly Uint8Array[] | 'snapshot'): void {
    if (appended === 'snapshot') {
      this.log.reset();
      return;
    }
    for (const update of appended) this.log.add(update.byteLength);
    this.compactIfDue();
  }

  /** A compaction failed: the log is intact, only longer; try again after another interval. */
  failed(): void {
    this.log.reset();
  }

  /** Compacts a due log once the board is quiet, or at once when it is overdue. */
  compactIfDue(): void {
    if (!this.log.due(this.policy)) return;
    if (this.log.overdue(this.policy)) {
      this.quiet.cancel();
      this.requestSnapshot();
      return;
    }
    this.quiet.change();
  }

  /** The room is unloading: a compaction waiting for a lull happens now. */
  unload(): void {
    if (this.quiet.cancel()) this.requestSnapshot();
  }
}
