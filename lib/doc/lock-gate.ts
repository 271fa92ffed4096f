import * as Y from 'yjs';
import { NOTE_KEYS, type NoteId } from '../model';
import {
  boardFieldRefusal,
  lockRefusal,
  type LockRefusal,
  type NotePlace,
} from '../model/lock-rule';
import { boardRoots } from './board-doc';
import { readBoardLocks } from './locks';
import { ModelError } from './model-error';

/**
 * The browser's side of the facilitator's locks. The server is the judge (its update guard
 * refuses an editor's change to a locked block and closes the connection, and the page then
 * reopens the board from the server's copy); these checks let the page refuse the gesture
 * before it is written, with a message, instead of losing the connection over it. They read
 * the same locks value and call the same rule (lib/model/lock-rule.ts) as the server.
 */

/** A note's place wherever this page holds it (the board, or this person's draft), or null. */
export type NotePlaceLookup = (id: NoteId) => NotePlace | null;

/** A note's place as its Y.Map stores it (also read by the server's guard and the reveal). */
export function notePlaceOf(note: Y.Map<unknown>): NotePlace {
  return {
    x: note.get(NOTE_KEYS.x),
    y: note.get(NOTE_KEYS.y),
    width: note.get(NOTE_KEYS.width),
    height: note.get(NOTE_KEYS.height),
    block: note.get(NOTE_KEYS.block),
  };
}

/** A note's place as a document stores it, or null when the document has no such note. */
export function notePlaceIn(doc: Y.Doc, id: NoteId): NotePlace | null {
  const note = boardRoots(doc).notes.get(id);
  return note instanceof Y.Map ? notePlaceOf(note) : null;
}

/** One note's change: where it is (null: created) and where it will be (null: deleted). */
export type PlaceChange = readonly [before: NotePlace | null, after: NotePlace | null];

/** Why the board's locks refuse these note changes for an editor, or null. */
export function changesRefusal(doc: Y.Doc, changes: readonly PlaceChange[]): LockRefusal | null {
  const locks = readBoardLocks(doc);
  for (const [before, after] of changes) {
    const why = lockRefusal(locks, before, after);
    if (why) return why;
  }
  return null;
}

/** Why the board's locks refuse an editor's change to a board field (the title), or null. */
export function boardFieldChangeRefusal(doc: Y.Doc): LockRefusal | null {
  return boardFieldRefusal(readBoardLocks(doc));
}

/** A gesture the page refused because of a lock (already reported to the person). */
export class LockedError extends ModelError {
  override name = 'LockedError';
}
