import type { BoardId } from '../../lib/model';
import type { Logger } from '../log';
import type { RoomRegistry } from '../rooms/room-registry';
import { docFromStored } from '../rooms/stored-doc';
import type { Store } from '../store/store';
import { HistoryRecorder, type RecordedBoard } from './history-recorder';
import { SnapshotStore, type Snapshot, type SnapshotMeta } from './snapshot-store';

export interface BoardHistoryOptions {
  store: Store;
  logger: Logger;
  /** LIENZO_SNAPSHOT_MINUTES. */
  snapshotMinutes?: number;
}

/**
 * Version history of every board: what the API asks (list, read, save a version) and what
 * the room registry tells it (a board loaded, a board unloading). One per server.
 */
export class BoardHistory {
  private readonly snapshots: SnapshotStore;
  private readonly recorder: HistoryRecorder;
  private rooms: RoomRegistry | null = null;

  constructor(private readonly options: BoardHistoryOptions) {
    this.snapshots = new SnapshotStore(options.store);
    this.recorder = new HistoryRecorder(this.snapshots, options.logger, options.snapshotMinutes);
  }

  /** The registry whose live documents a manual version is taken from (set once, at start). */
  attach(rooms: RoomRegistry): void {
    this.rooms = rooms;
  }

  readonly onRoomLoaded = (room: RecordedBoard): void => this.recorder.watch(room);
  readonly onRoomUnloading = (room: RecordedBoard): Promise<void> => this.recorder.unwatch(room);

  list(id: BoardId): Promise<SnapshotMeta[]> {
    return this.snapshots.list(id);
  }

  get(id: BoardId, snapshotId: string): Promise<Snapshot | null> {
    return this.snapshots.get(id, snapshotId);
  }

  /**
   * Saves a named version of the board as it is now: the live document when the board is
   * loaded (the freshest state), otherwise the stored one. Null when the board is unknown.
   */
  async save(id: BoardId, name: string): Promise<SnapshotMeta | null> {
    const room = this.rooms?.get(id);
    if (room) return this.recorder.take(room, name, 'manual');
    const stored = await this.options.store.loadLog({ board: id });
    if (!stored) return null;
    const doc = docFromStored(id, stored);
    try {
      return await this.recorder.take({ id, doc }, name, 'manual');
    } finally {
      doc.destroy();
    }
  }

  close(): void {
    this.recorder.close();
  }
}
