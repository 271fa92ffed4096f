import type * as Y from 'yjs';
import {
  boardFieldChangeRefusal,
  changesRefusal,
  landingPlace,
  newNoteRect,
  LockedError,
  notePlaceIn,
  type NoteMove,
  type NotePlaceLookup,
  type PlaceChange,
} from '../doc';
import type { NoteId, Rect } from '../model';
import type { LockRefusal, NotePlace } from '../model/lock-rule';
import { DUPLICATE_OFFSET, type BoardActions } from './use-board-actions';

export type { LockRefusal };

const isNumber = (value: unknown): value is number => typeof value === 'number';

/** Where a note lands with its corner at (x, y), keeping its size (null: no usable size). */
function shifted(place: NotePlace | null, x: number, y: number): NotePlace | null {
  if (!place || !isNumber(place.width) || !isNumber(place.height)) return null;
  return landingPlace({ x, y, width: place.width, height: place.height });
}

/**
 * An editor's actions with the facilitator's locks applied before anything is written: a
 * gesture that would change a note in a locked block (or move one in or out of it), or
 * anything at all while the board is locked, writes nothing and calls `onRefused`. Each
 * gesture is judged by the places of the notes it changes, before and after, with the rule
 * the server applies (lib/model/lock-rule.ts); `noteAt` finds a note wherever the page holds
 * it, this person's private draft included. Checking first keeps the editor's connection and
 * shows why. Undo and redo are not predicted: an undo that would touch a locked block is
 * refused by the server, and the page reopens the board.
 */
export function lockGatedActions(
  actions: BoardActions,
  doc: Y.Doc,
  onRefused: (why: LockRefusal) => void,
  noteAt: NotePlaceLookup = (id) => notePlaceIn(doc, id),
): BoardActions {
  const report = (why: LockRefusal | null): boolean => {
    if (why) onRefused(why);
    return why !== null;
  };
  const refused = (changes: readonly PlaceChange[]) => report(changesRefusal(doc, changes));
  /** Changes that leave each note where it is (text, colour, labels, links). */
  const inPlace = (ids: readonly NoteId[]): PlaceChange[] =>
    ids.map((id) => [noteAt(id), noteAt(id)]);
  const moved = (moves: readonly NoteMove[]): PlaceChange[] =>
    moves.map(({ id, x, y }) => {
      const before = noteAt(id);
      return [before, shifted(before, x, y)];
    });
  const resized = (id: NoteId, rect: Rect): PlaceChange[] => [[noteAt(id), landingPlace(rect)]];
  // A duplicate lands next to its original, perhaps across a block's edge.
  const duplicated = (ids: readonly NoteId[]): PlaceChange[] =>
    ids.map((id) => {
      const place = noteAt(id);
      const fits = place && isNumber(place.x) && isNumber(place.y);
      return [
        null,
        fits ? shifted(place, place.x + DUPLICATE_OFFSET.x, place.y + DUPLICATE_OFFSET.y) : null,
      ];
    });
  return {
    ...actions,
    createNote: (input) =>
      refused([[null, landingPlace(newNoteRect(input))]]) ? null : actions.createNote(input),
    moveNotes: (moves) => void (refused(moved(moves)) || actions.moveNotes(moves)),
    nudgeNotes: (moves) => void (refused(moved(moves)) || actions.nudgeNotes(moves)),
    resizeNote: (id, rect) => void (refused(resized(id, rect)) || actions.resizeNote(id, rect)),
    recolorNotes: (ids, color) => void (refused(inPlace(ids)) || actions.recolorNotes(ids, color)),
    deleteNotes: (ids) =>
      void (refused(ids.map((id) => [noteAt(id), null])) || actions.deleteNotes(ids)),
    duplicateNotes: (ids) => (refused(duplicated(ids)) ? [] : actions.duplicateNotes(ids)),
    bringToFront: (ids) => {
      // Raising is a side effect of a click: on a locked note it is skipped without a word.
      if (!changesRefusal(doc, inPlace(ids))) actions.bringToFront(ids);
    },
    renameBoard: (title) =>
      void (report(boardFieldChangeRefusal(doc)) || actions.renameBoard(title)),
    labelRelationship: (id, patch) =>
      void (refused(inPlace([id])) || actions.labelRelationship(id, patch)),
    chooseRelationshipType: (id, type) =>
      void (refused(inPlace([id])) || actions.chooseRelationshipType(id, type)),
    linkNotes: (from, target) => {
      if (refused(inPlace([from]))) throw new LockedError();
      return actions.linkNotes(from, target);
    },
    unlinkNotes: (from, target) =>
      void (refused(inPlace([from])) || actions.unlinkNotes(from, target)),
  };
}
