import type * as Y from 'yjs';
import { boardRoots, createNote, moveNotes } from '../../lib/doc';
import {
  BOARD_HEIGHT,
  BOARD_WIDTH,
  DEFAULT_NOTE_HEIGHT,
  DEFAULT_NOTE_WIDTH,
  NOTE_KEYS,
  type NoteId,
  type Point,
} from '../../lib/model';

/** The author written on every seeded note. */
const SEED_AUTHOR = 'bench';

/**
 * Adds `count` notes, one createNote (one transaction, one update) each, as people add notes
 * one at a time. Notes are spread over the whole canvas, each with a short text.
 */
export function seedNotes(doc: Y.Doc, count: number, firstIndex = 0): NoteId[] {
  const ids: NoteId[] = [];
  for (let i = firstIndex; i < firstIndex + count; i++) {
    ids.push(
      createNote(doc, {
        x: (i * 37) % (BOARD_WIDTH - DEFAULT_NOTE_WIDTH),
        y: (i * 53) % (BOARD_HEIGHT - DEFAULT_NOTE_HEIGHT),
        author: SEED_AUTHOR,
        text: `Idea ${i}`,
      }),
    );
  }
  return ids;
}

export function noteIds(doc: Y.Doc): NoteId[] {
  return [...boardRoots(doc).notes.keys()] as NoteId[];
}

export function noteCount(doc: Y.Doc): number {
  return boardRoots(doc).notes.size;
}

/** The note's stored top-left corner, or null when the doc does not have the note (yet). */
export function notePosition(doc: Y.Doc, id: NoteId): Point | null {
  const note = boardRoots(doc).notes.get(id);
  if (!note) return null;
  return { x: note.get(NOTE_KEYS.x) as number, y: note.get(NOTE_KEYS.y) as number };
}

/** Canvas steps (board units) of each benchmark drag: never a multiple of the ranges below. */
const DRAG_STEP = { x: 53, y: 31 } as const;

/**
 * Drags a note (one moveNotes: one drag end) to `to`, or a step away when `to` is omitted or
 * is where the note already is, and returns where it landed as stored (clamped, rounded).
 * The position always changes, so every drag is an update.
 */
export function dragNote(doc: Y.Doc, id: NoteId, to?: Point): Point {
  const from = notePosition(doc, id);
  if (!from) throw new Error(`no note ${id} to move`);
  const target =
    to && (to.x !== from.x || to.y !== from.y)
      ? to
      : {
          x: (from.x + DRAG_STEP.x) % (BOARD_WIDTH - DEFAULT_NOTE_WIDTH),
          y: (from.y + DRAG_STEP.y) % (BOARD_HEIGHT - DEFAULT_NOTE_HEIGHT),
        };
  moveNotes(doc, [{ id, ...target }]);
  const landed = notePosition(doc, id)!;
  if (landed.x === from.x && landed.y === from.y)
    throw new Error(`moving ${id} to ${target.x},${target.y} did not change it`);
  return landed;
}
