import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  BLOCK_RECTS,
  BOARD_HEIGHT,
  BOARD_WIDTH,
  DEFAULT_NOTE_COLOR,
  DEFAULT_NOTE_HEIGHT,
  DEFAULT_NOTE_WIDTH,
  DEFAULT_TITLE,
  MAX_AUTHOR_LENGTH,
  MAX_NOTE_SIZE,
  MIN_NOTE_SIZE,
  NOTE_KEYS,
  blockOfRect,
  newNoteId,
  type NoteColor,
  type NoteId,
} from '../model';
import { readMeta } from './board-doc';
import {
  ModelError,
  bringToFront,
  createNote,
  deleteNotes,
  duplicateNotes,
  moveNotes,
  noteTextFragment,
  recolorNotes,
  resizeNote,
  setBoardTitle,
} from './notes';
import { plainTextToParagraphs } from './note-text';
import { readBoard } from './read-board';
import {
  RICH_TEXT_PLAIN,
  boardWithNotes,
  newBoard,
  recordTransactions,
  richTextContent,
  typeInto,
} from './test-support';

function note(doc: Y.Doc, id: NoteId) {
  const record = readBoard(doc).notes.get(id);
  if (!record) throw new Error(`note ${id} is not on the board`);
  return record;
}

/** The highest top-left corner that keeps a default-sized note on the canvas. */
const MAX_X = BOARD_WIDTH - DEFAULT_NOTE_WIDTH;
const MAX_Y = BOARD_HEIGHT - DEFAULT_NOTE_HEIGHT;

function noteMap(doc: Y.Doc, id: NoteId): Y.Map<unknown> {
  return doc.getMap<Y.Map<unknown>>('notes').get(id)!;
}

describe('createNote', () => {
  it('writes a note with defaults, its text as paragraphs, on top of the others', () => {
    const { doc, partner } = boardWithNotes();
    const before = Date.now();
    const id = createNote(doc, { x: 1700, y: 200, author: '  Marta  ', text: 'Pymes\nAutónomos' });
    expect(id).toMatch(/^note_/);
    const record = note(doc, id);
    expect(record).toMatchObject({
      block: 'customerSegments',
      x: 1700,
      y: 200,
      width: DEFAULT_NOTE_WIDTH,
      height: DEFAULT_NOTE_HEIGHT,
      color: DEFAULT_NOTE_COLOR,
      author: 'Marta',
      text: 'Pymes\nAutónomos',
    });
    expect(record.createdAt).toBeGreaterThanOrEqual(before);
    expect(record.createdAt).toBeLessThanOrEqual(Date.now());
    expect(record.z).toBeGreaterThan(note(doc, partner).z);
    expect(noteTextFragment(doc, id)?.toString()).toBe(
      '<paragraph>Pymes</paragraph><paragraph>Autónomos</paragraph>',
    );
  });

  it('puts the note in the block under its centre, not under its corner', () => {
    const doc = newBoard();
    // Top-left in key partners (x < 400), centre at x = 430 in key activities.
    const id = createNote(doc, { x: 350, y: 20, author: 'Ana' });
    expect(note(doc, id).block).toBe('keyActivities');
  });

  it.each([
    ['left and above', -500, -500, 0, 0],
    ['right and below', 5000, 5000, MAX_X, MAX_Y],
    ['infinitely far', Number.POSITIVE_INFINITY, 10, MAX_X, 10],
  ])('clamps a note placed %s inside the canvas', (_label, x, y, expectedX, expectedY) => {
    const doc = newBoard();
    const record = note(doc, createNote(doc, { x, y, author: 'Ana' }));
    expect([record.x, record.y]).toEqual([expectedX, expectedY]);
    expect(record.block).toBe(blockOfRect(record));
  });

  it('rounds positions, clamps sizes and truncates a long author name', () => {
    const doc = newBoard();
    const input = { x: 10.4, y: 20.6, width: 5000, height: 1, author: 'n'.repeat(200) };
    const record = note(doc, createNote(doc, input));
    expect(record).toMatchObject({ x: 10, y: 21, width: MAX_NOTE_SIZE, height: MIN_NOTE_SIZE });
    expect(record.author).toHaveLength(MAX_AUTHOR_LENGTH);
  });

  it('refuses an unknown colour or a position that is not a number, writing nothing', () => {
    const doc = newBoard();
    const log = recordTransactions(doc);
    const neon = 'neon' as NoteColor;
    expect(() => createNote(doc, { x: 0, y: 0, author: 'A', color: neon })).toThrow(ModelError);
    expect(() => createNote(doc, { x: Number.NaN, y: 0, author: 'A' })).toThrow(ModelError);
    expect(log.updates).toBe(0);
    expect(readBoard(doc).notes.size).toBe(0);
  });
});

describe('moveNotes', () => {
  it('moves every note of a selection and updates their blocks', () => {
    const { doc, partner, channel } = boardWithNotes();
    expect(note(doc, partner).block).toBe('keyPartners');
    const segments = BLOCK_RECTS.customerSegments;
    moveNotes(doc, [
      { id: partner, x: segments.x + 20, y: 40 },
      { id: channel, x: 1250, y: 100 },
    ]);
    expect(note(doc, partner)).toMatchObject({
      x: segments.x + 20,
      y: 40,
      block: 'customerSegments',
    });
    expect(note(doc, channel)).toMatchObject({ y: 100, block: 'customerRelationships' });
  });

  it('keeps a dragged note inside the canvas', () => {
    const { doc, partner } = boardWithNotes();
    moveNotes(doc, [{ id: partner, x: 99_999, y: -99_999 }]);
    expect(note(doc, partner)).toMatchObject({ x: MAX_X, y: 0, block: 'customerSegments' });
  });

  it('refuses a missing note and moves none of the selection', () => {
    const { doc, partner } = boardWithNotes();
    const log = recordTransactions(doc);
    expect(() =>
      moveNotes(doc, [
        { id: partner, x: 1700, y: 10 },
        { id: newNoteId(), x: 0, y: 0 },
      ]),
    ).toThrow(ModelError);
    expect(note(doc, partner).x).toBe(100);
    expect(log.updates).toBe(0);
  });

  it('writes nothing for a move that does not change anything', () => {
    const { doc, partner } = boardWithNotes();
    const log = recordTransactions(doc);
    moveNotes(doc, [{ id: partner, x: 100, y: 100 }]);
    expect(log.updates).toBe(0);
    expect(note(doc, partner).x).toBe(100);
  });

  it('writes the five geometry keys together, so concurrent edits cannot mix them', () => {
    const { doc, partner } = boardWithNotes();
    const changed: string[] = [];
    noteMap(doc, partner).observe((event) => changed.push(...event.keysChanged));
    moveNotes(doc, [{ id: partner, x: 120, y: 100 }]);
    expect(changed.sort()).toEqual(['block', 'height', 'width', 'x', 'y']);
  });
});

describe('resizeNote', () => {
  it('sets the rectangle, clamped, and the block of its new centre', () => {
    const { doc, partner } = boardWithNotes();
    resizeNote(doc, partner, { x: 300, y: 100, width: 300, height: 2000 });
    const record = note(doc, partner);
    expect(record).toMatchObject({ x: 300, width: 300, height: MAX_NOTE_SIZE });
    expect(record.block).toBe('keyActivities');
    expect(record.block).toBe(blockOfRect(record));
  });
});

describe('recolorNotes', () => {
  it('recolours every note of a selection', () => {
    const { doc, partner, channel } = boardWithNotes();
    recolorNotes(doc, [partner, channel], 'pink');
    expect([note(doc, partner).color, note(doc, channel).color]).toEqual(['pink', 'pink']);
  });

  it('refuses an unknown colour with a ModelError and writes nothing', () => {
    const { doc, partner } = boardWithNotes();
    const log = recordTransactions(doc);
    expect(() => recolorNotes(doc, [partner], 'neon' as NoteColor)).toThrow(ModelError);
    expect(() => recolorNotes(doc, [partner], '#ff0000' as NoteColor)).toThrow(ModelError);
    expect(log.origins).toEqual([]);
    expect(note(doc, partner).color).toBe(DEFAULT_NOTE_COLOR);
  });
});

describe('deleteNotes', () => {
  it('deletes notes and skips ids already gone', () => {
    const { doc, partner, channel } = boardWithNotes();
    deleteNotes(doc, [partner]);
    expect(() => deleteNotes(doc, [partner, channel, newNoteId()])).not.toThrow();
    expect(readBoard(doc).notes.size).toBe(0);
  });
});

describe('duplicateNotes', () => {
  it('copies geometry, colour and rich text into a separate fragment, on top', () => {
    const { doc, partner, channel } = boardWithNotes();
    const source = noteTextFragment(doc, channel)!;
    typeInto(source, richTextContent());
    const [copy] = duplicateNotes(doc, [channel], { x: 20, y: 20 }, 'Marta');
    const original = note(doc, channel);
    const duplicate = note(doc, copy!);
    expect(duplicate).toMatchObject({
      x: original.x + 20,
      y: original.y + 20,
      width: original.width,
      color: 'blue',
      author: 'Marta',
      text: RICH_TEXT_PLAIN,
    });
    expect(duplicate.z).toBeGreaterThan(Math.max(original.z, note(doc, partner).z));
    const copied = noteTextFragment(doc, copy!)!;
    expect(copied).not.toBe(source);
    expect(copied.toString()).toBe(source.toString());
    expect(copied.toString()).toContain('<bold>world</bold>');
    expect(copied.toString()).toContain('<bulletlist>');

    typeInto(source, plainTextToParagraphs('Changed'));
    expect(note(doc, channel).text).toBe(`${RICH_TEXT_PLAIN}\nChanged`);
    expect(note(doc, copy!).text).toBe(RICH_TEXT_PLAIN);
  });

  it('stacks several copies in the order given and returns their ids', () => {
    const { doc, partner, channel } = boardWithNotes();
    const copies = duplicateNotes(doc, [partner, channel], { x: 10, y: 10 }, 'Ana');
    expect(copies).toHaveLength(2);
    const [first, second] = copies.map((id) => note(doc, id));
    expect(first!.text).toBe('Bank');
    expect(second!.z).toBe(first!.z + 1);
  });

  it('refuses a source with a colour a peer broke, before copying any note', () => {
    const { doc, partner, channel } = boardWithNotes();
    noteMap(doc, channel).set(NOTE_KEYS.color, 'neon');
    const log = recordTransactions(doc);
    expect(() => duplicateNotes(doc, [partner, channel], { x: 5, y: 5 }, 'A')).toThrow(ModelError);
    expect(log.updates).toBe(0);
    expect(doc.getMap('notes').size).toBe(2);
  });
});

describe('bringToFront', () => {
  it('puts notes above all others, keeping their order among themselves', () => {
    const { doc, partner, channel } = boardWithNotes();
    const third = createNote(doc, { x: 800, y: 100, author: 'Ana' });
    bringToFront(doc, [channel, partner]);
    expect(readBoard(doc).ordered.map((n) => n.id)).toEqual([third, partner, channel]);
  });
});

describe('setBoardTitle', () => {
  it('writes the cleaned title', () => {
    const doc = newBoard();
    setBoardTitle(doc, '  Café   La Esquina ');
    expect(readMeta(doc).title).toBe('Café La Esquina');
    setBoardTitle(doc, '   ');
    expect(readMeta(doc).title).toBe(DEFAULT_TITLE);
  });

  it('refuses a title that is too long with a ModelError and writes nothing', () => {
    const doc = newBoard();
    const log = recordTransactions(doc);
    expect(() => setBoardTitle(doc, 'x'.repeat(500))).toThrow(ModelError);
    expect(log.origins).toEqual([]);
    expect(readMeta(doc).title).toBe('Test board');
  });
});
