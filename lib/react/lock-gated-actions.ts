import type * as Y from 'yjs';
import {
  blockAfterMove,
  isBoardLocked,
  landingBlock,
  newNoteRect,
  LockedError,
  noteBlock,
  touchesLockedBlock,
  type NoteMove,
} from '../doc';
import type { BlockId, NoteId } from '../model';
import type { BoardActions } from './use-board-actions';

/** Why a gesture was refused, for the page's notice. */
export type LockRefusal = 'board' | 'block';

/**
 * An editor's actions with the facilitator's locks applied before anything is written: a
 * gesture that would change a note in a locked block (or move one in or out of it), or
 * anything at all while the board is locked, writes nothing and calls `onRefused`. The
 * server enforces the same rules (server/sync/update-guard.ts); checking first keeps the
 * editor's connection and shows why. Undo and redo are not predicted: an undo that would
 * touch a locked block is refused by the server, and the page reopens the board.
 */
export function lockGatedActions(
  actions: BoardActions,
  doc: Y.Doc,
  onRefused: (why: LockRefusal) => void,
): BoardActions {
  const refused = (blocks: readonly (BlockId | null)[]): boolean => {
    if (isBoardLocked(doc)) onRefused('board');
    else if (touchesLockedBlock(doc, blocks)) onRefused('block');
    else return false;
    return true;
  };
  const blocksOf = (ids: readonly NoteId[]) => ids.map((id) => noteBlock(doc, id));
  const moveBlocks = (moves: readonly NoteMove[]) => [
    ...blocksOf(moves.map((m) => m.id)),
    ...moves.map((m) => blockAfterMove(doc, m.id, m.x, m.y)),
  ];
  return {
    ...actions,
    createNote: (input) =>
      refused([landingBlock(newNoteRect(input))]) ? null : actions.createNote(input),
    moveNotes: (moves) => void (refused(moveBlocks(moves)) || actions.moveNotes(moves)),
    nudgeNotes: (moves) => void (refused(moveBlocks(moves)) || actions.nudgeNotes(moves)),
    resizeNote: (id, rect) =>
      void (refused([noteBlock(doc, id), landingBlock(rect)]) || actions.resizeNote(id, rect)),
    recolorNotes: (ids, color) => void (refused(blocksOf(ids)) || actions.recolorNotes(ids, color)),
    deleteNotes: (ids) => void (refused(blocksOf(ids)) || actions.deleteNotes(ids)),
    // A duplicate lands next to its original, in the same block.
    duplicateNotes: (ids) => (refused(blocksOf(ids)) ? [] : actions.duplicateNotes(ids)),
    bringToFront: (ids) => {
      // Raising is a side effect of a click: on a locked note it is skipped without a word.
      if (!isBoardLocked(doc) && !touchesLockedBlock(doc, blocksOf(ids))) actions.bringToFront(ids);
    },
    renameBoard: (title) => void (refused([]) || actions.renameBoard(title)),
    labelRelationship: (id, patch) =>
      void (refused(blocksOf([id])) || actions.labelRelationship(id, patch)),
    chooseRelationshipType: (id, type) =>
      void (refused(blocksOf([id])) || actions.chooseRelationshipType(id, type)),
    linkNotes: (from, target) => {
      if (refused(blocksOf([from]))) throw new LockedError();
      return actions.linkNotes(from, target);
    },
    unlinkNotes: (from, target) =>
      void (refused(blocksOf([from])) || actions.unlinkNotes(from, target)),
  };
}
