import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { MAX_LINKS, type NoteId } from '../model';
import { boardRoots } from './board-doc';
import { createNote, deleteNotes, duplicateNotes } from './notes';
import { LOCAL_ORIGIN } from './origins';
import { BoardReader, readBoard } from './read-board';
import { linkKey, relationshipMapOf } from './relationship-map';
import { chooseRelationshipType, labelRelationship, linkNotes, unlinkNotes } from './relationships';
import {
  addRelationshipNotes,
  newBoard,
  recordTransactions,
  twoPeers,
  type Peers,
} from './test-support';
import { createUndoManager } from './undo';

function note(doc: Y.Doc, id: NoteId) {
  const record = readBoard(doc).notes.get(id);
  if (!record) throw new Error(`note ${id} is not on the board`);
  return record;
}

function expectConverged({ a, b }: Peers) {
  expect(Y.encodeStateVector(a)).toEqual(Y.encodeStateVector(b));
  expect(a.getMap('notes').toJSON()).toEqual(b.getMap('notes').toJSON());
  expect(readBoard(a)).toEqual(readBoard(b));
}

/** Two peers, offline from each other once the relationship notes are on both. */
function offlinePeers(clientIds?: [number, number]) {
  const peers = twoPeers(clientIds);
  const ids = addRelationshipNotes(peers.a);
  peers.disconnect();
  return { ...peers, ...ids };
}

describe('two peers editing one relationship at once', () => {
  it('keep both links when each adds a different one', () => {
    const peers = offlinePeers();
    const { a, b, rel, email, shop, segment } = peers;
    linkNotes(a, rel, email);
    linkNotes(b, rel, shop);
    linkNotes(b, rel, segment);
    peers.reconnect();
    expectConverged(peers);
    expect(note(a, rel).links).toEqual({ channels: [email, shop].sort(), segments: [segment] });
  });

  it('keep one peer’s unlink and the other’s new link', () => {
    const peers = twoPeers();
    const { rel, email, shop } = addRelationshipNotes(peers.a);
    linkNotes(peers.a, rel, email);
    peers.disconnect();
    unlinkNotes(peers.a, rel, email);
    linkNotes(peers.b, rel, shop);
    peers.reconnect();
    expectConverged(peers);
    expect(note(peers.b, rel).links.channels).toEqual([shop]);
  });

  it('keep both labels when each sets a different field', () => {
    const peers = offlinePeers();
    const { a, b, rel } = peers;
    chooseRelationshipType(a, rel, 'remote');
    labelRelationship(b, rel, { costAmount: 300, costCurrency: 'MXN', costPeriod: 'perMonth' });
    labelRelationship(b, rel, { hypothesis: 'testing' });
    peers.reconnect();
    expectConverged(peers);
    expect(note(b, rel).relationship).toEqual({
      type: 'remote',
      mode: 'direct',
      bond: 'transactional',
      intimacy: 'personal',
      costAmount: 300,
      costCurrency: 'MXN',
      costPeriod: 'perMonth',
      hypothesis: 'testing',
    });
  });

  it.each([
    [1, 2],
    [2, 1],
  ] as [number, number][])(
    'converge on one value when both set the same field (clients %i, %i)',
    (first, second) => {
      const peers = offlinePeers([first, second]);
      labelRelationship(peers.a, peers.rel, { status: 'current' });
      labelRelationship(peers.b, peers.rel, { status: 'planned' });
      peers.reconnect();
      expectConverged(peers);
      expect(['current', 'planned']).toContain(note(peers.a, peers.rel).relationship.status);
    },
  );

  it('keep the same MAX_LINKS links on both when together they add more', () => {
    const peers = twoPeers([1, 2]);
    const { rel } = addRelationshipNotes(peers.a);
    const channels = Array.from({ length: MAX_LINKS + 6 }, (_, i) =>
      createNote(peers.a, { x: 1200 + (i % 10) * 20, y: 500 + i * 5, author: 'Ana' }),
    );
    peers.disconnect();
    // Each peer stays under the cap; together they pass it. Each peer's Y.Map iterates its own
    // links first, so the readers must not depend on the iteration order.
    channels.forEach((channel, i) => linkNotes(i % 2 ? peers.a : peers.b, rel, channel));
    peers.reconnect();
    expectConverged(peers);
    expect(note(peers.a, rel).links.channels).toEqual([...channels].sort().slice(0, MAX_LINKS));
  });
});

describe('deleting a linked note', () => {
  it('removes it from every relationship’s links in the same transaction', () => {
    const doc = newBoard();
    const { rel, email, shop, segment } = addRelationshipNotes(doc);
    const other = createNote(doc, { x: 1300, y: 250, author: 'Luis' });
    for (const from of [rel, other])
      for (const to of [email, shop, segment]) linkNotes(doc, from, to);
    const log = recordTransactions(doc);
    deleteNotes(doc, [email, segment]);
    expect(log.origins).toEqual([LOCAL_ORIGIN]);
    expect(log.updates).toBe(1);
    for (const from of [rel, other]) {
      expect(note(doc, from).links).toEqual({ channels: [shop], segments: [] });
      const raw = relationshipMapOf(boardRoots(doc).notes.get(from)!)!.toJSON();
      expect(raw).toEqual({ [linkKey('channels', shop)]: true });
    }
  });

  it('comes back with its links in one undo, on both peers', () => {
    const peers = twoPeers();
    const { a, b } = peers;
    const { rel, email, shop } = addRelationshipNotes(a);
    linkNotes(a, rel, email);
    linkNotes(a, rel, shop);
    labelRelationship(a, rel, { status: 'current' });
    const before = readBoard(a);
    const undo = createUndoManager(a);

    deleteNotes(a, [email]);
    expect(note(b, rel).links.channels).toEqual([shop]);
    expect(undo.undoStack).toHaveLength(1);
    undo.undo();
    for (const doc of [a, b]) {
      expect(note(doc, rel).links.channels).toEqual([email, shop].sort());
      expect(note(doc, email).text).toBe('Email');
      expect(readBoard(doc)).toEqual(before);
    }
  });

  it('undoes a link, a label and a type choice one gesture at a time', () => {
    const doc = newBoard();
    const { rel, email } = addRelationshipNotes(doc);
    const undo = createUndoManager(doc);
    chooseRelationshipType(doc, rel, 'automated');
    undo.stopCapturing();
    labelRelationship(doc, rel, { mode: 'indirect' });
    undo.stopCapturing();
    linkNotes(doc, rel, email);
    undo.undo();
    expect(note(doc, rel).links.channels).toEqual([]);
    undo.undo();
    expect(note(doc, rel).relationship.mode).toBe('direct');
    undo.undo();
    expect(note(doc, rel).relationship).toEqual({});
  });
});

describe('duplicateNotes with relationships', () => {
  it('copies labels and links into an independent map', () => {
    const doc = newBoard();
    const { rel, email, segment } = addRelationshipNotes(doc);
    chooseRelationshipType(doc, rel, 'community');
    labelRelationship(doc, rel, { costAmount: 12, costCurrency: 'USD', evidence: 'forum' });
    linkNotes(doc, rel, email);
    linkNotes(doc, rel, segment);
    const original = note(doc, rel);
    const log = recordTransactions(doc);
    const [copy] = duplicateNotes(doc, [rel], { x: 0, y: 150 }, 'Luis') as [NoteId];
    expect(log.updates).toBe(1);
    expect(note(doc, copy)).toMatchObject({
      block: 'customerRelationships',
      relationship: original.relationship,
      links: original.links,
    });
    const [copyMap, originalMap] = [copy, rel].map((id) =>
      relationshipMapOf(boardRoots(doc).notes.get(id)!)!,
    );
    expect(copyMap).not.toBe(originalMap);

    labelRelationship(doc, copy, { status: 'planned', evidence: null });
    unlinkNotes(doc, copy, email);
    expect(note(doc, rel)).toEqual(original);
    expect(note(doc, copy).relationship).toMatchObject({ status: 'planned', costAmount: 12 });
    expect(note(doc, copy).links).toEqual({ channels: [], segments: [segment] });
  });

  it('gives a copy of an unlabelled note an empty map', () => {
    const doc = newBoard();
    const { partner } = addRelationshipNotes(doc);
    const [copy] = duplicateNotes(doc, [partner], { x: 10, y: 10 }, 'Luis') as [NoteId];
    const map = relationshipMapOf(boardRoots(doc).notes.get(copy)!)!;
    expect(map.toJSON()).toEqual({});
  });
});

describe('BoardReader with links', () => {
  it('stays equal to readBoard when a peer deletes a linked note as another links it', () => {
    const peers = offlinePeers();
    const { a, b, rel, email } = peers;
    const reader = new BoardReader(b);
    deleteNotes(a, [email]); // A cleans up the links A knows
    linkNotes(b, rel, email); // B links it at the same time
    expect(reader.getSnapshot().notes.get(rel)?.links.channels).toEqual([email]);
    peers.reconnect();
    expectConverged(peers);
    expect(reader.getSnapshot()).toEqual(readBoard(b));
    expect(reader.getSnapshot().notes.get(rel)?.links.channels).toEqual([]);
  });

  it('shows a link again when its target comes back', () => {
    const doc = newBoard();
    const { rel, email } = addRelationshipNotes(doc);
    linkNotes(doc, rel, email);
    const reader = new BoardReader(doc);
    const target = boardRoots(doc).notes.get(email)!.clone();
    doc.transact(() => boardRoots(doc).notes.delete(email), 'old peer'); // no cleanup
    expect(reader.getSnapshot()).toEqual(readBoard(doc));
    expect(reader.getSnapshot().notes.get(rel)?.links.channels).toEqual([]);
    doc.transact(() => boardRoots(doc).notes.set(email, target), 'old peer');
    expect(reader.getSnapshot()).toEqual(readBoard(doc));
    expect(reader.getSnapshot().notes.get(rel)?.links.channels).toEqual([email]);
  });

  it('keeps the identity of notes that do not link to the deleted note', () => {
    const doc = newBoard();
    const { rel, email, shop, partner } = addRelationshipNotes(doc);
    linkNotes(doc, rel, shop);
    const reader = new BoardReader(doc);
    const before = reader.getSnapshot();
    deleteNotes(doc, [email]);
    expect(reader.getSnapshot().notes.get(rel)).toBe(before.notes.get(rel));
    expect(reader.getSnapshot().notes.get(partner)).toBe(before.notes.get(partner));
  });
});
