import type * as Y from 'yjs';
import { createNote, labelRelationship, linkNotes, SERVER_ORIGIN } from '../doc';
import {
  BLOCK_RECTS,
  DEFAULT_NOTE_HEIGHT,
  DEFAULT_NOTE_WIDTH,
  type BlockId,
  type NoteId,
  type Point,
} from '../model';
import type { Locale } from '../i18n/locale';
import { EXAMPLE_NOTES, EXAMPLE_TITLE } from './example-content';

/** Space between notes and from the block's edges (the title takes the top band). */
const GAP = 16;
const TITLE_BAND = 48;

/** Where the n-th note of a block goes: a grid filling the block row by row. */
export function gridSlot(block: BlockId, index: number): Point {
  const rect = BLOCK_RECTS[block];
  const columns = Math.max(1, Math.floor((rect.width - GAP) / (DEFAULT_NOTE_WIDTH + GAP)));
  const column = index % columns;
  const row = Math.floor(index / columns);
  return {
    x: rect.x + GAP + column * (DEFAULT_NOTE_WIDTH + GAP),
    y: rect.y + TITLE_BAND + row * (DEFAULT_NOTE_HEIGHT + GAP),
  };
}

export function exampleTitle(locale: Locale): string {
  return EXAMPLE_TITLE[locale];
}

/**
 * Writes the example into a fresh board document: every note, its labels and links. Text is
 * in the chosen language; ids are new, so each example board is independent.
 */
export function writeExampleBoard(doc: Y.Doc, locale: Locale, author = 'Lienzo'): void {
  const ids = new Map<string, NoteId>();
  const perBlock = new Map<BlockId, number>();
  doc.transact(() => {
    for (const note of EXAMPLE_NOTES) {
      const index = perBlock.get(note.block) ?? 0;
      perBlock.set(note.block, index + 1);
      const at = gridSlot(note.block, index);
      const id = createNote(
        doc,
        { ...at, color: note.color, author, text: note.text[locale] },
        SERVER_ORIGIN,
      );
      ids.set(note.key, id);
    }
    for (const note of EXAMPLE_NOTES) {
      const id = ids.get(note.key)!;
      if (note.relationship) labelRelationship(doc, id, note.relationship);
      for (const target of [...(note.channels ?? []), ...(note.segments ?? [])])
        linkNotes(doc, id, ids.get(target)!);
    }
  }, SERVER_ORIGIN);
}
