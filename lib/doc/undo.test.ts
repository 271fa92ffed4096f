import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { SCHEMA_VERSION, type NoteId } from '../model';
import { readMeta } from './board-doc';
import { migrateBoardDoc } from './migrations';
import {
  createNote,
  deleteNotes,
  moveNotes,
  noteTextFragment,
  recolorNotes,
  setBoardTitle,
} from './notes';
import { SERVER_ORIGIN } from './origins';
import { readBoard } from './read-board';
import { RICH_TEXT_PLAIN, richTextContent, twoPeers, typeInto } from './test-support';
import { createUndoManager } from './undo';

function note(doc: Y.Doc, id: NoteId) {
  return readBoard(doc).notes.get(id);
}

/** Peer A with an undo manager created after the setup, and one note both peers see. */
function setup() {
  const peers = twoPeers();
  const id = createNote(peers.a, { x: 100, y: 100, author: 'Ana', text: 'Bank' });
  const undo = createUndoManager(peers.a);
  return { ...peers, id, undo };
}

describe('createUndoManager', () => {
  it('undoes the local gesture and keeps a remote change made after it', () => {
    const { a, b, id, undo } = setup();
    moveNotes(a, [{ id, x: 1700, y: 100 }]);
    undo.stopCapturing();
    recolorNotes(b, [id], 'blue'); // arrives at A with the remote origin
    expect(undo.undoStack).toHaveLength(1);

    undo.undo();
    for (const doc of [a, b]) {
      expect(note(doc, id)).toMatchObject({ x: 100, y: 100, block: 'keyPartners', color: 'blue' });
    }
  });

  it('never puts a remote or server change on the stack', () => {
    const { a, b, id, undo } = setup();
    moveNotes(b, [{ id, x: 500, y: 500 }]);
    createNote(b, { x: 0, y: 0, author: 'Luis' });
    deleteNotes(b, [id]);
    setBoardTitle(b, 'Renamed by B');
    createNote(a, { x: 0, y: 0, author: 'server' }, SERVER_ORIGIN);
    expect(undo.undoStack).toHaveLength(0);
    undo.undo();
    expect(readMeta(a).title).toBe('Renamed by B');
    expect(readBoard(a).notes.size).toBe(2);
  });

  it('does not revert a remote move that came after the local one', () => {
    const { a, b, id, undo } = setup();
    moveNotes(a, [{ id, x: 500, y: 100 }]);
    undo.stopCapturing();
    moveNotes(b, [{ id, x: 1700, y: 600 }]);
    undo.undo();
    expect(note(a, id)).toMatchObject({ x: 1700, y: 600 });
    expect(readBoard(a)).toEqual(readBoard(b));
  });

  it('brings a deleted note back with its rich text, on both peers', () => {
    const { a, b, id, undo } = setup();
    typeInto(noteTextFragment(a, id)!, richTextContent());
    const before = note(a, id)!;
    const markup = noteTextFragment(a, id)!.toString();
    undo.clear();

    deleteNotes(a, [id]);
    expect(note(b, id)).toBeUndefined();
    undo.undo();
    for (const doc of [a, b]) {
      expect(note(doc, id)).toEqual(before);
      expect(note(doc, id)?.text).toBe(`Bank\n${RICH_TEXT_PLAIN}`);
      expect(noteTextFragment(doc, id)?.toString()).toBe(markup);
    }
  });

  it('redoes what was undone', () => {
    const { a, b, id, undo } = setup();
    deleteNotes(a, [id]);
    undo.undo();
    expect(note(b, id)).toBeDefined();
    undo.redo();
    expect(note(a, id)).toBeUndefined();
    expect(note(b, id)).toBeUndefined();

    recolorNotes(a, [createNote(a, { x: 0, y: 0, author: 'Ana' })], 'pink');
    undo.undo();
    undo.redo();
    expect([...readBoard(b).notes.values()].map((n) => n.color)).toEqual(['pink']);
  });

  it('makes each gesture one step once gestures are apart, and merges quick ones', () => {
    const { a, id, undo } = setup();
    moveNotes(a, [{ id, x: 200, y: 100 }]);
    undo.stopCapturing();
    moveNotes(a, [{ id, x: 300, y: 100 }]);
    undo.stopCapturing();
    undo.undo();
    expect(note(a, id)?.x).toBe(200);

    // Within UNDO_CAPTURE_TIMEOUT_MS, back-to-back nudges are one step.
    moveNotes(a, [{ id, x: 210, y: 100 }]);
    moveNotes(a, [{ id, x: 220, y: 100 }]);
    undo.undo();
    expect(note(a, id)?.x).toBe(200);
  });

  it('undoes a title change but not the server’s migration', () => {
    const { a, undo } = setup();
    setBoardTitle(a, 'Mine');
    const step = { from: SCHEMA_VERSION, describe: 'test', migrate: () => {} };
    expect(migrateBoardDoc(a, [step], SCHEMA_VERSION + 1)).toMatchObject({ status: 'migrated' });
    undo.undo();
    expect(readMeta(a)).toMatchObject({ title: 'Test board', schemaVersion: SCHEMA_VERSION + 1 });
  });
});
