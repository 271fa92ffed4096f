import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { blockOfRect, type NoteId } from '../model';
import {
  createNote,
  deleteNotes,
  moveNotes,
  noteTextFragment,
  recolorNotes,
  resizeNote,
} from './notes';
import { fragmentToPlainText, plainTextToParagraphs } from './note-text';
import { readBoard } from './read-board';
import { twoPeers, typeInto, type Peers } from './test-support';

/** Both peers hold the same document, and read the same board from it. */
function expectConverged({ a, b }: Peers) {
  expect(Y.encodeStateVector(a)).toEqual(Y.encodeStateVector(b));
  expect(a.getMap('notes').toJSON()).toEqual(b.getMap('notes').toJSON());
  expect(readBoard(a)).toEqual(readBoard(b));
}

function record(doc: Y.Doc, id: NoteId) {
  return readBoard(doc).notes.get(id);
}

describe('two peers wired live', () => {
  it('see each other’s gestures at once', () => {
    const peers = twoPeers();
    const id = createNote(peers.a, { x: 100, y: 100, author: 'Ana', text: 'Bank' });
    expect(record(peers.b, id)?.text).toBe('Bank');
    moveNotes(peers.b, [{ id, x: 1700, y: 100 }]);
    expect(record(peers.a, id)?.block).toBe('customerSegments');
    expectConverged(peers);
  });
});

describe('two peers after an offline period', () => {
  it('converge on one position for a note both moved', () => {
    const peers = twoPeers();
    const id = createNote(peers.a, { x: 100, y: 100, author: 'Ana' });
    peers.disconnect();
    moveNotes(peers.a, [{ id, x: 500, y: 100 }]);
    moveNotes(peers.b, [{ id, x: 1700, y: 600 }]);
    peers.reconnect();
    expectConverged(peers);
    const moved = record(peers.a, id)!;
    expect([
      [500, 100],
      [1700, 600],
    ]).toContainEqual([moved.x, moved.y]);
  });

  // Concurrent writes to one map key are settled per key (the higher client id wins). If a
  // gesture wrote only the keys it changed, a note could end up with one peer's position and
  // the other peer's block. Run with both client-id orders, so each peer wins once.
  it.each([
    [1, 2],
    [2, 1],
  ] as [number, number][])(
    'keep block under the centre when concurrent geometry edits meet (clients %i, %i)',
    (first, second) => {
      const peers = twoPeers([first, second]);
      const id = createNote(peers.a, { x: 100, y: 100, author: 'Ana' });
      peers.disconnect();
      moveNotes(peers.a, [{ id, x: 150, y: 300 }]); // stays in key partners
      moveNotes(peers.b, [{ id, x: 1700, y: 100 }]); // to customer segments
      peers.reconnect();
      expectConverged(peers);
      const moved = record(peers.a, id)!;
      expect(moved.block).toBe(blockOfRect(moved));
    },
  );

  it.each([
    [1, 2],
    [2, 1],
  ] as [number, number][])(
    'keep block under the centre when a move meets a resize (clients %i, %i)',
    (first, second) => {
      const peers = twoPeers([first, second]);
      const id = createNote(peers.a, { x: 300, y: 100, author: 'Ana' });
      peers.disconnect();
      moveNotes(peers.a, [{ id, x: 200, y: 100 }]); // centre 280: still key partners
      resizeNote(peers.b, id, { x: 300, y: 100, width: 300, height: 110 }); // centre 450: activities
      peers.reconnect();
      expectConverged(peers);
      const result = record(peers.a, id)!;
      expect(result.block).toBe(blockOfRect(result));
    },
  );

  it('keep both notes when each peer creates one', () => {
    const peers = twoPeers();
    peers.disconnect();
    const fromA = createNote(peers.a, { x: 100, y: 100, author: 'Ana', text: 'from A' });
    const fromB = createNote(peers.b, { x: 100, y: 100, author: 'Luis', text: 'from B' });
    peers.reconnect();
    expectConverged(peers);
    const notes = readBoard(peers.a).notes;
    expect([...notes.keys()].sort()).toEqual([fromA, fromB].sort());
    expect(notes.get(fromA)?.text).toBe('from A');
    expect(notes.get(fromB)?.text).toBe('from B');
    // Both got the same z (top + 1): every peer still draws them in the same order.
    expect(readBoard(peers.a).ordered.map((n) => n.id)).toEqual(
      readBoard(peers.b).ordered.map((n) => n.id),
    );
  });

  it.each(['a', 'b'] as const)(
    'converge when one deletes a note the other moved (%s deletes)',
    (deleter) => {
      const peers = twoPeers();
      const id = createNote(peers.a, { x: 100, y: 100, author: 'Ana' });
      const other = createNote(peers.a, { x: 900, y: 100, author: 'Ana' });
      peers.disconnect();
      const [del, mov] = deleter === 'a' ? [peers.a, peers.b] : [peers.b, peers.a];
      deleteNotes(del, [id]);
      moveNotes(mov, [{ id, x: 1700, y: 100 }]);
      recolorNotes(mov, [other], 'green');
      peers.reconnect();
      expectConverged(peers);
      expect(record(peers.a, id)).toBeUndefined();
      expect(record(peers.b, other)?.color).toBe('green');
    },
  );

  it('keep both insertions typed into the same note text', () => {
    const peers = twoPeers();
    const id = createNote(peers.a, { x: 100, y: 100, author: 'Ana', text: 'Bank' });
    peers.disconnect();
    const paragraphText = (doc: Y.Doc) =>
      (noteTextFragment(doc, id)!.get(0) as Y.XmlElement).get(0) as Y.XmlText;
    peers.a.transact(() => paragraphText(peers.a).insert(0, 'Local '), 'editor');
    peers.b.transact(() => paragraphText(peers.b).insert(4, ' of Spain'), 'editor');
    typeInto(noteTextFragment(peers.b, id)!, plainTextToParagraphs('Second line'));
    peers.reconnect();
    expectConverged(peers);
    expect(fragmentToPlainText(noteTextFragment(peers.a, id)!)).toBe(
      'Local Bank of Spain\nSecond line',
    );
  });

  it('keep text typed at the same position by both', () => {
    const peers = twoPeers();
    const id = createNote(peers.a, { x: 100, y: 100, author: 'Ana', text: 'x' });
    peers.disconnect();
    for (const [doc, word] of [
      [peers.a, 'alpha'],
      [peers.b, 'beta'],
    ] as const) {
      const text = (noteTextFragment(doc, id)!.get(0) as Y.XmlElement).get(0) as Y.XmlText;
      doc.transact(() => text.insert(1, word), 'editor');
    }
    peers.reconnect();
    expectConverged(peers);
    const text = record(peers.a, id)!.text;
    expect(text).toContain('alpha');
    expect(text).toContain('beta');
    expect(text).toHaveLength('xalphabeta'.length);
  });
});
