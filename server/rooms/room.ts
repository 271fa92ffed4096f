import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import { migrateBoardDoc } from '../../lib/doc';
import type { BoardId } from '../../lib/model';
import { errorMessage, type Logger } from '../log';
import type { RoomStore } from '../store/board-store';
import { CLOSE } from '../sync/close-codes';
import { encodeAwareness, encodeSyncUpdate } from '../sync/messages';
import { LogCounter, type CompactionPolicy } from './compaction';
import { docFromStored, snapshotOf } from './stored-doc';

/** Someone in a room: the room relays to it and may close it. A connection, in practice. */
export interface Participant {
  send(message: Uint8Array): void;
  close(code: number, reason: string): void;
}

export interface RoomOptions {
  store: RoomStore;
  compaction: CompactionPolicy;
  logger: Logger;
  /** Called when the last participant left (the registry decides when to unload). */
  onEmpty(room: Room): void;
}

/**
 * One loaded board: its Y.Doc, its awareness, and the participants connected to it.
 *
 * The room's rule is "stored, then relayed": every change to the document, whoever made it
 * (a participant, a migration), passes through `onDocUpdate`, which appends it to the store
 * and only then sends it to the other participants. The store is synchronous, so nothing can
 * be relayed between the write and the send.
 *
 * When a write fails, the change is already in memory (Yjs applied it before telling us).
 * The room keeps it there rather than losing it, relays it to nobody, and closes the sender
 * (its provider reconnects and resyncs). Until a full snapshot is written, the room counts as
 * unstored: the next change, a newcomer's sync or the unload retries that snapshot first, and
 * on success relays what the others missed. Nothing unstored is ever sent.
 */
export class Room {
  /** Participant → the awareness client ids it controls, removed when it leaves. */
  private readonly participants = new Map<Participant, Set<number>>();
  /** Changes applied in memory whose write failed; relayed once a snapshot holds them. */
  private unstored: Uint8Array[] = [];
  private destroyed = false;
  readonly awareness: awarenessProtocol.Awareness;

  /** Loads a board from the store and brings its schema up to date. Throws if it cannot. */
  static load(id: BoardId, options: RoomOptions): Room {
    const stored = options.store.loadBoard(id);
    if (!stored) throw new Error(`board ${id} does not exist`);
    const room = new Room(id, docFromStored(id, stored), new LogCounter(stored.updates), options);
    try {
      room.migrate();
    } catch (error) {
      room.destroy();
      throw error;
    }
    room.compactIfDue();
    return room;
  }

  private constructor(
    readonly id: BoardId,
    readonly doc: Y.Doc,
    private readonly log: LogCounter,
    private readonly options: RoomOptions,
  ) {
    this.awareness = new awarenessProtocol.Awareness(doc);
    // The server has no presence of its own.
    this.awareness.setLocalState(null);
    this.awareness.on('update', this.onAwarenessUpdate);
    doc.on('update', this.onDocUpdate);
  }

  get participantCount(): number {
    return this.participants.size;
  }

  /** True while some change lives only in memory (a write failed and no snapshot followed). */
  get hasUnstoredChanges(): boolean {
    return this.unstored.length > 0;
  }

  join(participant: Participant): void {
    if (this.destroyed) throw new Error(`board ${this.id} is unloaded`);
    this.participants.set(participant, new Set());
  }

  leave(participant: Participant): void {
    const controlled = this.participants.get(participant);
    if (!controlled) return;
    this.participants.delete(participant);
    // Tell the others this participant's cursors are gone (as y-websocket-server does).
    awarenessProtocol.removeAwarenessStates(this.awareness, [...controlled], null);
    if (this.participants.size === 0) this.options.onEmpty(this);
  }

  /** Applies a participant's update. Throws when Yjs cannot apply it. */
  applyUpdate(update: Uint8Array, from: Participant): void {
    Y.applyUpdate(this.doc, update, from);
  }

  applyAwareness(update: Uint8Array, from: Participant): void {
    awarenessProtocol.applyAwarenessUpdate(this.awareness, update, from);
  }

  /**
   * What a participant with `stateVector` is missing, or null while the room holds changes it
   * could not store (they must not be sent; the caller closes that connection).
   */
  missingFor(stateVector: Uint8Array): Uint8Array | null {
    if (!this.flush()) return null;
    return Y.encodeStateAsUpdate(this.doc, stateVector);
  }

  /** A message with every known awareness state, or null when there is none. */
  awarenessSnapshot(): Uint8Array | null {
    const clients = [...this.awareness.getStates().keys()];
    return clients.length > 0 ? encodeAwareness(this.awareness, clients) : null;
  }

  /**
   * Makes sure everything in memory is stored: writes a snapshot if a write failed earlier.
   * Returns false when it still cannot.
   */
  flush(): boolean {
    if (this.unstored.length === 0) return true;
    try {
      this.writeSnapshot();
    } catch (error) {
      this.options.logger.error(`board ${this.id}: still cannot store`, errorMessage(error));
      return false;
    }
    this.relayRecovered(null);
    return true;
  }

  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    this.doc.off('update', this.onDocUpdate);
    this.awareness.off('update', this.onAwarenessUpdate);
    // Awareness runs a timer to expire stale states; destroying it stops the timer.
    this.awareness.destroy();
    this.doc.destroy();
  }

  private migrate(): void {
    const result = migrateBoardDoc(this.doc);
    const { logger } = this.options;
    if (result.status === 'newer')
      logger.warn(
        `board ${this.id} has schema version ${result.version}, newer than this server's; serving it unchanged`,
      );
    else if (result.status === 'empty')
      logger.warn(`board ${this.id} has no schema version; serving it unchanged`);
    else if (result.status === 'migrated')
      logger.info(`board ${this.id} migrated from schema ${result.from} to ${result.to}`);
  }

  private readonly onDocUpdate = (update: Uint8Array, origin: unknown): void => {
    const sender = this.participantOf(origin);
    if (!this.store(update)) {
      this.unstored.push(update);
      sender?.close(CLOSE.internalError, 'the server could not store this update');
      return;
    }
    if (this.unstored.length > 0) {
      this.relayRecovered(update);
      return;
    }
    this.broadcast(encodeSyncUpdate(update), sender);
    this.compactIfDue();
  };

  /** Writes one update (or, while changes are unstored, a snapshot holding them all). */
  private store(update: Uint8Array): boolean {
    try {
      if (this.unstored.length > 0) {
        this.writeSnapshot();
      } else {
        this.options.store.appendUpdate(this.id, update);
        this.log.add(update.byteLength);
      }
      return true;
    } catch (error) {
      this.options.logger.error(
        `board ${this.id}: could not store an update of ${update.byteLength} bytes; keeping it in memory`,
        errorMessage(error),
      );
      return false;
    }
  }

  /** After a snapshot stored what had failed: everyone missed those changes, sender included. */
  private relayRecovered(latest: Uint8Array | null): void {
    const missed = latest ? [...this.unstored, latest] : this.unstored;
    this.unstored = [];
    if (missed.length > 0) this.broadcast(encodeSyncUpdate(Y.mergeUpdates(missed)), null);
  }

  private compactIfDue(): void {
    if (!this.log.due(this.options.compaction)) return;
    try {
      this.writeSnapshot();
    } catch (error) {
      // The log is intact, only longer than wished; try again after another interval.
      this.log.reset();
      this.options.logger.warn(`board ${this.id}: compaction failed`, errorMessage(error));
    }
  }

  private writeSnapshot(): void {
    this.options.store.compact(this.id, snapshotOf(this.doc));
    this.log.reset();
  }

  private readonly onAwarenessUpdate = (
    changes: { added: number[]; updated: number[]; removed: number[] },
    origin: unknown,
  ): void => {
    const sender = this.participantOf(origin);
    const controlled = sender ? this.participants.get(sender) : undefined;
    if (controlled) {
      for (const client of changes.added) controlled.add(client);
      for (const client of changes.removed) controlled.delete(client);
    }
    const changed = [...changes.added, ...changes.updated, ...changes.removed];
    this.broadcast(encodeAwareness(this.awareness, changed), sender);
  };

  private participantOf(origin: unknown): Participant | null {
    return this.participants.has(origin as Participant) ? (origin as Participant) : null;
  }

  private broadcast(message: Uint8Array, except: Participant | null): void {
    for (const participant of this.participants.keys())
      if (participant !== except) participant.send(message);
  }
}
