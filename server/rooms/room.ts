import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import type { MigrationResult } from '../../lib/doc';
import { SCHEMA_VERSION, type BoardId, type Role } from '../../lib/model';
import { shouldPublishAwareness } from '../cluster/awareness-relay';
import { RemotePresence } from '../cluster/remote-presence';
import { errorMessage, type Logger } from '../log';
import type { ServerMetrics } from '../observability/metrics';
import type { LogRef, Store, StoredBoard } from '../store/store';
import { CLOSE } from '../sync/close-codes';
import { encodeAwareness, encodeSyncUpdate } from '../sync/messages';
import { AwarenessGate, type AwarenessEntry } from './awareness-gate';
import { RoomCompaction, type CompactionPolicy } from './compaction';
import { RoomDoc } from './room-doc';
import { REMOTE_UPDATE, RoomFeed, type RoomCluster } from './room-feed';
import { StorePipeline } from './store-pipeline';
import { snapshotOf } from './stored-doc';

/** Someone in a room: the room relays to it and may close it. A connection, in practice. */
export interface Participant {
  /** `onSent`, when given, runs once the message has been handed to the network. */
  send(message: Uint8Array, onSent?: () => void): void;
  close(code: number, reason: string): void;
}

/** What a room needs of the store. */
export type RoomStore = Pick<Store, 'loadLog' | 'appendUpdates' | 'compact' | 'setDocSchema'>;

export interface RoomOptions {
  store: RoomStore;
  /** Which log the room's document is: a board's, or a private-writing draft's. */
  log: LogRef;
  /**
   * Whether the room records its document's schema version in the store (boards do; drafts
   * do not, so a draft's room builds it whenever it loads).
   */
  recordsSchema: boolean;
  compaction: CompactionPolicy;
  logger: Logger;
  /** Called when the last participant left (the registry decides when to unload). */
  onEmpty(room: Room): void;
  /** Called once the room's document is built (see RoomDoc). */
  onMaterialized?(room: Room): void;
  /** Where the room's store writes and relays are recorded (/metrics). */
  metrics?: ServerMetrics;
  /** Set on a process of a cluster (LIENZO_REDIS_URL): the room relays other processes' updates. */
  cluster?: RoomCluster | null;
}

/**
 * One loaded board (or draft): its document, its awareness, and the participants connected
 * to it. The jobs are in files of their own: the document from its stored bytes (room-doc.ts),
 * "stored, then relayed" (store-pipeline.ts: every change to the document, whoever made it,
 * is written and only then relayed), compaction (compaction.ts), unloading (room-registry.ts).
 * This class joins them and keeps the participants and their presence.
 */
export class Room {
  private readonly participants = new Set<Participant>();
  private destroyed = false;
  readonly awareness: awarenessProtocol.Awareness;
  /** Who may publish which awareness client ids, and what others see of them. */
  private readonly presence: AwarenessGate;
  private readonly document: RoomDoc;
  private readonly pipeline: StorePipeline;
  private readonly compaction: RoomCompaction;
  /** Other processes' clients in this room (a cluster process only). */
  private readonly remote: RemotePresence | null;

  /**
   * Loads a board from the store. A board whose stored schema version is not the current one
   * is built and migrated here, before anyone is served; any other is served from its stored
   * bytes until its document is needed. Rejects if it cannot be loaded.
   */
  static async load(id: BoardId, options: RoomOptions): Promise<Room> {
    const { cluster } = options;
    if (cluster) return Room.loadInCluster(id, options, cluster);
    const stored = await options.store.loadLog(options.log);
    if (!stored) throw new Error(`board ${options.log.board} does not exist`);
    return Room.built(new Room(id, stored, options, null));
  }

  /**
   * A cluster process's load: subscribed to the board's updates before the store is read
   * (room-feed.ts), so an update another process stores meanwhile is delivered after it.
   */
  private static async loadInCluster(
    id: BoardId,
    options: RoomOptions,
    cluster: RoomCluster,
  ): Promise<Room> {
    const { feed, stored, seq } = await RoomFeed.open(id, options.log, cluster);
    if (!stored) {
      await feed.close();
      throw new Error(`board ${options.log.board} does not exist`);
    }
    const room = Room.built(new Room(id, stored, options, feed));
    feed.start(seq, (update) => {
      if (!room.destroyed) Y.applyUpdate(room.doc, update, REMOTE_UPDATE);
    });
    // Other processes' clients in this room's awareness, and this room's sent to them.
    if (room.remote) cluster.awareness.attach(id, room.remote);
    return room;
  }

  /** Builds and migrates a board whose stored schema is not the current one, before serving. */
  private static built(room: Room): Room {
    const stored = room.loadedSchema;
    if (stored !== SCHEMA_VERSION) {
      try {
        room.materialize();
      } catch (error) {
        room.destroy();
        throw error;
      }
    }
    return room;
  }

  /** The schema version the store recorded when the room was loaded. */
  private readonly loadedSchema: number | null;

  private constructor(
    /** The board's id, or a draft's room id (private-store.ts privateRoomId). */
    readonly id: BoardId,
    stored: StoredBoard,
    private readonly options: RoomOptions,
    private readonly feed: RoomFeed | null,
  ) {
    this.loadedSchema = stored.docSchema;
    /** The schema version the store records for the document (StoredBoard.docSchema). */
    let storedSchema = stored.docSchema;
    this.document = new RoomDoc(id, stored, {
      logger: options.logger,
      onUpdate: (update, origin) => {
        // Stored by another process already: only this process's participants need it.
        if (origin === REMOTE_UPDATE) this.broadcast(encodeSyncUpdate(update), null);
        else this.pipeline.submit(update, this.participantOf(origin));
      },
      onBuilt: (migration) => {
        storedSchema = this.recordSchema(migration, storedSchema);
        this.compaction.compactIfDue();
        options.onMaterialized?.(this);
      },
      onFailed: () => {
        for (const participant of [...this.participants])
          participant.close(CLOSE.internalError, 'the board could not be loaded');
      },
    });
    this.pipeline = new StorePipeline({
      id,
      log: options.log,
      // In a cluster the feed numbers, publishes and compacts only what the room holds.
      store: feed ?? options.store,
      logger: options.logger,
      snapshot: () => snapshotOf(this.document.doc),
      relay: (update, except) => this.broadcast(encodeSyncUpdate(update), except as Participant),
      refuse: (sender) =>
        sender.close(CLOSE.internalError, 'the server could not store this update'),
      stored: (appended) => this.compaction.stored(appended),
      metrics: options.metrics,
      recovered: feed
        ? (merged) =>
            void feed.recovered(merged).then((published) => {
              if (!published) options.logger.warn(`board ${id}: recovered changes not published`);
            })
        : undefined,
      compactionFailed: (error) => {
        this.compaction.failed();
        options.logger.warn(`board ${id}: compaction failed`, errorMessage(error));
      },
    });
    this.compaction = new RoomCompaction(options.compaction, stored.updates, () => {
      if (!this.destroyed) this.pipeline.requestSnapshot();
    });
    // Awareness only needs the document's identity, not its content.
    this.awareness = new awarenessProtocol.Awareness(this.document.identity);
    // The server has no presence of its own.
    this.awareness.setLocalState(null);
    this.awareness.on('update', this.onAwarenessUpdate);
    const remote = options.cluster
      ? new RemotePresence(this.awareness, (clientId) => this.presence.owns(clientId))
      : null;
    this.remote = remote;
    this.presence = new AwarenessGate(this.awareness, remote ? (id) => remote.owns(id) : undefined);
  }

  /** The board's document, built first if it was not yet. Throws if it cannot be built. */
  get doc(): Y.Doc {
    return this.document.doc;
  }

  get isMaterialized(): boolean {
    return this.document.isBuilt;
  }

  /** Runs `callback` once the document is built: now, if it is. */
  whenMaterialized(callback: () => void): void {
    this.document.whenBuilt(callback);
  }

  /** Builds the document on a later turn of the event loop (RoomDoc.buildSoon). */
  materializeSoon(): void {
    this.document.buildSoon();
  }

  /** Builds the document from the stored log, if it was not yet, and migrates it. */
  materialize(): void {
    this.document.build();
  }

  /** The board's document schema version, after migration; null when it has none. */
  get schemaVersion(): number | null {
    return this.document.schemaVersion;
  }

  get participantCount(): number {
    return this.participants.size;
  }

  /** True while some change lives only in memory (a write failed and no snapshot followed). */
  get hasUnstoredChanges(): boolean {
    return this.pipeline.hasUnstored;
  }

  /** Changes waiting to be stored, the one in flight included (the write queue's depth). */
  get writeQueueDepth(): number {
    return this.pipeline.depth;
  }

  join(participant: Participant): void {
    if (this.destroyed) throw new Error(`board ${this.id} is unloaded`);
    this.participants.add(participant);
  }

  leave(participant: Participant): void {
    if (!this.participants.delete(participant)) return;
    // Tell the others this participant's cursors are gone (as y-websocket-server does).
    awarenessProtocol.removeAwarenessStates(this.awareness, this.presence.leave(participant), null);
    if (this.participants.size === 0) this.options.onEmpty(this);
  }

  /** Applies a participant's update (building the document first). Throws when Yjs cannot. */
  applyUpdate(update: Uint8Array, from: Participant): void {
    Y.applyUpdate(this.doc, update, from);
  }

  /** Whether a participant's awareness entries would change anything (else: an echo). */
  awarenessWouldChange(entries: readonly AwarenessEntry[], from: Participant): boolean {
    return this.presence.wouldChange(entries, from);
  }

  /** Applies what the participant may publish of its entries (awareness-gate.ts). */
  applyAwareness(entries: readonly AwarenessEntry[], from: Participant, role: Role): void {
    this.presence.apply(entries, from, role);
  }

  /**
   * Calls `answer` with what a participant with `stateVector` is missing, once all of it is
   * stored: at once from the stored bytes, or from the document once every change it holds
   * now has been written. While the room holds changes it cannot store, the answer waits
   * (the newcomer stays connected, unsynced, instead of being closed in a loop) and is sent
   * as soon as the snapshot that stores them succeeds.
   */
  missingFor(stateVector: Uint8Array, answer: (missing: Uint8Array) => void): void {
    const fromStored = this.document.missingFromStored(stateVector);
    if (fromStored) {
      answer(fromStored);
      return;
    }
    // Computed now, sent once stored: the answer holds nothing applied after this moment.
    const missing = Y.encodeStateAsUpdate(this.doc, stateVector);
    this.pipeline.afterStored(() => {
      if (!this.destroyed) answer(missing);
    });
  }

  /** A message with every known awareness state, or null when there is none. */
  awarenessSnapshot(): Uint8Array | null {
    const clients = [...this.awareness.getStates().keys()];
    return clients.length > 0 ? encodeAwareness(this.awareness, clients) : null;
  }

  /**
   * Makes sure everything in memory is stored: waits for the write queue, and writes a
   * snapshot if a write failed earlier; a due compaction runs now (the board is leaving).
   * Resolves false when it still cannot store.
   */
  flush(): Promise<boolean> {
    if (!this.destroyed && this.document.isBuilt) this.compaction.unload();
    return this.pipeline.drain();
  }

  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    this.pipeline.stop();
    void this.feed?.close();
    this.options.cluster?.awareness.detach(this.id);
    this.awareness.off('update', this.onAwarenessUpdate);
    // Awareness runs a timer to expire stale states; destroying it stops the timer.
    this.awareness.destroy();
    this.document.destroy();
  }

  /**
   * Tells the store the document is now current, so the next load can serve it unbuilt; or
   * that its version is not known to be current (newer or missing), so the next load builds
   * and checks it first. Written once the migration's own changes are stored (a migration
   * only in memory leaves the stored document old). A failed write only costs the next load
   * its speed. Returns the schema the store will record.
   */
  private recordSchema(result: MigrationResult, stored: number | null): number | null {
    const current = result.status === 'current' || result.status === 'migrated';
    const schema = current ? SCHEMA_VERSION : null;
    if (!this.options.recordsSchema || schema === stored) return stored;
    const { store, log, logger } = this.options;
    this.pipeline.afterStored(() => {
      store.setDocSchema(log.board, schema).catch((error: unknown) => {
        logger.warn(`board ${this.id}: could not record its schema version`, errorMessage(error));
      });
    });
    return schema;
  }

  private readonly onAwarenessUpdate = (
    changes: { added: number[]; updated: number[]; removed: number[] },
    origin: unknown,
  ): void => {
    const sender = this.participantOf(origin);
    const changed = [...changes.added, ...changes.updated, ...changes.removed];
    const message = encodeAwareness(this.awareness, changed);
    this.broadcast(message, sender);
    // What this process's gate accepted (and leaves' removals) goes to the other processes.
    if (this.remote && shouldPublishAwareness(origin))
      void this.options.cluster?.awareness.publish(
        this.id,
        awarenessProtocol.encodeAwarenessUpdate(this.awareness, changed),
      );
  };

  private participantOf(origin: unknown): Participant | null {
    return this.participants.has(origin as Participant) ? (origin as Participant) : null;
  }

  private broadcast(message: Uint8Array, except: Participant | null): void {
    for (const participant of this.participants.keys())
      if (participant !== except) participant.send(message);
  }
}
