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
}

const MiB = 1024 * 1024;

/**
 * 500 updates: a few minutes of a busy board (one update per gesture). Replaying 500 small
 * updates takes a few milliseconds, and encoding a snapshot of a typical board (tens of KiB)
 * costs about as much, so compacting more often gains little and less often slows loads.
 */
export const COMPACT_AFTER_UPDATES = 500;
/** 1 MiB: a few large pastes should not grow the log far past the board itself between counts. */
export const COMPACT_AFTER_BYTES = 1 * MiB;

export const DEFAULT_COMPACTION: CompactionPolicy = {
  maxUpdates: COMPACT_AFTER_UPDATES,
  maxBytes: COMPACT_AFTER_BYTES,
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
}
