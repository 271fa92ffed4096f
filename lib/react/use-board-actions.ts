'use client';
import { useMemo } from 'react';
import {
  bringToFront,
  chooseRelationshipType,
  createNote,
  labelRelationship,
  linkNotes,
  unlinkNotes,
  type RelationshipPatch,
  deleteNotes,
  duplicateNotes,
  moveNotes,
  noteTextFragment,
  recolorNotes,
  resizeNote,
  setBoardTitle,
  type NewNote,
  type NoteMove,
} from '../doc';
import type { LinkKind, NoteColor, NoteId, Point, Rect, RelationshipType } from '../model';
import type { BoardConnection } from '../sync';

/** Offset of a duplicate from its original, in board units: visibly apart, still close. */
export const DUPLICATE_OFFSET: Point = { x: 24, y: 24 };

/**
 * The board's model functions bound to one open board and its author, so components call
 * `actions.moveNotes(moves)` and never see the document. Undo and redo act on this user's
 * own gestures and typing only (lib/doc/undo.ts).
 */
export interface BoardActions {
  /** The new note's id, or null when a lock refused it (lock-gated-actions.ts). */
  createNote(input: Omit<NewNote, 'author'>): NoteId | null;
  moveNotes(moves: readonly NoteMove[]): void;
  /** A keyboard nudge: quick repeated nudges merge into one undo step. */
  nudgeNotes(moves: readonly NoteMove[]): void;
  resizeNote(id: NoteId, rect: Rect): void;
  recolorNotes(ids: readonly NoteId[], color: NoteColor): void;
  deleteNotes(ids: readonly NoteId[]): void;
  duplicateNotes(ids: readonly NoteId[]): NoteId[];
  bringToFront(ids: readonly NoteId[]): void;
  renameBoard(title: string): void;
  labelRelationship(id: NoteId, patch: RelationshipPatch): void;
  chooseRelationshipType(id: NoteId, type: RelationshipType | null): void;
  /** Links a relationship note to a Channels or Customer Segments note. */
  linkNotes(from: NoteId, target: NoteId): LinkKind;
  unlinkNotes(from: NoteId, target: NoteId): void;
  undo(): void;
  redo(): void;
  /**
   * A note's editor opened: what is typed now is a step of its own, apart from the gesture
   * that opened it (a new note's creation), and is undone by undo() like any gesture.
   */
  startTyping(id: NoteId): void;
  /** The shared rich text of a note, for the editor to bind to (opaque to components). */
  noteText(id: NoteId): ReturnType<typeof noteTextFragment>;
}

export function useBoardActions(
  connection: BoardConnection | null,
  author: string,
): BoardActions | null {
  return useMemo(
    () => (connection ? boardActionsFor(connection, author) : null),
    [connection, author],
  );
}

/** The actions of one open board for one author (outside React: tests, the lock gate). */
export function boardActionsFor(
  connection: Pick<BoardConnection, 'doc' | 'undoManager'>,
  author: string,
): BoardActions {
  const { doc, undoManager } = connection;
  // Each gesture is its own undo step, however quickly it follows the previous one (a
  // fast user, or a test, would otherwise see "create" and "delete" merged into nothing).
  // Only nudges skip this, so holding an arrow key is undone in one step.
  const gesture =
    <A extends unknown[], R>(write: (...args: A) => R) =>
    (...args: A): R => {
      undoManager.stopCapturing();
      return write(...args);
    };
  return {
    createNote: gesture((input) => createNote(doc, { ...input, author })),
    moveNotes: gesture((moves) => moveNotes(doc, moves)),
    nudgeNotes: (moves) => moveNotes(doc, moves),
    resizeNote: gesture((id, rect) => resizeNote(doc, id, rect)),
    recolorNotes: gesture((ids, color) => recolorNotes(doc, ids, color)),
    deleteNotes: gesture((ids) => deleteNotes(doc, ids)),
    duplicateNotes: gesture((ids) => duplicateNotes(doc, ids, DUPLICATE_OFFSET, author)),
    bringToFront: gesture((ids) => bringToFront(doc, ids)),
    renameBoard: gesture((title) => setBoardTitle(doc, title)),
    labelRelationship: gesture((id, patch) => labelRelationship(doc, id, patch)),
    chooseRelationshipType: gesture((id, type) => chooseRelationshipType(doc, id, type)),
    linkNotes: gesture((from, target) => linkNotes(doc, from, target)),
    unlinkNotes: gesture((from, target) => unlinkNotes(doc, from, target)),
    undo: () => {
      undoManager.stopCapturing();
      undoManager.undo();
    },
    redo: () => undoManager.redo(),
    startTyping: () => undoManager.stopCapturing(),
    noteText: (id) => noteTextFragment(doc, id),
  };
}
