import type * as Y from 'yjs';
import { NOTE_KEYS, isBlockId, type BlockId, type NoteId } from '../model';
import { isBlockLocked } from '../model/workshop-locks';
import { boardRoots } from './board-doc';
import { readBoardLocks } from './locks';
import { ModelError } from './model-error';
import { landingBlock } from './notes';

/**
 * The browser's side of the facilitator's locks. The server is the judge (its update guard
 * refuses an editor's change to a locked block and closes the connection, and the page then
 * reopens the board from the server's copy); these checks let the page refuse the gesture
 * before it is written, with a message, instead of losing the connection over it.
 * They read the same locks value and the same block rules as the model functions.
 */

/** The block a note is in now, or null when it does not exist. */
export function noteBlock(doc: Y.Doc, id: NoteId): BlockId | null {
  const block = boardRoots(doc).notes.get(id)?.get(NOTE_KEYS.block);
  return isBlockId(block) ? block : null;
}

/** The block a note lands in when its top-left corner moves to (x, y), keeping its size. */
export function blockAfterMove(doc: Y.Doc, id: NoteId, x: number, y: number): BlockId | null {
  const note = boardRoots(doc).notes.get(id);
  if (!note) return null;
  const width = note.get(NOTE_KEYS.width);
  const height = note.get(NOTE_KEYS.height);
  if (typeof width !== 'number' || typeof height !== 'number') return null;
  return landingBlock({ x, y, width, height });
}

/** True when any of `blocks` is locked against editors (the board lock locks them all). */
export function touchesLockedBlock(doc: Y.Doc, blocks: readonly (BlockId | null)[]): boolean {
  const locks = readBoardLocks(doc);
  return blocks.some((block) => block !== null && isBlockLocked(locks, block));
}

/** True when the board-wide lock is on (editors change nothing, not even the title). */
export function isBoardLocked(doc: Y.Doc): boolean {
  return readBoardLocks(doc).board;
}

/** A gesture the page refused because of a lock (already reported to the person). */
export class LockedError extends ModelError {
  override name = 'LockedError';
}
