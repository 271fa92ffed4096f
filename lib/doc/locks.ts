import * as Y from 'yjs';
import { ROOT, WORKSHOP_KEYS, isBlockId, type BlockId } from '../model';
import { readLocks, type WorkshopLocks } from '../model/workshop-locks';
import { ModelError } from './model-error';
import { LOCAL_ORIGIN, type WriteOrigin } from './origins';

/**
 * The facilitator's lock gestures. Each writes the whole locks value in one transaction; the
 * server refuses these writes from anyone but a facilitator (server/sync/update-guard.ts).
 */

/** The facilitator's workshop map (also used by the timer's gestures, lib/doc/timer.ts). */
export function workshopMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap<unknown>(ROOT.workshop);
}

/** The current locks of the board, read leniently (a peer's bad value means unlocked). */
export function readBoardLocks(doc: Y.Doc): WorkshopLocks {
  return readLocks(workshopMap(doc).get(WORKSHOP_KEYS.locks));
}

function writeLocks(doc: Y.Doc, locks: WorkshopLocks, origin: WriteOrigin): void {
  doc.transact(() => {
    workshopMap(doc).set(WORKSHOP_KEYS.locks, { board: locks.board, blocks: [...locks.blocks] });
  }, origin);
}

/** Locks or unlocks the whole board. */
export function setBoardLocked(
  doc: Y.Doc,
  locked: boolean,
  origin: WriteOrigin = LOCAL_ORIGIN,
): void {
  if (typeof locked !== 'boolean') throw new ModelError('a board lock is true or false');
  writeLocks(doc, { ...readBoardLocks(doc), board: locked }, origin);
}

/** Locks or unlocks one block. */
export function setBlockLocked(
  doc: Y.Doc,
  block: BlockId,
  locked: boolean,
  origin: WriteOrigin = LOCAL_ORIGIN,
): void {
  if (!isBlockId(block)) throw new ModelError(`unknown block ${String(block)}`);
  if (typeof locked !== 'boolean') throw new ModelError('a block lock is true or false');
  const current = readBoardLocks(doc);
  const others = current.blocks.filter((b) => b !== block);
  writeLocks(doc, { board: current.board, blocks: locked ? [...others, block] : others }, origin);
}
