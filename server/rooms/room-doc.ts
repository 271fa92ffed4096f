import * as Y from 'yjs';
import { migrateBoardDoc, type MigrationResult } from '../../lib/doc';
import { SCHEMA_VERSION, type BoardId } from '../../lib/model';
import { errorMessage, type Logger } from '../log';
import { StoredState } from './stored-state';
import type { StoredBoard } from '../store/store';

export interface RoomDocHooks {
  logger: Logger;
  /** A change to the built document (Yjs' update event): the room stores, then relays it. */
  onUpdate(update: Uint8Array, origin: unknown): void;
  /** The document was built and migrated (`migration` says what the migration found). */
  onBuilt(migration: MigrationResult): void;
  /** Building failed: the room is unusable (it closes everyone). */
  onFailed(error: Error): void;
}

/**
 * A room's document, from its stored bytes: loading, serving from them, and building.
 *
 * A room whose stored document is known to be of the current schema is loaded without a
 * document. It keeps the stored log as one binary update (StoredState) and answers a
 * participant's sync step 1 from it, a third of the time it takes to build the Y.Doc of a
 * large board. The document is built once that first answer has been sent (in the
 * background, as far as one thread allows), or at once by whatever needs it first: an
 * incoming update (the update guard checks each one against the document, and an update is
 * applied, stored and relayed only through it, so an update arriving early waits for the
 * build rather than being stored unchecked), an HTTP read, a version. Until then nothing can
 * change the board, so there is nothing unstored, nothing to compact and nothing to relay. A
 * board that may need a migration is built and migrated before anyone is served.
 */
export class RoomDoc {
  /** The document: empty, with no listener, until `stored` is integrated into it. */
  private readonly ydoc = new Y.Doc();
  /** The stored log until the document is built from it; null after. */
  private stored: StoredState | null;
  /** Why building the document failed; the room is unusable. */
  private buildError: Error | null = null;
  private buildScheduled = false;
  private destroyed = false;
  /** Waiting for the document to be built (whenBuilt). */
  private waiting: (() => void)[] = [];
  /**
   * The document schema version served: the current one for a board loaded unbuilt (the store
   * knows it is current), else what the migration found (null: the document has none).
   */
  private served: number | null = SCHEMA_VERSION;

  constructor(
    private readonly id: BoardId,
    stored: StoredBoard,
    private readonly hooks: RoomDocHooks,
  ) {
    this.stored = StoredState.from(id, stored);
  }

  /** The Y.Doc whatever its state: awareness only needs its identity, not its content. */
  get identity(): Y.Doc {
    return this.ydoc;
  }

  /** The board's document, built first if it was not yet. Throws if it cannot be built. */
  get doc(): Y.Doc {
    this.build();
    return this.ydoc;
  }

  get isBuilt(): boolean {
    return this.stored === null && this.buildError === null;
  }

  /** The board's document schema version, after migration; null when it has none. */
  get schemaVersion(): number | null {
    return this.served;
  }

  /** What a client with `stateVector` lacks, from the stored bytes; null once built. */
  missingFromStored(stateVector: Uint8Array): Uint8Array | null {
    return this.stored ? this.stored.missingFor(stateVector) : null;
  }

  /** Runs `callback` once the document is built: now, if it is. */
  whenBuilt(callback: () => void): void {
    if (this.stored) this.waiting.push(callback);
    else if (!this.buildError) callback();
  }

  /**
   * Builds the document on a later turn of the event loop, so that what is being sent now
   * (the first participant's board) goes out before the thread is busy building.
   */
  buildSoon(): void {
    if (!this.stored || this.buildScheduled) return;
    this.buildScheduled = true;
    setImmediate(() => {
      if (this.destroyed) return;
      try {
        this.build();
      } catch {
        // Reported by build, through onFailed.
      }
    });
  }

  /** Builds the document from the stored log, if it was not yet, and migrates it. */
  build(): void {
    if (this.buildError) throw this.buildError;
    const stored = this.stored;
    if (!stored) return;
    this.stored = null;
    let migration: MigrationResult;
    try {
      // Before any listener: Yjs encodes an update event only when someone listens, and the
      // load is not a change to store or relay anyway.
      stored.applyTo(this.ydoc);
      this.ydoc.on('update', this.hooks.onUpdate);
      migration = this.migrate();
      this.served = servedSchema(migration);
    } catch (error) {
      const cause = error instanceof Error ? error : new Error(String(error));
      this.buildError = cause;
      this.waiting = [];
      this.hooks.logger.error(`board ${this.id}: could not be built`, errorMessage(cause));
      this.hooks.onFailed(cause);
      throw cause;
    }
    this.hooks.onBuilt(migration);
    for (const callback of this.waiting.splice(0)) callback();
  }

  destroy(): void {
    this.destroyed = true;
    this.stored = null;
    this.waiting = [];
    this.ydoc.off('update', this.hooks.onUpdate);
    this.ydoc.destroy();
  }

  private migrate(): MigrationResult {
    const result = migrateBoardDoc(this.ydoc);
    const { logger } = this.hooks;
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
}

/** The schema version a migrated document is at. */
function servedSchema(result: MigrationResult): number | null {
  if (result.status === 'current' || result.status === 'newer') return result.version;
  return result.status === 'migrated' ? result.to : null;
}
