import { noteRect, rectsIntersect, type NoteId, type NoteRecord, type Rect } from '../model';

/** Notes touched by a selection rectangle (board units). */
export function notesInRect(notes: readonly NoteRecord[], rect: Rect): NoteId[] {
  return notes.filter((note) => rectsIntersect(noteRect(note), rect)).map((note) => note.id);
}

/**
 * Reading order for keyboard users (Tab / Shift+Tab): block by block in the canvas's order,
 * then top to bottom, left to right, so the order does not depend on who drew last.
 */
export function readingOrder(
  notes: readonly NoteRecord[],
  blockOrder: readonly string[],
): NoteRecord[] {
  const blockIndex = new Map(blockOrder.map((block, index) => [block, index]));
  return [...notes].sort(
    (a, b) =>
      (blockIndex.get(a.block) ?? 0) - (blockIndex.get(b.block) ?? 0) ||
      a.y - b.y ||
      a.x - b.x ||
      (a.id < b.id ? -1 : 1),
  );
}

/** The note after (or before) `current` in reading order, wrapping around; null when empty. */
export function stepThroughNotes(
  ordered: readonly NoteRecord[],
  current: NoteId | undefined,
  backwards: boolean,
): NoteId | null {
  if (ordered.length === 0) return null;
  const index = current ? ordered.findIndex((n) => n.id === current) : -1;
  const step = backwards ? -1 : 1;
  const start = index === -1 ? (backwards ? 0 : -1) : index;
  const next = (start + step + ordered.length) % ordered.length;
  return ordered[next]!.id;
}
