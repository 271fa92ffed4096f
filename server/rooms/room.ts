import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import { migrateBoardDoc, type MigrationResult } from '../../lib/doc';
import { SCHEMA_VERSION, type BoardId, type Role } from '../../lib/model';
import { errorMessage, type Logger } from '../log';
import type { RoomStore } from '../store/board-store';
import { CLOSE } from '../sync/close-codes';
import { encodeAwareness, encodeSyncUpdate } from '../sync/messages';
import { AwarenessGate, type AwarenessEntry } from './awareness-gate';
import { LogCounter, QuietWait, type CompactionPolicy } from './compaction';
import { snapshotOf } from './stored-doc';
import { StoredState } from './stored-state';

/** Someone in a room: the room relays to it and may close it. A connection, in practice. */
export interface Participant {
  /** `onSent`, when given, runs once the message has been handed to the network. */
  send(message: Uint8Array, onSent?: () => void): void;
  close(code: number, reason: string): void;
}

export interface RoomOptions {
  store: RoomStore;
  compaction: CompactionPolicy;
  logger: Logger;
  /** Called when the last participant left (the registry decides when to unload). */
  onEmpty(room: Room): void;
  /** Called once the room's document is built (see Room: materialization). */
  onMaterialized?(room: Room): void;
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
 *
 * Materialization: a room whose stored document is known to be of the current schema is
 * loaded without a document. It keeps the stored log as one binary update (StoredState) and
 * answers a participant's sync step 1 from it, a third of the time it takes to build the
 * Y.Doc of a large board. The document is built once that first answer has been sent (in
 * the background, as far as one thread allows), or at once by whatever needs it first: an
 * incoming update (the update guard checks each one against the document, and an update is
 * applied, stored and relayed only through it, so an update arriving early waits for the
 * build rather than being stored unchecked), an HTTP read, a version. Until then nothing can
 * change the board, so there is nothing unstored, nothing to compact and nothing to relay.
 * A board that may need a migration is built and migrated before anyone is served, as before.
 */
export class Room {
  private readonly participants = new Set<Participant>();
  /** Changes applied in memory whose write failed; relayed once a snapshot holds them. */
  private unstored: Uint8Array[] = [];
  private destroyed = false;
  readonly awareness: awarenessProtocol.Awareness;
  /** Who may publish which awareness client ids, and what others see of them. */
  private readonly presence: AwarenessGate;
  /** The document: empty, with no listener, until `stored` is integrated into it. */
  private readonly ydoc = new Y.Doc();
  /** The stored log until the document is built from it; null after. */
  private stored: StoredState | null;
  /** Why building the document failed; the room is unusable and has closed everyone. */
  private buildError: Error | null = null;
  private buildScheduled = false;
  /** A due compaction waiting for the board to be quiet (CompactionPolicy.quietMs). */
  private readonly quiet: QuietWait;
  /** Waiting for the document to be built (whenMaterialized). */
  private waiting: (() => void)[] = [];
  /**
   * The document schema version served: the current one for a board loaded unbuilt (the store
   * knows it is current), else what the migration found (null: the document has none).
   */
  private served: number | null = SCHEMA_VERSION;

  /**
   * Loads a board from the store. A board whose stored schema version is not the current one
   * is built and migrated here, before anyone is served; any other is served from its stored
   * bytes until its document is needed. Throws if it cannot be loaded.
   */
  static load(id: BoardId, options: RoomOptions): Room {
    const stored = options.store.loadBoard(id);
    if (!stored) throw new Error(`board ${id} does not exist`);
    const room = new Room(
      id,
      StoredState.from(id, stored),
      stored.docSchema,
      new LogCounter(stored.updates),
      options,
    );
    if (stored.docSchema !== SCHEMA_VERSION) {
      try {
        room.materialize();
      } catch (error) {
        room.destroy();
        throw error;
      }
    }
    return room;
  }

  private constructor(
    readonly id: BoardId,
    stored: StoredState,
    /** The schema version the store records for the document (StoredBoard.docSchema). */
    private storedSchema: number | null,
    private readonly log: LogCounter,
    private readonly options: RoomOptions,
  ) {
    this.stored = stored;
    this.quiet = new QuietWait(options.compaction.quietMs, () => {
      if (!this.destroyed) this.compactNow();
    });
    // Awareness only needs the document's identity, not its content.
    this.awareness = new awarenessProtocol.Awareness(this.ydoc);
    // The server has no presence of its own.
    this.awareness.setLocalState(null);
    this.awareness.on('update', this.onAwarenessUpdate);
    this.presence = new AwarenessGate(this.awareness);
  }

  /** The board's document, built first if it was not yet. Throws if it cannot be built. */
  get doc(): Y.Doc {
    this.materialize();
    return this.ydoc;
  }

  get isMaterialized(): boolean {
    return this.stored === null && this.buildError === null;
  }

  /** Runs `callback` once the document is built: now, if it is. */
  whenMaterialized(callback: () => void): void {
    if (this.stored) this.waiting.push(callback);
    else if (!this.buildError) callback();
  }

  /**
   * Builds the document on a later turn of the event loop, so that what is being sent now
   * (the first participant's board) goes out before the thread is busy building.
   */
  materializeSoon(): void {
    if (!this.stored || this.buildScheduled) return;
    this.buildScheduled = true;
    setImmediate(() => {
      if (this.destroyed) return;
      try {
        this.materialize();
      } catch {
        // Reported by materialize, which closed every participant.
      }
    });
  }

  /** Builds the document from the stored log, if it was not yet, and migrates it. */
  materialize(): void {
    if (this.buildError) throw this.buildError;
    const stored = this.stored;
    if (!stored) return;
    this.stored = null;
    try {
      // Before any listener: Yjs encodes an update event only when someone listens, and the
      // load is not a change to store or relay anyway.
      stored.applyTo(this.ydoc);
      this.ydoc.on('update', this.onDocUpdate);
      const migration = this.migrate();
      this.served = servedSchema(migration);
      this.recordSchema(migration);
    } catch (error) {
      this.fail(error);
    }
    this.compactIfDue();
    this.options.onMaterialized?.(this);
    for (const callback of this.waiting.splice(0)) callback();
  }

  private fail(error: unknown): never {
    const cause = error instanceof Error ? error : new Error(String(error));
    this.buildError = cause;
    this.waiting = [];
    this.options.logger.error(`board ${this.id}: could not be built`, errorMessage(cause));
    for (const participant of [...this.participants.keys()])
      participant.close(CLOSE.internalError, 'the board could not be loaded');
    throw cause;
  }

  /** The board's document schema version, after migration; null when it has none. */
  get schemaVersion(): number | null {
    return this.served;
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
   * What a participant with `stateVector` is missing, or null while the room holds changes it
   * could not store (they must not be sent; the caller closes that connection).
   */
  missingFor(stateVector: Uint8Array): Uint8Array | null {
    if (this.stored) return this.stored.missingFor(stateVector);
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
    // A compaction waiting for a lull happens now: the board is leaving memory.
    if (this.quiet.cancel() && this.unstored.length === 0) this.compactNow();
    this.destroyed = true;
    this.stored = null;
    this.waiting = [];
    this.ydoc.off('update', this.onDocUpdate);
    this.awareness.off('update', this.onAwarenessUpdate);
    // Awareness runs a timer to expire stale states; destroying it stops the timer.
    this.awareness.destroy();
    this.ydoc.destroy();
  }

  private migrate(): MigrationResult {
    const result = migrateBoardDoc(this.ydoc);
    const { logger } = this.options;
    if (result.status === 'newer')
      logger.warn(
        `board ${this.id} has schema version ${result.version}, newer than this server's; serving it unchanged`,
      );
    else if (result.status === 'empty')
      logger.warn(`board ${this.id} has no schema version; serving it unchanged`);
    else if (result.status === 'migrated')
      logger.info(`board ${this.id} migrated from schema ${result.from} to ${result.to}`);
    return result;
  }

  /**
   * Tells the store the document is now current, so the next load can serve it unbuilt; or
   * that its version is not known to be current (newer or missing), so the next load builds
   * and checks it first. A failed write only costs the next load its speed.
   */
  private recordSchema(result: MigrationResult): void {
    const current = result.status === 'current' || result.status === 'migrated';
    const schema = current ? SCHEMA_VERSION : null;
    // A migration whose write failed is only in memory: the store's document is still old.
    const { store } = this.options;
    if (!store.setDocSchema || schema === this.storedSchema || this.unstored.length > 0) return;
    try {
      store.setDocSchema(this.id, schema);
      this.storedSchema = schema;
    } catch (error) {
      this.options.logger.warn(
        `board ${this.id}: could not record its schema version`,
        errorMessage(error),
      );
    }
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

  /**
   * Compacts a due log once the board is quiet (each update restarts the wait), or at once
   * when it is overdue (CompactionPolicy.quietMs).
   */
  private compactIfDue(): void {
    const policy = this.options.compaction;
    if (!this.log.due(policy)) return;
    if (this.log.overdue(policy)) {
      this.quiet.cancel();
      this.compactNow();
      return;
    }
    this.quiet.change();
  }

  private compactNow(): void {
    try {
      this.writeSnapshot();
    } catch (error) {
      // The log is intact, only longer than wished; try again after another interval.
      this.log.reset();
      this.options.logger.warn(`board ${this.id}: compaction failed`, errorMessage(error));
    }
  }

  private writeSnapshot(): void {
    this.options.store.compact(this.id, snapshotOf(this.ydoc));
    this.log.reset();
  }

  private readonly onAwarenessUpdate = (
    changes: { added: number[]; updated: number[]; removed: number[] },
    origin: unknown,
  ): void => {
    const sender = this.participantOf(origin);
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

/** The schema version a migrated document is at. */
function servedSchema(result: MigrationResult): number | null {
  if (result.status === 'current' || result.status === 'newer') return result.version;
  return result.status === 'migrated' ? result.to : null;
}
