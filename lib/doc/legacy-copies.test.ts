import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { NOTE_KEYS, type NoteId } from '../model';
import { boardRoots } from './board-doc';
import { createNote, duplicateNotes, noteTextFragment } from './notes';
import { restoreBoard } from './restore';

/**
 * A board may hold values hostile clients wrote before the server checked values. Copying a
 * note (duplicate, restore) must write only what the schema allows: the server would refuse
 * the copy and close the connection of whoever made it.
 */

/** A note holding a junk label, an unknown `rel` key, a junk mark and a junk node. */
function legacyNote(doc: Y.Doc): NoteId {
  const id = createNote(doc, { x: 1250, y: 100, author: 'Mallory' });
  doc.transact(() => {
    const note = boardRoots(doc).notes.get(id) as Y.Map<unknown>;
    const rel = note.get(NOTE_KEYS.rel) as Y.Map<unknown>;
    rel.set('stage', 'nirvana');
    rel.set('type', 'remote');
    rel.set('evil', 'x');
    const text = new Y.XmlText();
    text.insert(0, 'js', { link: { href: 'javascript:alert(1)' } });
    text.insert(2, ' ok', { bold: {}, link: { href: 'https://example.com', rel: 'opener' } });
    const paragraph = new Y.XmlElement('paragraph');
    paragraph.insert(0, [text]);
    noteTextFragment(doc, id)!.insert(0, [paragraph, new Y.XmlElement('script')]);
  });
  return id;
}

function expectClean(doc: Y.Doc, id: NoteId): void {
  const note = boardRoots(doc).notes.get(id) as Y.Map<unknown>;
  const rel = note.get(NOTE_KEYS.rel) as Y.Map<unknown>;
  expect(Object.fromEntries(rel.entries())).toEqual({ type: 'remote' });
  const xml = noteTextFragment(doc, id)!.toString();
  expect(xml).not.toContain('javascript:');
  expect(xml).not.toContain('opener');
  expect(xml).not.toContain('script');
  expect(xml).toContain('https://example.com');
  expect(xml).toContain('<bold>');
}

describe('copies of a note written before values were checked', () => {
  it('a duplicate keeps only what the schema allows', () => {
    const doc = new Y.Doc();
    const [copy] = duplicateNotes(doc, [legacyNote(doc)], { x: 20, y: 20 }, 'Ana');
    expectClean(doc, copy!);
  });

  it('a restore brings back only what the schema allows', () => {
    const past = new Y.Doc();
    const id = legacyNote(past);
    const live = new Y.Doc();
    restoreBoard(live, past);
    expectClean(live, id);
  });
});
