import * as Y from 'yjs';
import type { BoardId } from '../../lib/model';
import type { StoredBoard, StoredSnapshot } from '../store/store';

/** Origin of the transaction that replays a stored log, so it is never mistaken for a new change. */
export const LOAD_ORIGIN = Symbol('lienzo:load');

/** The whole document as a snapshot to store, in the compact format (see UpdateFormat). */
export function snapshotOf(doc: Y.Doc): StoredSnapshot {
  return { format: 'v2', data: Y.encodeStateAsUpdateV2(doc) };
}

/** Applies a stored snapshot, whichever format it was written in. */
export function applySnapshot(doc: Y.Doc, snapshot: StoredSnapshot, origin?: unknown): void {
  if (snapshot.format === 'v2') Y.applyUpdateV2(doc, snapshot.data, origin);
  else Y.applyUpdate(doc, snapshot.data, origin);
}

/**
 * Rebuilds a board's document from its stored log. A row that Yjs refuses fails the whole
 * load: serving the rest would let the next compaction drop that row for good, while a failed
 * load leaves the data on disk for someone to repair.
 */
export function docFromStored(id: BoardId, stored: StoredBoard): Y.Doc {
  const doc = new Y.Doc();
  const rows: (() => void)[] = stored.updates.map(
    (update) => () => Y.applyUpdate(doc, update, LOAD_ORIGIN),
  );
  const { snapshot } = stored;
  if (snapshot) rows.unshift(() => applySnapshot(doc, snapshot, LOAD_ORIGIN));
  try {
    doc.transact(() => {
      for (const [index, apply] of rows.entries()) {
        try {
          apply();
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
