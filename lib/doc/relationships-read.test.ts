import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  MAX_LINKS,
  NOTE_KEYS,
  REL_KEYS,
  newBoardId,
  newNoteId,
  type LinkKind,
  type NoteId,
} from '../model';
import { boardRoots } from './board-doc';
import { boardToJson } from './board-json';
import { createNote } from './notes';
import { BoardReader, readBoard } from './read-board';
import { linkKey, relationshipMapOf } from './relationship-map';
import { labelRelationship, linkNotes } from './relationships';
import { REMOTE_ORIGIN, addRelationshipNotes, newBoard } from './test-support';

function setup() {
  const doc = newBoard();
  const ids = addRelationshipNotes(doc);
  const reader = new BoardReader(doc);
  return { doc, reader, ...ids };
}

/** A schema v2 nested link set in `map`, created if missing (as a v2 peer would have). */
function legacySet(map: Y.Map<unknown>, kind: LinkKind): Y.Map<unknown> {
  const existing = map.get(REL_KEYS[kind]);
  if (existing instanceof Y.Map) return existing as Y.Map<unknown>;
  const set = new Y.Map<unknown>();
  map.set(REL_KEYS[kind], set);
  return set;
}

function relMap(doc: Y.Doc, id: NoteId): Y.Map<unknown> {
  return relationshipMapOf(boardRoots(doc).notes.get(id)!)!;
}

/** A write made by a peer running other code, straight into the note's `rel` map. */
function peerWrites(doc: Y.Doc, id: NoteId, write: (rel: Y.Map<unknown>) => void): void {
  doc.transact(() => write(relMap(doc, id)), REMOTE_ORIGIN);
}

/** Both readers, which must always agree. */
function records(doc: Y.Doc, reader: BoardReader, id: NoteId) {
  const fromReader = reader.getSnapshot().notes.get(id);
  const fromRead = readBoard(doc).notes.get(id);
  expect(fromReader).toEqual(fromRead);
  if (!fromRead) throw new Error(`note ${id} is not on the board`);
  return fromRead;
}

describe('reading labels and links', () => {
  it('gives every note empty labels and links to start with', () => {
    const { doc, reader, rel, partner } = setup();
    for (const id of [rel, partner]) {
      expect(records(doc, reader, id)).toMatchObject({
        relationship: {},
        links: { channels: [], segments: [] },
      });
    }
  });

  it('re-reads only the note whose labels changed', () => {
    const { doc, reader, rel, partner } = setup();
    const before = reader.getSnapshot();
    labelRelationship(doc, rel, { status: 'planned' });
    const after = reader.getSnapshot();
    expect(after.notes.get(rel)?.relationship).toEqual({ status: 'planned' });
    expect(after.notes.get(partner)).toBe(before.notes.get(partner));
  });

  it('drops links to notes that do not exist (a peer wrote them without cleanup)', () => {
    const { doc, reader, rel, email, segment } = setup();
    linkNotes(doc, rel, email);
    const ghost = newNoteId();
    peerWrites(doc, rel, (map) => {
      map.set(linkKey('channels', ghost), true);
      legacySet(map, 'segments').set(newNoteId(), true);
    });
    doc.transact(() => boardRoots(doc).notes.delete(segment), REMOTE_ORIGIN);
    expect(records(doc, reader, rel).links).toEqual({ channels: [email], segments: [] });
    expect(relMap(doc, rel).get(linkKey('channels', ghost))).toBe(true);
  });

  it.each([
    [
      'flat keys',
      (map: Y.Map<unknown>, id: string, value: unknown) => map.set(linkKey('channels', id), value),
    ],
    [
      'a v2 nested set',
      (map: Y.Map<unknown>, id: string, value: unknown) =>
        legacySet(map, 'channels').set(id, value),
    ],
  ])('drops link keys that are not note ids and ignores the link values, in %s', (_, write) => {
    const { doc, reader, rel, email, shop } = setup();
    peerWrites(doc, rel, (map) => {
      write(map, 'not-a-note', true);
      write(map, '__proto__', true);
      write(map, email, true);
      write(map, shop, false); // a link whatever its value
    });
    expect(records(doc, reader, rel).links.channels).toEqual([email, shop].sort());
    expect(records(doc, reader, rel).relationship).toEqual({});
  });

  it('does not let dangling ids hide real links behind the MAX_LINKS cap', () => {
    const { doc, reader, rel, email } = setup();
    linkNotes(doc, rel, email);
    peerWrites(doc, rel, (map) => {
      // Ids that sort before any real one, all missing from the board.
      for (let i = 0; i < MAX_LINKS; i++)
        map.set(linkKey('channels', `note_${String(i).padStart(16, '0')}`), true);
    });
    expect(records(doc, reader, rel).links.channels).toEqual([email]);
  });

  it.each<[string, Record<string, unknown>]>([
    ['an unknown type', { type: 'telepathy' }],
    ['a negative cost', { costAmount: -10 }],
    ['a NaN cost', { costAmount: Number.NaN }],
    ['a cost as a string', { costAmount: '100' }],
    ['a lower-case currency', { costCurrency: 'eur' }],
    ['a status of another field', { status: 'validated' }],
    ['a long evidence', { evidence: 'x'.repeat(1000) }],
    ['a nested type as a label', { stage: new Y.Map() }],
  ])('ignores %s from a peer, without throwing, and keeps valid labels', (_, bad) => {
    const { doc, reader, rel } = setup();
    labelRelationship(doc, rel, { motivation: 'retention', hypothesis: 'testing' });
    expect(() =>
      peerWrites(doc, rel, (map) => {
        for (const [key, value] of Object.entries(bad)) map.set(key, value);
      }),
    ).not.toThrow();
    expect(records(doc, reader, rel).relationship).toEqual({
      motivation: 'retention',
      hypothesis: 'testing',
    });
  });

  it('reads a `rel` that is not a map, or v2 link sets that are not maps, as empty', () => {
    const { doc, reader, rel, email, segment } = setup();
    doc.transact(() => boardRoots(doc).notes.get(email)!.set(NOTE_KEYS.rel, 'labels'));
    peerWrites(doc, rel, (map) => {
      map.set(REL_KEYS.channels, [email]);
      map.set(REL_KEYS.segments, { [segment]: true });
    });
    expect(records(doc, reader, email)).toMatchObject({
      relationship: {},
      links: { channels: [], segments: [] },
    });
    expect(records(doc, reader, rel).links).toEqual({ channels: [], segments: [] });
  });

  it('keeps unknown keys of `rel` in place, unread', () => {
    const { doc, reader, rel } = setup();
    peerWrites(doc, rel, (map) => map.set('futureField', 'from v3'));
    labelRelationship(doc, rel, { status: 'current' });
    expect(records(doc, reader, rel).relationship).toEqual({ status: 'current' });
    expect(relMap(doc, rel).get('futureField')).toBe('from v3');
  });
});

describe('boardToJson with relationships', () => {
  it('includes every note’s `relationship` and `links`', () => {
    const doc = newBoard();
    const { rel, email, segment, partner } = addRelationshipNotes(doc);
    labelRelationship(doc, rel, { type: 'remote', costAmount: 20, costCurrency: 'EUR' });
    linkNotes(doc, rel, email);
    linkNotes(doc, rel, segment);
    const json = boardToJson(newBoardId(), doc);
    const byId = new Map(json.notes.map((n) => [n.id, n]));
    expect(byId.get(rel)).toMatchObject({
      relationship: { type: 'remote', costAmount: 20, costCurrency: 'EUR' },
      links: { channels: [email], segments: [segment] },
    });
    expect(byId.get(partner)).toMatchObject({
      relationship: {},
      links: { channels: [], segments: [] },
    });
    expect(JSON.parse(JSON.stringify(json))).toEqual(json);
  });

  it('leaves out links to notes that are gone', () => {
    const doc = newBoard();
    const { rel, email } = addRelationshipNotes(doc);
    const later = createNote(doc, { x: 1250, y: 800, author: 'Luis' });
    linkNotes(doc, rel, email);
    linkNotes(doc, rel, later);
    doc.transact(() => boardRoots(doc).notes.delete(later), REMOTE_ORIGIN);
    const json = boardToJson(newBoardId(), doc);
    expect(json.notes.find((n) => n.id === rel)?.links.channels).toEqual([email]);
  });
});
