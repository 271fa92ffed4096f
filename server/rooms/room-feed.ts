import * as Y from 'yjs';
import type { AwarenessRelay } from '../cluster/awareness-relay';
import type { BoardFeed, SequencedUpdate, UpdateBus } from '../cluster/update-bus';
import type {
  LogRef,
  SequencedLogStore,
  SequencedTail,
  StoredBoard,
  StoredSnapshot,
} from '../store/store';

/**
 * Origin of the transaction that applies an update another process stored: the room relays
 * it to its participants and neither stores nor publishes it (it is stored already).
 */
export const REMOTE_UPDATE = Symbol('lienzo:remote-update');

/** What a room of a cluster process needs: the numbered store, the bus, the presence relay. */
export interface RoomCluster {
  store: SequencedLogStore;
  bus: UpdateBus;
  awareness: AwarenessRelay;
}

/** The store calls a room's write pipeline makes (a subset of Store). */
export interface PipelineStore {
  appendUpdates(log: LogRef, updates: readonly Uint8Array[]): Promise<void>;
  compact(log: LogRef, snapshot: StoredSnapshot): Promise<void>;
}

/** A read-back as the feed wants it: the snapshot first (as v1, with its seq), then rows. */
export function feedEntries(tail: SequencedTail | null): SequencedUpdate[] {
  if (!tail) return [];
  const rows: SequencedUpdate[] = tail.updates.map((row) => ({ seq: row.seq, update: row.data }));
  const { snapshot } = tail;
  if (snapshot) {
    // The snapshot holds every seq before the first row kept after it (seqs are dense).
    const through = rows.length > 0 ? rows[0]!.seq - 1 : tail.seq;
    const update =
      snapshot.format === 'v2' ? Y.convertUpdateFormatV2ToV1(snapshot.data) : snapshot.data;
    rows.unshift({ seq: through, update, snapshot: true });
  }
  return rows;
}

/**
 * One room's place in the cluster: its subscription to the board's channel (opened BEFORE
 * the store is read, so an update stored meanwhile is delivered after the load), the seq its
 * document holds, and the pipeline's store calls that publish what they append.
 */
export class RoomFeed implements PipelineStore {
  /** Every seq up to this one is in the room's document (what a compaction may fold). */
  private applied = 0;
  /** The room's handler for updates other processes stored (set once the room exists). */
  private target: ((update: Uint8Array) => void) | null = null;
  private feed: BoardFeed | null = null;

  private constructor(
    private readonly cluster: RoomCluster,
    private readonly log: LogRef,
  ) {}

  /** Subscribes, then reads the log: the room is built from `stored`, then `start` is called. */
  static async open(
    id: string,
    log: LogRef,
    cluster: RoomCluster,
  ): Promise<{ feed: RoomFeed; stored: StoredBoard | null; seq: number }> {
    const room = new RoomFeed(cluster, log);
    const feed = await cluster.bus.open(id, {
      readBack: async (after) => feedEntries(await cluster.store.readLogSince(log, after)),
      deliver: (entry) => room.deliver(entry),
    });
    room.feed = feed;
    try {
      const tail = await cluster.store.readLogSince(log, null);
      if (!tail) return { feed: room, stored: null, seq: 0 };
      const stored: StoredBoard = {
        snapshot: tail.snapshot,
        updates: tail.updates.map((row) => row.data),
        docSchema: tail.docSchema,
      };
      return { feed: room, stored, seq: tail.seq };
    } catch (error) {
      await feed.close();
      throw error;
    }
  }

  /** The room exists: deliver what was stored after `seq` (the load's), and everything after. */
  start(seq: number, target: (update: Uint8Array) => void): void {
    this.applied = seq;
    this.target = target;
    this.feed?.loaded(seq);
  }

  async appendUpdates(log: LogRef, updates: readonly Uint8Array[]): Promise<void> {
    const last = await this.cluster.store.appendSequenced(log, updates);
    const first = last - updates.length + 1;
    // Contiguous with what the room holds: the watermark moves; else a delivery moves it.
    if (first === this.applied + 1) this.applied = last;
    for (const [index, update] of updates.entries()) void this.feed?.publish(first + index, update);
  }

  /**
   * Changes a recovery snapshot stored (kept in memory after failed writes): appended once
   * more as one update, so they take a seq and reach the other processes. Resolves false
   * when that append failed (the snapshot holds them; a later load sees them).
   */
  recovered(merged: Uint8Array): Promise<boolean> {
    return this.appendUpdates(this.log, [merged]).then(
      () => true,
      () => false,
    );
  }

  compact(log: LogRef, snapshot: StoredSnapshot): Promise<void> {
    // Only what the document holds: what another process stored after it stays in the log.
    return this.cluster.store.compactThrough(log, snapshot, this.applied);
  }

  /** Unsubscribes (the room is unloaded). */
  close(): Promise<void> {
    this.target = null;
    return this.feed?.close() ?? Promise.resolve();
  }

  private deliver(entry: SequencedUpdate): void {
    if (entry.seq > this.applied) this.applied = entry.seq;
    this.target?.(entry.update);
  }
}
