import * as Y from 'yjs';
import type { BoardId } from '../../lib/model';
import { errorMessage, type Logger } from '../log';
import type { SnapshotKind, SnapshotMeta, SnapshotStore } from './snapshot-store';

/** Default of LIENZO_SNAPSHOT_MINUTES: an automatic version after this much activity. */
export const DEFAULT_SNAPSHOT_MINUTES = 10;

const MS_PER_MINUTE = 60_000;

/**
 * Names of automatic versions, in English for API clients; the History tab shows its own
 * localised label for these kinds instead.
 */
export const AUTO_SNAPSHOT_NAMES: Record<Exclude<SnapshotKind, 'manual'>, string> = {
  'auto-session-end': 'End of session',
  'auto-interval': 'Automatic',
};

/** A loaded board as the recorder sees it: its id and live document. */
export interface RecordedBoard {
  readonly id: BoardId;
  readonly doc: Y.Doc;
}

interface Watch {
  /** True when the document changed since the last version was taken. */
  changed: boolean;
  /** Pending automatic version, started by the first change after the last version. */
  timer: NodeJS.Timeout | null;
  stop(): void;
}

/**
 * Takes versions of loaded boards: by hand (the API), every `minutes` of activity (the first
 * change after a version starts the clock; a board nobody changes gets no new version), and
 * when a board is unloaded after changes, the end of a working session.
 */
export class HistoryRecorder {
  private readonly watches = new Map<RecordedBoard, Watch>();
  private readonly intervalMs: number;

  constructor(
    private readonly store: SnapshotStore,
    private readonly logger: Logger,
    minutes = DEFAULT_SNAPSHOT_MINUTES,
  ) {
    this.intervalMs = minutes * MS_PER_MINUTE;
  }

  /** A board was loaded: follow its changes. */
  watch(board: RecordedBoard): void {
    if (this.watches.has(board)) return;
    const onUpdate = () => {
      watch.changed = true;
      watch.timer ??= this.startClock(board);
    };
    const watch: Watch = {
      changed: false,
      timer: null,
      stop: () => board.doc.off('update', onUpdate),
    };
    board.doc.on('update', onUpdate);
    this.watches.set(board, watch);
  }

  /** A board is being unloaded (its document still readable): the end of a session. */
  async unwatch(board: RecordedBoard): Promise<void> {
    const watch = this.watches.get(board);
    if (!watch) return;
    const taken = watch.changed ? this.takeAutomatic(board, 'auto-session-end') : null;
    this.clear(watch);
    watch.stop();
    this.watches.delete(board);
    await taken;
  }

  /**
   * Stores a version of `doc` as it is now (encoded at once, written after). Rejects when the
   * store cannot.
   */
  async take(board: RecordedBoard, name: string, kind: SnapshotKind): Promise<SnapshotMeta> {
    const meta = await this.store.add(board.id, {
      name,
      kind,
      state: Y.encodeStateAsUpdateV2(board.doc),
    });
    const watch = this.watches.get(board);
    if (watch) this.clear(watch);
    return meta;
  }

  close(): void {
    for (const watch of this.watches.values()) {
      if (watch.timer) clearTimeout(watch.timer);
      watch.stop();
    }
    this.watches.clear();
  }

  private startClock(board: RecordedBoard): NodeJS.Timeout {
    const timer = setTimeout(() => {
      const watch = this.watches.get(board);
      if (!watch) return;
      watch.timer = null;
      if (watch.changed) void this.takeAutomatic(board, 'auto-interval');
    }, this.intervalMs);
    timer.unref();
    return timer;
  }

  /** The board equals its newest version again: no change pending, no clock running. */
  private clear(watch: Watch): void {
    watch.changed = false;
    if (watch.timer) clearTimeout(watch.timer);
    watch.timer = null;
  }

  private async takeAutomatic(
    board: RecordedBoard,
    kind: Exclude<SnapshotKind, 'manual'>,
  ): Promise<void> {
    try {
      await this.take(board, AUTO_SNAPSHOT_NAMES[kind], kind);
    } catch (error) {
      // A missed automatic version is not worth failing an unload for; the board is stored.
      this.logger.warn(`board ${board.id}: could not store a version`, errorMessage(error));
    }
  }
}
