import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { NOTE_KEYS, newNoteId, type NoteId } from '../model';
import { boardRoots } from './board-doc';
import { bringToFront, createNote, moveNotes, noteTextFragment, setBoardTitle } from './notes';
import { plainTextToParagraphs } from './note-text';
import { BoardReader, readBoard } from './read-board';
import { REMOTE_ORIGIN, newBoard, typeInto } from './test-support';

const VALID_FIELDS = {
  block: 'keyPartners',
  x: 10,
  y: 10,
  width: 160,
  height: 110,
  color: 'yellow',
  z: 1,
  author: 'peer',
  createdAt: 1,
};

/** Writes a note the way another peer's code might, bypassing the model functions. */
function writeRawNote(doc: Y.Doc, id: string, fields: Record<string, unknown>): void {
  doc.transact(() => {
    const note = new Y.Map<unknown>(Object.entries(fields));
    boardRoots(doc).notes.set(id, note);
  }, REMOTE_ORIGIN);
}

function boardWithReader() {
  const doc = newBoard();
  const first = createNote(doc, { x: 100, y: 100, author: 'Ana', text: 'one' });
  const second = createNote(doc, { x: 900, y: 100, author: 'Ana', text: 'two' });
  const reader = new BoardReader(doc);
  return { doc, first, second, reader };
}

describe('BoardReader', () => {
  it('keeps the identity of notes a transaction did not touch', () => {
    const { doc, first, second, reader } = boardWithReader();
    const before = reader.getSnapshot();
    expect(reader.getSnapshot()).toBe(before);
    moveNotes(doc, [{ id: first, x: 1700, y: 100 }]);
    const after = reader.getSnapshot();
    expect(after).not.toBe(before);
    expect(after.notes.get(second)).toBe(before.notes.get(second));
    expect(after.notes.get(first)).not.toBe(before.notes.get(first));
    expect(after.notes.get(first)?.block).toBe('customerSegments');
    expect(after.ordered).toContain(before.notes.get(second));
    expect(after.meta).toBe(before.meta);
  });

  it('gives a new record to a note whose text changed, and to that note only', () => {
    const { doc, first, second, reader } = boardWithReader();
    const before = reader.getSnapshot();
    typeInto(noteTextFragment(doc, first)!, plainTextToParagraphs('more'));
    const after = reader.getSnapshot();
    expect(after.notes.get(first)?.text).toBe('one\nmore');
    expect(after.notes.get(second)).toBe(before.notes.get(second));

    const paragraph = noteTextFragment(doc, second)!.get(0) as Y.XmlElement;
    doc.transact(() => (paragraph.get(0) as Y.XmlText).insert(3, '!'), 'editor');
    expect(reader.getSnapshot().notes.get(second)?.text).toBe('two!');
    expect(reader.getSnapshot().notes.get(first)).toBe(after.notes.get(first));
  });

  it('keeps the same snapshot for changes outside the board', () => {
    const { doc, reader } = boardWithReader();
    const before = reader.getSnapshot();
    doc.getMap('somethingElse').set('k', 1);
    expect(reader.getSnapshot()).toBe(before);
  });

  it('matches readBoard after every kind of change', () => {
    const { doc, first, second, reader } = boardWithReader();
    moveNotes(doc, [{ id: second, x: 10, y: 1000 }]);
    bringToFront(doc, [first]);
    setBoardTitle(doc, 'Renamed');
    boardRoots(doc).notes.delete(second);
    expect(reader.getSnapshot()).toEqual(readBoard(doc));
  });

  it('updates meta, keeping the notes, when the title changes', () => {
    const { doc, reader } = boardWithReader();
    const before = reader.getSnapshot();
    setBoardTitle(doc, 'Café');
    const after = reader.getSnapshot();
    expect(after.meta.title).toBe('Café');
    expect(after.notes).toBe(before.notes);
  });

  it('calls subscribers once per transaction until they unsubscribe', () => {
    const { doc, first, second, reader } = boardWithReader();
    let calls = 0;
    const unsubscribe = reader.subscribe(() => calls++);
    moveNotes(doc, [
      { id: first, x: 0, y: 0 },
      { id: second, x: 10, y: 10 },
    ]);
    expect(calls).toBe(1);
    unsubscribe();
    moveNotes(doc, [{ id: first, x: 50, y: 0 }]);
    expect(calls).toBe(1);
  });

  it('stops following the document once destroyed', () => {
    const { doc, first, reader } = boardWithReader();
    let calls = 0;
    reader.subscribe(() => calls++);
    const before = reader.getSnapshot();
    reader.destroy();
    moveNotes(doc, [{ id: first, x: 500, y: 500 }]);
    setBoardTitle(doc, 'Later');
    expect(calls).toBe(0);
    expect(reader.getSnapshot()).toBe(before);
  });

  it('orders notes by z, then by id', () => {
    const doc = newBoard();
    const reader = new BoardReader(doc);
    const ids = ['note_CCCCCCCCCCCCCCCC', 'note_AAAAAAAAAAAAAAAA', 'note_BBBBBBBBBBBBBBBB'];
    writeRawNote(doc, ids[0]!, { ...VALID_FIELDS, z: 1 });
    writeRawNote(doc, ids[1]!, { ...VALID_FIELDS, z: 2 });
    writeRawNote(doc, ids[2]!, { ...VALID_FIELDS, z: 1 });
    const expected = [ids[2], ids[0], ids[1]];
    expect(reader.getSnapshot().ordered.map((n) => n.id)).toEqual(expected);
    expect(readBoard(doc).ordered.map((n) => n.id)).toEqual(expected);
    bringToFront(doc, [ids[2] as NoteId]);
    expect(reader.getSnapshot().ordered.map((n) => n.id)).toEqual([ids[0], ids[1], ids[2]]);
  });
});

describe('invalid data from a peer', () => {
  const invalid: [string, string, Record<string, unknown>][] = [
    ['an unknown colour', newNoteId(), { ...VALID_FIELDS, color: 'neon' }],
    ['a negative width', newNoteId(), { ...VALID_FIELDS, width: -5 }],
    ['a bad id key', 'not-a-note-id', VALID_FIELDS],
    ['a prototype key as id', '__proto__', VALID_FIELDS],
    ['a missing block', newNoteId(), { ...VALID_FIELDS, block: undefined }],
  ];

  it.each(invalid)('ignores a note with %s', (_label, id, fields) => {
    const doc = newBoard();
    const good = createNote(doc, { x: 0, y: 0, author: 'Ana' });
    const reader = new BoardReader(doc);
    expect(() => writeRawNote(doc, id, fields)).not.toThrow();
    for (const snapshot of [reader.getSnapshot(), readBoard(doc)]) {
      expect([...snapshot.notes.keys()]).toEqual([good]);
      expect(snapshot.ordered.map((n) => n.id)).toEqual([good]);
    }
  });

  it('ignores a value that is not a map and a text that is not a fragment', () => {
    const doc = newBoard();
    const reader = new BoardReader(doc);
    const id = newNoteId();
    doc.transact(() => {
      (boardRoots(doc).notes as Y.Map<unknown>).set(newNoteId(), 'just a string');
      boardRoots(doc).notes.set(id, new Y.Map<unknown>(Object.entries(VALID_FIELDS)));
      boardRoots(doc).notes.get(id)!.set(NOTE_KEYS.text, 42);
    }, REMOTE_ORIGIN);
    expect([...readBoard(doc).notes.values()].map((n) => [n.id, n.text])).toEqual([[id, '']]);
    expect(reader.getSnapshot()).toEqual(readBoard(doc));
  });

  it('drops a valid note a peer then breaks, and shows it again once repaired', () => {
    const doc = newBoard();
    const id = createNote(doc, { x: 0, y: 0, author: 'Ana' });
    const reader = new BoardReader(doc);
    const map = boardRoots(doc).notes.get(id)!;
    doc.transact(() => map.set(NOTE_KEYS.x, Number.NaN), REMOTE_ORIGIN);
    expect(reader.getSnapshot().notes.has(id)).toBe(false);
    doc.transact(() => map.set(NOTE_KEYS.x, 40), REMOTE_ORIGIN);
    expect(reader.getSnapshot().notes.get(id)?.x).toBe(40);
  });
});
