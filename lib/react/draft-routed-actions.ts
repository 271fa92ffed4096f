import type * as Y from 'yjs';
import { boardRoots } from '../doc';
import type { NoteId } from '../model';
import type { BoardActions } from './use-board-actions';

/**
 * The page's actions while private writing is on: new notes go to this person's private
 * draft, and every gesture on a note goes to the document that holds it (a selection may mix
 * board and draft notes, so lists are split). The title stays the board's. Undo and redo take
 * back this person's draft gestures first (what they are writing now), then the board's.
 */
export function draftRoutedActions(
  board: BoardActions,
  draft: BoardActions,
  { doc: draftDoc, undoManager: draftUndo }: { doc: Y.Doc; undoManager: Y.UndoManager },
): BoardActions {
  const inDraft = (id: NoteId) => boardRoots(draftDoc).notes.has(id);
  const of = (id: NoteId) => (inDraft(id) ? draft : board);
  /** Calls `run` once per document with that document's share of `items`. */
  const split = <T>(
    items: readonly T[],
    idOf: (item: T) => NoteId,
    run: (a: BoardActions, part: T[]) => void,
  ) => {
    const drafts = items.filter((item) => inDraft(idOf(item)));
    const rest = items.filter((item) => !inDraft(idOf(item)));
    if (drafts.length > 0) run(draft, drafts);
    if (rest.length > 0) run(board, rest);
  };
  const self = (id: NoteId) => id;
  return {
    ...board,
    createNote: (input) => draft.createNote(input),
    moveNotes: (moves) =>
      split(
        moves,
        (m) => m.id,
        (a, part) => a.moveNotes(part),
      ),
    nudgeNotes: (moves) =>
      split(
        moves,
        (m) => m.id,
        (a, part) => a.nudgeNotes(part),
      ),
    resizeNote: (id, rect) => of(id).resizeNote(id, rect),
    recolorNotes: (ids, color) => split(ids, self, (a, part) => a.recolorNotes(part, color)),
    deleteNotes: (ids) => split(ids, self, (a, part) => a.deleteNotes(part)),
    duplicateNotes: (ids) => {
      const copies: NoteId[] = [];
      split(ids, self, (a, part) => copies.push(...a.duplicateNotes(part)));
      return copies;
    },
    bringToFront: (ids) => split(ids, self, (a, part) => a.bringToFront(part)),
    labelRelationship: (id, patch) => of(id).labelRelationship(id, patch),
    chooseRelationshipType: (id, type) => of(id).chooseRelationshipType(id, type),
    linkNotes: (from, target) => of(from).linkNotes(from, target),
    unlinkNotes: (from, target) => of(from).unlinkNotes(from, target),
    noteText: (id) => of(id).noteText(id),
    startTyping: (id) => of(id).startTyping(id),
    undo: () => (draftUndo.canUndo() ? draft.undo() : board.undo()),
    redo: () => (draftUndo.canRedo() ? draft.redo() : board.redo()),
  };
}
