import * as Y from 'yjs';
import type { BoardId } from '../../lib/model';
import type { StoredBoard } from '../store/store';
import { LOAD_ORIGIN } from './stored-doc';

/**
 * A board's stored log held as one binary Yjs update (format v2) instead of a Y.Doc: what a
 * room serves from until its document is materialized.
 *
 * Why: building the Y.Doc of a 10,000-note board means integrating some 150,000 items, about
 * 0.5 s on this machine, most of it V8 garbage collection. Yjs can also work on updates
 * without a document (mergeUpdatesV2, diffUpdateV2): one streaming pass over the encoded
 * structs, about a third of that. A first participant only needs "everything it lacks",
 * which is such a diff, so it is served from here and the document is built after (Room).
 */
export class StoredState {
  private constructor(
    /** Snapshot and log merged, in update format v2 (the snapshot's, the smaller one). */
    private readonly update: Uint8Array,
  ) {}

  /**
   * Merges the snapshot and the updates logged after it. Updates are stored in v1 and
   * converted one by one (each is small); a snapshot alone is used as stored, without a pass.
   * A row Yjs cannot decode fails the load, as in docFromStored, so the data stays on disk
   * for someone to repair instead of being dropped by the next compaction.
   */
  static from(id: BoardId, stored: StoredBoard): StoredState {
    try {
      const parts: Uint8Array[] = [];
      const { snapshot } = stored;
      if (snapshot)
        parts.push(
          snapshot.format === 'v2' ? snapshot.data : Y.convertUpdateFormatV1ToV2(snapshot.data),
        );
      for (const update of stored.updates) parts.push(Y.convertUpdateFormatV1ToV2(update));
      return new StoredState(Y.mergeUpdatesV2(parts));
    } catch (error) {
      throw new Error(`board ${id}: its stored log cannot be read`, { cause: error });
    }
  }

  /**
   * What a client with `stateVector` lacks, in update format v1: the y-websocket wire
   * format (y-protocols' sync step 2 is applied with Y.applyUpdate). The diff and the
   * conversion from v2 are one pass: diffUpdateV2 takes the decoder and encoder to use.
   */
  missingFor(stateVector: Uint8Array): Uint8Array {
    return Y.diffUpdateV2(this.update, stateVector, Y.UpdateDecoderV2, Y.UpdateEncoderV1);
  }

  /** Integrates the stored state into `doc`, as a load (never mistaken for a new change). */
  applyTo(doc: Y.Doc): void {
    Y.applyUpdateV2(doc, this.update, LOAD_ORIGIN);
  }
}
