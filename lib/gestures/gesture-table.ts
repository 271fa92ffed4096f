import {
  bringToFront,
  pauseTimer,
  resetTimer,
  setBlockLocked,
  setBoardLocked,
  setTimerDuration,
  startPrivateWriting,
  startTimer,
  chooseRelationshipType,
  createNote,
  deleteNotes,
  duplicateNotes,
  LockedError,
  labelRelationship,
  linkNotes,
  moveNotes,
  newNoteRect,
  recolorNotes,
  resizeNote,
  setBoardTitle,
  unlinkNotes,
  type NewNote,
  type NoteMove,
  type RelationshipPatch,
} from '../doc';
import type { BlockId, LinkKind, NoteColor, NoteId, Rect, RelationshipType } from '../model';
import {
  boardField,
  eachNote,
  gesture,
  newNote,
  oneNote,
  type GestureTarget,
  workshopGesture,
} from './gesture-entry';
import {
  created,
  DUPLICATE_OFFSET,
  duplicated,
  idOf,
  inPlace,
  moved,
  moveId,
  removed,
  resized,
} from './place-changes';

/**
 * Every gesture a person makes on the board, declared once: its model function (lib/doc),
 * what it touches, and how the interface offers it. `BoardActions` (board-gestures.ts) is
 * derived from this table, and so are the policies every entry obeys (viewers refused, locks,
 * the private draft, one undo step each), the keyboard's gesture keys, the help dialog's rows
 * for them and the selection's buttons in the note panel. Adding a gesture is its model
 * function plus one entry here (and its strings in lib/i18n). The order of the entries is the
 * order of the selection's buttons and of their rows in the help dialog.
 */
export const GESTURES = {
  createNote: gesture({
    write: ({ doc, author }: GestureTarget, input: Omit<NewNote, 'author'>): NoteId | null =>
      createNote(doc, { ...input, author }),
    touches: newNote(created, (input: Omit<NewNote, 'author'>) => newNoteRect(input)),
    refused: () => null,
    undo: 'step',
  }),
  moveNotes: gesture({
    write: ({ doc }: GestureTarget, moves: readonly NoteMove[]) => moveNotes(doc, moves),
    touches: eachNote(moveId, moved),
    refused: () => undefined,
    undo: 'step',
  }),
  /** A keyboard nudge: quick repeated nudges merge into one undo step. */
  nudgeNotes: gesture({
    write: ({ doc }: GestureTarget, moves: readonly NoteMove[]) => moveNotes(doc, moves),
    touches: eachNote(moveId, moved),
    refused: () => undefined,
    undo: 'merge',
  }),
  resizeNote: gesture({
    write: ({ doc }: GestureTarget, id: NoteId, rect: Rect) => resizeNote(doc, id, rect),
    touches: oneNote(resized),
    refused: () => undefined,
    undo: 'step',
  }),
  recolorNotes: gesture({
    write: ({ doc }: GestureTarget, ids: readonly NoteId[], color: NoteColor) =>
      recolorNotes(doc, ids, color),
    touches: eachNote<NoteId, [NoteColor]>(idOf, inPlace),
    refused: () => undefined,
    undo: 'step',
  }),
  duplicateNotes: gesture({
    write: ({ doc, author }: GestureTarget, ids: readonly NoteId[]) =>
      duplicateNotes(doc, ids, DUPLICATE_OFFSET, author),
    touches: eachNote(idOf, duplicated),
    refused: () => [],
    join: (copies) => copies.flat(),
    undo: 'step',
    selection: {
      label: 'panel.duplicate',
      help: 'help.action.duplicate',
      key: { keys: ['d'], mod: true },
      button: { testId: 'duplicate-note', icon: 'duplicate' },
      selectsResult: true,
    },
  }),
  bringToFront: gesture({
    write: ({ doc }: GestureTarget, ids: readonly NoteId[]) => bringToFront(doc, ids),
    touches: eachNote(idOf, inPlace),
    refused: () => undefined,
    undo: 'step',
    selection: {
      label: 'panel.bringToFront',
      help: 'help.action.bringToFront',
      // As in tldraw and Excalidraw (there with Shift or Ctrl/Cmd): free on this board.
      key: { keys: [']'] },
      button: { testId: 'bring-to-front', icon: 'bringToFront' },
    },
  }),
  deleteNotes: gesture({
    write: ({ doc }: GestureTarget, ids: readonly NoteId[]) => deleteNotes(doc, ids),
    touches: eachNote(idOf, removed),
    refused: () => undefined,
    undo: 'step',
    selection: {
      label: 'panel.delete',
      help: 'help.action.delete',
      key: { keys: ['Delete', 'Backspace'] },
      button: { testId: 'delete-note', icon: 'delete', danger: true },
    },
  }),
  renameBoard: gesture({
    write: ({ doc }: GestureTarget, title: string) => setBoardTitle(doc, title),
    touches: boardField<[string]>(),
    refused: () => undefined,
    undo: 'step',
  }),
  labelRelationship: gesture({
    write: ({ doc }: GestureTarget, id: NoteId, patch: RelationshipPatch) =>
      labelRelationship(doc, id, patch),
    touches: oneNote<[RelationshipPatch]>(inPlace),
    refused: () => undefined,
    undo: 'step',
  }),
  chooseRelationshipType: gesture({
    write: ({ doc }: GestureTarget, id: NoteId, type: RelationshipType | null) =>
      chooseRelationshipType(doc, id, type),
    touches: oneNote<[RelationshipType | null]>(inPlace),
    refused: () => undefined,
    undo: 'step',
  }),
  /** Links a relationship note to a Channels or Customer Segments note. */
  linkNotes: gesture({
    write: ({ doc }: GestureTarget, from: NoteId, target: NoteId): LinkKind =>
      linkNotes(doc, from, target),
    touches: oneNote<[NoteId]>(inPlace),
    // The caller shows why a link was refused; this refusal has been reported already.
    refused: () => {
      throw new LockedError();
    },
    undo: 'step',
  }),
  unlinkNotes: gesture({
    write: ({ doc }: GestureTarget, from: NoteId, target: NoteId) => unlinkNotes(doc, from, target),
    touches: oneNote<[NoteId]>(inPlace),
    refused: () => undefined,
    undo: 'step',
  }),

  // The facilitator's workshop (lib/doc/timer.ts, locks.ts, private-writing.ts). The reveal,
  // which ends private writing, is the server's (lib/api/reveal.ts).
  setTimerDuration: workshopGesture(({ doc }, durationMs: number) =>
    setTimerDuration(doc, durationMs),
  ),
  startTimer: workshopGesture(({ doc, now }) => startTimer(doc, now())),
  pauseTimer: workshopGesture(({ doc, now }) => pauseTimer(doc, now())),
  resetTimer: workshopGesture(({ doc }) => resetTimer(doc)),
  lockBoard: workshopGesture(({ doc }, locked: boolean) => setBoardLocked(doc, locked)),
  lockBlock: workshopGesture(({ doc }, block: BlockId, locked: boolean) =>
    setBlockLocked(doc, block, locked),
  ),
  startPrivateWriting: workshopGesture(({ doc, now }) => startPrivateWriting(doc, now())),
};
