import * as Y from 'yjs';
import { WORKSHOP_KEYS } from '../model';
import { lockRefusal } from '../model/lock-rule';
import { notePlaceOf } from './lock-gate';
import {
  PRIVATE_WRITING_OFF,
  readPrivateWriting,
  type PrivateWriting,
} from '../model/private-writing';
import { boardRoots } from './board-doc';
import { readBoardLocks, workshopMap } from './locks';
import { LOCAL_ORIGIN, SERVER_ORIGIN } from './origins';
import { insertNoteCopy } from './restore';

export function readBoardPrivateWriting(doc: Y.Doc): PrivateWriting {
  return readPrivateWriting(workshopMap(doc).get(WORKSHOP_KEYS.privateWriting));
}

/** The facilitator starts private writing (one transaction; the server refuses anyone else). */
export function startPrivateWriting(doc: Y.Doc, now: number = Date.now()): void {
  doc.transact(() => {
    workshopMap(doc).set(WORKSHOP_KEYS.privateWriting, { on: true, since: now });
  }, LOCAL_ORIGIN);
}

/** What a reveal did: notes copied onto the board, and notes kept in their drafts. */
export interface RevealResult {
  revealed: number;
  /** In a block locked at the reveal (or under the board lock): left in their draft. */
  held: number;
}

/**
 * The reveal, on the server: every private draft's notes are copied onto the board, and
 * private writing ends, in ONE board transaction (everyone sees all the notes appear at
 * once); then the revealed notes leave their drafts. A note already on the board (a reveal
 * interrupted after the board was written) is not copied twice.
 *
 * The reveal places nothing where an editor could not: a note in a block locked at that
 * moment (every note, under the board lock) stays in its draft, whoever wrote it, and is
 * counted as held. It is not lost: its writer sees it again when private writing is next
 * on, and the next reveal after the unlock places it.
 */
export function revealPrivateNotes(board: Y.Doc, drafts: readonly Y.Doc[]): RevealResult {
  const { notes } = boardRoots(board);
  const locks = readBoardLocks(board);
  const result: RevealResult = { revealed: 0, held: 0 };
  const moved = new Map<Y.Doc, string[]>();
  board.transact(() => {
    for (const draft of drafts) {
      const ids: string[] = [];
      moved.set(draft, ids);
      boardRoots(draft).notes.forEach((source, id) => {
        if (!(source instanceof Y.Map)) return;
        if (lockRefusal(locks, null, notePlaceOf(source))) {
          result.held++;
          return;
        }
        ids.push(id);
        if (notes.has(id)) return;
        insertNoteCopy(notes, id, source);
        result.revealed++;
      });
    }
    workshopMap(board).set(WORKSHOP_KEYS.privateWriting, { ...PRIVATE_WRITING_OFF });
  }, SERVER_ORIGIN);
  for (const [draft, ids] of moved) {
    const draftNotes = boardRoots(draft).notes;
    if (ids.length === 0) continue;
    draft.transact(() => {
      for (const id of ids) draftNotes.delete(id);
    }, SERVER_ORIGIN);
  }
  return result;
}
