import * as Y from 'yjs';
import { WORKSHOP_KEYS } from '../model';
import {
  PRIVATE_WRITING_OFF,
  readPrivateWriting,
  type PrivateWriting,
} from '../model/private-writing';
import { boardRoots } from './board-doc';
import { workshopMap } from './locks';
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

/**
 * The reveal, on the server: every private draft's notes are copied onto the board, and
 * private writing ends, in ONE board transaction (everyone sees all the notes appear at
 * once); then each draft is emptied. A note already on the board (a reveal interrupted after
 * the board was written) is not copied twice. Returns how many notes were revealed.
 */
export function revealPrivateNotes(board: Y.Doc, drafts: readonly Y.Doc[]): number {
  const { notes } = boardRoots(board);
  let revealed = 0;
  board.transact(() => {
    for (const draft of drafts)
      boardRoots(draft).notes.forEach((source, id) => {
        if (!(source instanceof Y.Map) || notes.has(id)) return;
        insertNoteCopy(notes, id, source);
        revealed++;
      });
    workshopMap(board).set(WORKSHOP_KEYS.privateWriting, { ...PRIVATE_WRITING_OFF });
  }, SERVER_ORIGIN);
  for (const draft of drafts) {
    const draftNotes = boardRoots(draft).notes;
    draft.transact(() => {
      for (const id of [...draftNotes.keys()]) draftNotes.delete(id);
    }, SERVER_ORIGIN);
  }
  return revealed;
}
