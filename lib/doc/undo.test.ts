import { getSchema } from '@tiptap/core';
import { TextSelection, EditorState } from '@tiptap/pm/state';
import StarterKit from '@tiptap/starter-kit';
import { initProseMirrorDoc, updateYFragment, ySyncPluginKey } from '@tiptap/y-tiptap';
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

const schema = getSchema([StarterKit]);

/**
 * Types `text` at the end of a note's text the way the note editor does: the editor's document
 * is read from the fragment, changed, and written back by y-tiptap's updateYFragment inside a
 * transaction with ySyncPluginKey as origin (ProsemirrorBinding._prosemirrorChanged). One
 * transaction per key, as a person types.
 */
function typeInEditor(doc: Y.Doc, id: NoteId, text: string): void {
  const fragment = noteTextFragment(doc, id)!;
  for (const key of text) {
    const { doc: current, meta } = initProseMirrorDoc(fragment, schema);
    // An empty fragment shows as one empty paragraph, as in the editor.
    const shown = current.childCount > 0 ? current : schema.topNodeType.createAndFill()!;
    const state = EditorState.create({ schema, doc: shown });
    const end = TextSelection.atEnd(shown).from;
    const typed = state.tr.insertText(key, end).doc;
    doc.transact(() => updateYFragment(doc, fragment, typed, meta), ySyncPluginKey);
  }
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

describe('createUndoManager with the note editor’s origin', () => {
  /** Two peers, each with the undo manager the page makes (tracking the editor's writes). */
  function editing() {
    const peers = twoPeers();
    const undoA = createUndoManager(peers.a, [ySyncPluginKey]);
    const undoB = createUndoManager(peers.b, [ySyncPluginKey]);
    return { ...peers, undoA, undoB };
  }

  it('undoes my typing in its place between gestures: move, then typing, then the note', () => {
    const { a, b, undoA } = editing();
    const id = createNote(a, { x: 100, y: 100, author: 'Ana' });
    undoA.stopCapturing(); // the editor opening (BoardActions.beginTyping)
    typeInEditor(a, id, 'Hello');
    undoA.stopCapturing();
    moveNotes(a, [{ id, x: 500, y: 100 }]);
    expect(undoA.undoStack).toHaveLength(3);

    undoA.undo();
    expect(note(b, id)).toMatchObject({ x: 100, text: 'Hello' });
    undoA.undo();
    expect(note(b, id)).toMatchObject({ x: 100, text: '' });
    undoA.undo();
    expect(note(b, id)).toBeUndefined();

    undoA.redo();
    undoA.redo();
    expect(note(b, id)).toMatchObject({ x: 100, text: 'Hello' });
    undoA.redo();
    for (const doc of [a, b]) expect(note(doc, id)).toMatchObject({ x: 500, text: 'Hello' });
  });

  it('never puts the other person’s typing on my stack, nor undoes it, even in my line', () => {
    const { a, b, undoA, undoB } = editing();
    const id = createNote(a, { x: 100, y: 100, author: 'Ana' });
    undoA.stopCapturing();
    // A's first key creates the note's paragraph and its text; B then types into that line.
    typeInEditor(a, id, 'Alice');
    undoA.stopCapturing();
    typeInEditor(b, id, ' Bob');
    expect(note(a, id)?.text).toBe('Alice Bob');
    expect(undoA.undoStack).toHaveLength(2); // the note and A's typing
    expect(undoB.undoStack).toHaveLength(1); // B's typing only

    undoA.undo();
    for (const doc of [a, b]) expect(note(doc, id)?.text).toBe(' Bob');
    undoA.redo();
    for (const doc of [a, b]) expect(note(doc, id)?.text).toBe('Alice Bob');

    // And the other way round: B's undo takes back B's words only.
    undoB.undo();
    for (const doc of [a, b]) expect(note(doc, id)?.text).toBe('Alice');
  });

  it('leaves out an editor write marked addToHistory: false', () => {
    const { a, undoA } = editing();
    const id = createNote(a, { x: 100, y: 100, author: 'Ana' });
    undoA.stopCapturing();
    const fragment = noteTextFragment(a, id)!;
    a.transact((tr) => {
      tr.meta.set('addToHistory', false);
      fragment.insert(0, [new Y.XmlElement('paragraph')]);
    }, ySyncPluginKey);
    expect(undoA.undoStack).toHaveLength(1);
    typeInEditor(a, id, 'x');
    expect(undoA.undoStack).toHaveLength(2);
  });
});
