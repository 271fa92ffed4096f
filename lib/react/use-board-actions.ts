'use client';
import { useMemo } from 'react';
import {
  bringToFront,
  createNote,
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
import type { NoteColor, NoteId, Point, Rect } from '../model';
import type { BoardConnection } from '../sync';

/** Offset of a duplicate from its original, in board units: visibly apart, still close. */
export const DUPLICATE_OFFSET: Point = { x: 24, y: 24 };

/**
 * The board's model functions bound to one open board and its author, so components call
 * `actions.moveNotes(moves)` and never see the document. Undo and redo act on this user's
 * own gestures only (lib/doc/undo.ts).
 */
export interface BoardActions {
  createNote(input: Omit<NewNote, 'author'>): NoteId;
  moveNotes(moves: readonly NoteMove[]): void;
  resizeNote(id: NoteId, rect: Rect): void;
  recolorNotes(ids: readonly NoteId[], color: NoteColor): void;
  deleteNotes(ids: readonly NoteId[]): void;
  duplicateNotes(ids: readonly NoteId[]): NoteId[];
  bringToFront(ids: readonly NoteId[]): void;
  renameBoard(title: string): void;
  undo(): void;
  redo(): void;
  /** The shared rich text of a note, for the editor to bind to (opaque to components). */
  noteText(id: NoteId): ReturnType<typeof noteTextFragment>;
}

export function useBoardActions(
  connection: BoardConnection | null,
  author: string,
): BoardActions | null {
  return useMemo(() => {
    if (!connection) return null;
    const { doc, undoManager } = connection;
    return {
      createNote: (input) => createNote(doc, { ...input, author }),
      moveNotes: (moves) => moveNotes(doc, moves),
      resizeNote: (id, rect) => resizeNote(doc, id, rect),
      recolorNotes: (ids, color) => recolorNotes(doc, ids, color),
      deleteNotes: (ids) => deleteNotes(doc, ids),
      duplicateNotes: (ids) => duplicateNotes(doc, ids, DUPLICATE_OFFSET, author),
      bringToFront: (ids) => bringToFront(doc, ids),
      renameBoard: (title) => setBoardTitle(doc, title),
      undo: () => {
        // Close the capture window so a quick undo right after a gesture undoes just it.
        undoManager.stopCapturing();
        undoManager.undo();
      },
      redo: () => undoManager.redo(),
      noteText: (id) => noteTextFragment(doc, id),
    };
  }, [connection, author]);
}
