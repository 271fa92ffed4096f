import type { BoardId } from '../../lib/model';
import { childLogger, errorMessage, type Logger } from '../log';
import type { ServerMetrics } from '../observability/metrics';
import type { RoomStore } from '../store/board-store';
import type { CompactionPolicy } from './compaction';
import { Room } from './room';

/**
 * While a room that could not store a change has nobody in it, it stays in memory and tries
 * to write its snapshot again this often (ms). Short enough that a transient failure (disk
 * full and then freed) is healed quickly, long enough not to flood the log.
 */
export const STORE_RETRY_INTERVAL_MS = 5_000;

export interface RoomRegistryOptions {
  store: RoomStore;
  compaction: CompactionPolicy;
  logger: Logger;
  /**
   * A board's document was built in memory (version history starts following its changes).
   * A room serving from its stored bytes builds it shortly after it is loaded (Room).
   */
  onRoomLoaded?(room: Room): void;
  /** A board is about to be unloaded, its document still readable (end of a session). */
  onRoomUnloading?(room: Room): void;
  /** The logger of one room; default: `logger` with the room's id as `board` on each line. */
  roomLogger?(id: BoardId): Logger;
  /**
   * The server's metrics, handed to each room with the rest of these options: the room's
   * store-then-relay pipeline records updates, store writes, queue depth and relay latency
   * into it (observability/metrics.ts). A room that unloads has an empty queue.
   */
  metrics?: ServerMetrics;
}

/**
 * The loaded rooms, one per board with participants. A board is loaded by its first
 * participant and unloaded when the last one leaves; the unload waits for the current event
 * loop turn to end, so a leave that happens inside a Yjs transaction never destroys the
 * document under it, and a participant reconnecting at once finds the room still there.
 */
export class RoomRegistry {
  private readonly rooms = new Map<BoardId, Room>();
  private readonly retries = new Map<BoardId, NodeJS.Timeout>();
  private closed = false;

  constructor(private readonly options: RoomRegistryOptions) {}

  get(id: BoardId): Room | undefined {
    return this.rooms.get(id);
  }

  /** The board's room, loading it from the store if needed. Throws if it cannot be loaded. */
  acquire(id: BoardId): Room {
    if (this.closed) throw new Error('the server is shutting down');
    const loaded = this.rooms.get(id);
    if (loaded) {
      this.cancelRetry(id);
      return loaded;
    }
    const room = Room.load(id, {
      ...this.options,
      logger: this.options.roomLogger?.(id) ?? childLogger(this.options.logger, { board: id }),
      onEmpty: this.onEmpty,
      onMaterialized: (built) => this.options.onRoomLoaded?.(built),
    });
    this.rooms.set(id, room);
    return room;
  }

  /**
   * Lets a room acquired without a participant (a server-side write, such as revealing
   * private notes) unload again once the write is done, if nobody is in it.
   */
  release(room: Room): void {
    if (room.participantCount === 0) this.onEmpty(room);
  }

  loadedIds(): BoardId[] {
    return [...this.rooms.keys()];
  }

  /** How many rooms are loaded (the metrics' gauge reads it at each scrape). */
  get loadedCount(): number {
    return this.rooms.size;
  }

  /** Stores what can be stored and drops every room (server shutdown). */
  closeAll(): void {
    this.closed = true;
    for (const timer of this.retries.values()) clearTimeout(timer);
    this.retries.clear();
    for (const room of this.rooms.values()) {
      if (!room.flush())
        this.options.logger.error(
          `board ${room.id}: shutting down with changes that could not be stored; they are lost`,
        );
      this.options.onRoomUnloading?.(room);
      room.destroy();
      this.options.metrics?.storeQueueDepth(room.id, 0);
    }
    this.rooms.clear();
  }

  private readonly onEmpty = (room: Room): void => {
    setImmediate(() => this.unloadIfEmpty(room));
  };

  private unloadIfEmpty(room: Room): void {
    this.retries.delete(room.id);
    if (this.rooms.get(room.id) !== room || room.participantCount > 0) return;
    if (!room.flush()) {
      this.options.logger.warn(
        `board ${room.id}: keeping it in memory until its changes can be stored (retry in ${STORE_RETRY_INTERVAL_MS} ms)`,
      );
      const timer = setTimeout(() => this.unloadIfEmpty(room), STORE_RETRY_INTERVAL_MS);
      timer.unref();
      this.retries.set(room.id, timer);
      return;
    }
    this.rooms.delete(room.id);
    this.options.metrics?.storeQueueDepth(room.id, 0);
    try {
      this.options.onRoomUnloading?.(room);
      room.destroy();
    } catch (error) {
      this.options.logger.warn(`board ${room.id}: error while unloading`, errorMessage(error));
    }
  }

  private cancelRetry(id: BoardId): void {
    const timer = this.retries.get(id);
    if (timer) clearTimeout(timer);
    this.retries.delete(id);
  }
}
