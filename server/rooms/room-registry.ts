import type { BoardId } from '../../lib/model';
import { childLogger, errorMessage, type Logger } from '../log';
import type { ServerMetrics } from '../observability/metrics';
import type { LogRef } from '../store/store';
import type { CompactionPolicy } from './compaction';
import { Room, type RoomStore } from './room';
import type { RoomCluster } from './room-feed';
import { STORE_RETRY_INTERVAL_MS } from './store-pipeline';

export interface RoomRegistryOptions {
  store: RoomStore;
  /** The log a room id names (a board id, or a draft's `<board>.<writer>`). */
  logOf(id: string): LogRef;
  /** Whether its rooms record their document's schema version (boards yes, drafts no). */
  recordsSchema: boolean;
  compaction: CompactionPolicy;
  logger: Logger;
  /**
   * A board's document was built in memory (version history starts following its changes).
   * A room serving from its stored bytes builds it shortly after it is loaded (Room).
   */
  onRoomLoaded?(room: Room): void;
  /** A board is about to be unloaded, its document still readable (end of a session). */
  onRoomUnloading?(room: Room): void | Promise<void>;
  /** The logger of one room; default: `logger` with the room's id as `board` on each line. */
  roomLogger?(id: BoardId): Logger;
  /**
   * The server's metrics, handed to each room with the rest of these options: the room's
   * store-then-relay pipeline records updates, store writes, queue depth and relay latency
   * into it (observability/metrics.ts). A room that unloads has an empty queue.
   */
  metrics?: ServerMetrics;
  /** A cluster process's store and bus (LIENZO_REDIS_URL); absent for a single process. */
  cluster?: RoomCluster | null;
}

/**
 * The loaded rooms, one per board with participants, and their unloading. A board is loaded
 * by its first participant (one load, however many ask at once) and unloaded when the last
 * one leaves: the unload waits for the current event loop turn to end, so a leave that
 * happens inside a Yjs transaction never destroys the document under it, and a participant
 * reconnecting at once finds the room still there. It then waits for the room's writes;
 * a room whose changes cannot be stored stays loaded, retrying (STORE_RETRY_INTERVAL_MS).
 */
export class RoomRegistry {
  private readonly rooms = new Map<string, Room>();
  private readonly loading = new Map<string, Promise<Room>>();
  private readonly retries = new Map<string, NodeJS.Timeout>();
  private closed = false;

  constructor(private readonly options: RoomRegistryOptions) {}

  get(id: string): Room | undefined {
    return this.rooms.get(id);
  }

  /** The room, loading it from the store if needed. Rejects if it cannot be loaded. */
  async acquire(id: string): Promise<Room> {
    if (this.closed) throw new Error('the server is shutting down');
    const loaded = this.rooms.get(id);
    if (loaded) {
      this.cancelRetry(id);
      return loaded;
    }
    let loading = this.loading.get(id);
    if (!loading) {
      loading = this.load(id);
      this.loading.set(id, loading);
    }
    return loading;
  }

  private async load(id: string): Promise<Room> {
    try {
      // A draft's room id is never a board id (it has a dot); rooms are only keyed by it.
      const room = await Room.load(id as BoardId, {
        ...this.options,
        log: this.options.logOf(id),
        logger:
          this.options.roomLogger?.(id as BoardId) ??
          childLogger(this.options.logger, { board: id }),
        onEmpty: this.onEmpty,
        onMaterialized: (built) => this.options.onRoomLoaded?.(built),
      });
      if (this.closed) {
        room.destroy();
        throw new Error('the server is shutting down');
      }
      // Whoever asked for it joins it, or releases it (release).
      this.rooms.set(id, room);
      return room;
    } finally {
      this.loading.delete(id);
    }
  }

  /**
   * Lets a room acquired without a participant (a server-side write, such as revealing
   * private notes) unload again once the write is done, if nobody is in it.
   */
  release(room: Room): void {
    if (room.participantCount === 0) this.onEmpty(room);
  }

  loadedIds(): string[] {
    return [...this.rooms.keys()];
  }

  /** How many rooms are loaded (the metrics' gauge reads it at each scrape). */
  get loadedCount(): number {
    return this.rooms.size;
  }

  /** Stores what can be stored and drops every room (server shutdown). */
  async closeAll(): Promise<void> {
    this.closed = true;
    for (const timer of this.retries.values()) clearTimeout(timer);
    this.retries.clear();
    await Promise.allSettled([...this.loading.values()]);
    const rooms = [...this.rooms.values()];
    this.rooms.clear();
    await Promise.all(
      rooms.map(async (room) => {
        if (!(await room.flush()))
          this.options.logger.error(
            `board ${room.id}: shutting down with changes that could not be stored; they are lost`,
          );
        await this.unload(room);
      }),
    );
  }

  private readonly onEmpty = (room: Room): void => {
    setImmediate(() => void this.unloadIfEmpty(room));
  };

  private async unloadIfEmpty(room: Room): Promise<void> {
    this.retries.delete(room.id);
    if (this.rooms.get(room.id) !== room || room.participantCount > 0) return;
    const stored = await room.flush();
    // Someone may have joined while the writes finished.
    if (this.rooms.get(room.id) !== room || room.participantCount > 0) return;
    if (!stored) {
      this.options.logger.warn(
        `board ${room.id}: keeping it in memory until its changes can be stored (retry in ${STORE_RETRY_INTERVAL_MS} ms)`,
      );
      const timer = setTimeout(() => void this.unloadIfEmpty(room), STORE_RETRY_INTERVAL_MS);
      timer.unref();
      this.retries.set(room.id, timer);
      return;
    }
    this.rooms.delete(room.id);
    await this.unload(room);
  }

  private async unload(room: Room): Promise<void> {
    this.options.metrics?.storeQueueDepth(room.id, 0);
    try {
      await this.options.onRoomUnloading?.(room);
    } catch (error) {
      this.options.logger.warn(`board ${room.id}: error while unloading`, errorMessage(error));
    }
    room.destroy();
  }

  private cancelRetry(id: string): void {
    const timer = this.retries.get(id);
    if (timer) clearTimeout(timer);
    this.retries.delete(id);
  }
}
