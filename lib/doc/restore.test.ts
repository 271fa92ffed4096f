import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { readMeta } from './board-doc';
import { createNote, deleteNotes, moveNotes, noteTextFragment, setBoardTitle } from './notes';
import { readBoard } from './read-board';
import { labelRelationship, linkNotes } from './relationships';
import { restoreBoard } from './restore';
import {
  addRelationshipNotes,
  recordTransactions,
  richTextContent,
  twoPeers,
  typeInto,
} from './test-support';
import { createUndoManager } from './undo';

/** A snapshot as the history UI builds one: a fresh Y.Doc from the stored v2 state. */
function snapshotOf(doc: Y.Doc): Y.Doc {
  const snapshot = new Y.Doc();
  Y.applyUpdateV2(snapshot, Y.encodeStateAsUpdateV2(doc));
  return snapshot;
}

/** The board as the app reads it, minus nothing: title, every note field, text, labels, links. */
function view(doc: Y.Doc) {
  const { meta, ordered } = readBoard(doc);
  return { title: meta.title, notes: ordered };
}

function fragmentXml(doc: Y.Doc, id: Parameters<typeof noteTextFragment>[1]) {
  return noteTextFragment(doc, id)?.toString();
}

/** A board with labelled, linked, rich-text notes, its snapshot, and the board changed since. */
function changedSinceSnapshot() {
  const peers = twoPeers();
  const { a } = peers;
  const notes = addRelationshipNotes(a);
  labelRelationship(a, notes.rel, { type: 'remote', stage: 'retention' });
  linkNotes(a, notes.rel, notes.email);
  linkNotes(a, notes.rel, notes.segment);
  typeInto(noteTextFragment(a, notes.partner)!, richTextContent());
  const snapshot = snapshotOf(a);
  const before = view(a);
  const richBefore = fragmentXml(a, notes.partner);

  // Everything a restore must undo: a title, a move, a deleted note, a new note, labels,
  // a link, rich text.
  setBoardTitle(a, 'Renamed');
  moveNotes(a, [{ id: notes.shop, x: 1300, y: 650 }]);
  deleteNotes(a, [notes.email]);
  const added = createNote(a, { x: 400, y: 400, author: 'Luis', text: 'New idea' });
  labelRelationship(a, notes.rel, { type: 'automated', stage: null });
  linkNotes(a, notes.rel, notes.shop);
  typeInto(noteTextFragment(a, notes.partner)!, [new Y.XmlText('more')]);
  return { ...peers, notes, snapshot, before, richBefore, added };
}

describe('restoreBoard', () => {
  it('makes title, notes, rich text, labels and links equal to the snapshot', () => {
    const { a, notes, snapshot, before, richBefore, added } = changedSinceSnapshot();
    expect(view(a)).not.toEqual(before);

    restoreBoard(a, snapshot);

    expect(view(a)).toEqual(before);
    expect(readBoard(a).notes.has(added)).toBe(false);
    expect(fragmentXml(a, notes.partner)).toBe(richBefore);
    expect(readBoard(a).notes.get(notes.rel)?.links).toEqual({
      channels: [notes.email],
      segments: [notes.segment],
    });
  });

  it('is one transaction with the local origin, and the peer converges live', () => {
    const { a, b, snapshot, before } = changedSinceSnapshot();
    const log = recordTransactions(a);
    restoreBoard(a, snapshot);
    log.stop();
    expect(log.origins).toEqual(['lienzo:local']);
    expect(log.updates).toBe(1);
    expect(view(b)).toEqual(before);
  });

  it('is one undo step: undo brings back the board as it was before the restore', () => {
    const { a, b, snapshot } = changedSinceSnapshot();
    const changed = view(a);
    const undo = createUndoManager(a);
    restoreBoard(a, snapshot);
    expect(undo.undoStack).toHaveLength(1);
    undo.undo();
    expect(view(a)).toEqual(changed);
    expect(view(b)).toEqual(changed);
    undo.redo();
    expect(view(b)).toEqual(view(snapshot));
  });

  it('keeps the text fragment of a note both boards have, so an open editor stays bound', () => {
    const { a, notes, snapshot } = changedSinceSnapshot();
    const fragment = noteTextFragment(a, notes.partner);
    restoreBoard(a, snapshot);
    expect(noteTextFragment(a, notes.partner)).toBe(fragment);
  });

  it('writes nothing when the board already equals the snapshot', () => {
    const { a } = twoPeers();
    addRelationshipNotes(a);
    const log = recordTransactions(a);
    restoreBoard(a, snapshotOf(a));
    log.stop();
    expect(log.updates).toBe(0);
    expect(readMeta(a).title).toBe('Test board');
  });
});
