import * as Y from 'yjs';
import type { BoardId } from '../../lib/model';
import type { StoredBoard } from '../store/board-store';

/** Origin of the transaction that replays a stored log, so it is never mistaken for a new change. */
export const LOAD_ORIGIN = Symbol('lienzo:load');

/**
 * Rebuilds a board's document from its stored log. A row that Yjs refuses fails the whole
 * load: serving the rest would let the next compaction drop that row for good, while a failed
 * load leaves the data on disk for someone to repair.
 */
export function docFromStored(id: BoardId, stored: StoredBoard): Y.Doc {
  const doc = new Y.Doc();
  const rows = stored.snapshot ? [stored.snapshot, ...stored.updates] : stored.updates;
  try {
    doc.transact(() => {
      for (const [index, row] of rows.entries()) {
        try {
          Y.applyUpdate(doc, row, LOAD_ORIGIN);
        } catch (error) {
          throw new Error(`board ${id}: stored row ${index} cannot be applied`, { cause: error });
        }
      }
    }, LOAD_ORIGIN);
  } catch (error) {
    doc.destroy();
    throw error;
  }
  return doc;
}
