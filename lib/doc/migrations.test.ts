import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { META_KEYS, NOTE_KEYS, REL_KEYS, SCHEMA_VERSION, newNoteId, type NoteId } from '../model';
import { boardRoots, readMeta } from './board-doc';
import { MIGRATIONS, migrateBoardDoc, type MigrationStep } from './migrations';
import { createNote } from './notes';
import { plainTextToParagraphs } from './note-text';
import { SERVER_ORIGIN } from './origins';
import { readBoard } from './read-board';
import { linkKey, relationshipMapOf } from './relationship-map';
import { chooseRelationshipType, labelRelationship, linkNotes } from './relationships';
import {
  REMOTE_ORIGIN,
  TEST_CREATED_AT,
  addRelationshipNotes,
  newBoard,
  recordTransactions,
} from './test-support';

/** The current version: the generic tests below migrate from it to versions that do not exist. */
const V = SCHEMA_VERSION;

/** A current board with one note, its stored version then set to `version`. */
function boardAtVersion(version: number): Y.Doc {
  const doc = newBoard();
  createNote(doc, { x: 100, y: 100, author: 'Ana', text: 'Bank' });
  doc.transact(() => boardRoots(doc).meta.set(META_KEYS.schemaVersion, version), SERVER_ORIGIN);
  return doc;
}

/** A fake step V → V + 1 that renames the default colour, counting its runs. */
function fakeStep(): MigrationStep & { runs: number } {
  return {
    from: V,
    describe: 'test: yellow notes become orange',
    runs: 0,
    migrate(doc) {
      this.runs++;
      boardRoots(doc).notes.forEach((note) => {
        if (note.get('color') === 'yellow') note.set('color', 'orange');
      });
    },
  };
}

describe('migrateBoardDoc', () => {
  it('reports an empty document (a board that was never created) and writes nothing', () => {
    const doc = new Y.Doc();
    const log = recordTransactions(doc);
    expect(migrateBoardDoc(doc)).toEqual({ status: 'empty' });
    expect(log.origins).toEqual([]);
  });

  it('leaves a current document alone', () => {
    const doc = newBoard();
    const log = recordTransactions(doc);
    expect(migrateBoardDoc(doc)).toEqual({ status: 'current', version: SCHEMA_VERSION });
    expect(log.origins).toEqual([]);
  });

  it('serves a document written by newer code untouched', () => {
    const doc = boardAtVersion(V + 1);
    const before = Y.encodeStateAsUpdate(doc);
    const step = { ...fakeStep(), from: V + 1 };
    expect(migrateBoardDoc(doc, [step])).toEqual({ status: 'newer', version: V + 1 });
    expect(step.runs).toBe(0);
    expect(Y.encodeStateAsUpdate(doc)).toEqual(before);
  });

  it('runs each step once, in one server transaction, and records the new version', () => {
    const doc = boardAtVersion(V);
    const step = fakeStep();
    const log = recordTransactions(doc);
    expect(migrateBoardDoc(doc, [step], V + 1)).toEqual({
      status: 'migrated',
      from: V,
      to: V + 1,
    });
    expect(step.runs).toBe(1);
    expect(readMeta(doc).schemaVersion).toBe(V + 1);
    expect(log.origins).toEqual([SERVER_ORIGIN]);
    expect(log.updates).toBe(1);
    expect([...readBoard(doc).notes.values()].map((n) => n.color)).toEqual(['orange']);

    expect(migrateBoardDoc(doc, [step], V + 1)).toEqual({ status: 'current', version: V + 1 });
    expect(step.runs).toBe(1);
  });

  it('chains steps from the stored version up to the target', () => {
    const doc = boardAtVersion(V);
    const order: number[] = [];
    const steps: MigrationStep[] = [V + 1, V, V + 2].map((from) => ({
      from,
      describe: `test step ${from}`,
      migrate: () => order.push(from),
    }));
    expect(migrateBoardDoc(doc, steps, V + 3)).toEqual({ status: 'migrated', from: V, to: V + 3 });
    expect(order).toEqual([V, V + 1, V + 2]);
    expect(readMeta(doc).schemaVersion).toBe(V + 3);
  });

  it('throws on a missing step without running any step or changing the version', () => {
    const doc = boardAtVersion(V);
    const step = fakeStep();
    const before = Y.encodeStateAsUpdate(doc);
    expect(() => migrateBoardDoc(doc, [step], V + 2)).toThrow(
      new RegExp(`no migration from schema version ${V + 1}$`),
    );
    expect(step.runs).toBe(0);
    expect(readMeta(doc).schemaVersion).toBe(V);
    expect(Y.encodeStateAsUpdate(doc)).toEqual(before);
  });

  it('reaches clients as an ordinary update', () => {
    const server = boardAtVersion(V);
    const client = new Y.Doc();
    Y.applyUpdate(client, Y.encodeStateAsUpdate(server), REMOTE_ORIGIN);
    server.on('update', (update: Uint8Array) => Y.applyUpdate(client, update, REMOTE_ORIGIN));
    migrateBoardDoc(server, [fakeStep()], V + 1);
    expect(readMeta(client).schemaVersion).toBe(V + 1);
    expect(readBoard(client)).toEqual(readBoard(server));
  });
});

describe('MIGRATIONS', () => {
  it('has exactly one step from every older version up to SCHEMA_VERSION', () => {
    const froms = MIGRATIONS.map((step) => step.from).sort((a, b) => a - b);
    expect(froms).toEqual(Array.from({ length: SCHEMA_VERSION - 1 }, (_, i) => i + 1));
    for (const step of MIGRATIONS) expect(step.describe).not.toBe('');
  });
});

/** A board as version-1 code wrote it, by hand: notes without a `rel` map. */
function v1Board() {
  const doc = new Y.Doc();
  const { meta, notes } = boardRoots(doc);
  const ids = { rel: newNoteId(), channel: newNoteId(), segment: newNoteId() };
  const placed: [NoteId, string, number, number, string][] = [
    [ids.rel, 'customerRelationships', 1250, 100, 'Email support'],
    [ids.channel, 'channels', 1250, 600, 'Email'],
    [ids.segment, 'customerSegments', 1700, 100, 'Freelancers'],
  ];
  doc.transact(() => {
    meta.set(META_KEYS.schemaVersion, 1);
    meta.set(META_KEYS.title, 'Old board');
    meta.set(META_KEYS.createdAt, TEST_CREATED_AT);
    placed.forEach(([id, block, x, y, text], z) => {
      const note = new Y.Map<unknown>(
        Object.entries({ block, x, y, width: 160, height: 110, color: 'yellow', z, author: 'Ana' }),
      );
      note.set(NOTE_KEYS.createdAt, TEST_CREATED_AT);
      const fragment = new Y.XmlFragment();
      note.set(NOTE_KEYS.text, fragment);
      notes.set(id, note);
      fragment.insert(0, plainTextToParagraphs(text));
    });
  }, SERVER_ORIGIN);
  return { doc, ...ids };
}

function relMap(doc: Y.Doc, id: NoteId) {
  return relationshipMapOf(boardRoots(doc).notes.get(id)!);
}

describe('step 1 → 2: a `rel` map on every note', () => {
  it('is the first step, from version 1', () => {
    expect(MIGRATIONS.map((step) => step.from)).toEqual([1, 2]);
  });

  it('gives every note of a v1 board a `rel` map, in one transaction with step 2 → 3', () => {
    const { doc, rel, channel, segment } = v1Board();
    const before = readBoard(doc);
    expect(relMap(doc, rel)).toBeNull();
    const log = recordTransactions(doc);
    expect(migrateBoardDoc(doc)).toEqual({ status: 'migrated', from: 1, to: 3 });
    expect(log.origins).toEqual([SERVER_ORIGIN]);
    expect(log.updates).toBe(1);
    expect(readMeta(doc)).toEqual({ ...before.meta, schemaVersion: 3 });
    for (const id of [rel, channel, segment]) {
      const map = relMap(doc, id)!;
      expect(map).toBeInstanceOf(Y.Map);
      expect(map.toJSON()).toEqual({});
    }
    // Nothing else changed: the same notes, text and all, with empty labels and links.
    expect([...readBoard(doc).notes.values()]).toEqual([...before.notes.values()]);
    expect(readBoard(doc).notes.get(channel)?.text).toBe('Email');
  });

  it('is current on a migrated board, and writes nothing when run again', () => {
    const { doc } = v1Board();
    migrateBoardDoc(doc);
    const state = Y.encodeStateAsUpdate(doc);
    const log = recordTransactions(doc);
    expect(migrateBoardDoc(doc)).toEqual({ status: 'current', version: 3 });
    expect(log.origins).toEqual([]);
    expect(Y.encodeStateAsUpdate(doc)).toEqual(state);
  });

  it('lets a migrated board’s notes be labelled and linked, into the migration’s map', () => {
    const { doc, rel, channel, segment } = v1Board();
    migrateBoardDoc(doc);
    const map = relMap(doc, rel);
    chooseRelationshipType(doc, rel, 'remote');
    linkNotes(doc, rel, channel);
    linkNotes(doc, rel, segment);
    expect(relMap(doc, rel)).toBe(map);
    expect(readBoard(doc).notes.get(rel)).toMatchObject({
      relationship: { type: 'remote', mode: 'direct' },
      links: { channels: [channel], segments: [segment] },
    });
  });

  it('gives two clients the same map, so both clients’ labels are kept', () => {
    const { doc: server, rel } = v1Board();
    migrateBoardDoc(server);
    const [a, b] = [new Y.Doc(), new Y.Doc()];
    for (const client of [a, b]) Y.applyUpdate(client, Y.encodeStateAsUpdate(server));
    labelRelationship(a, rel, { status: 'current' });
    labelRelationship(b, rel, { costAmount: 30, costCurrency: 'EUR' });
    for (const client of [a, b]) Y.applyUpdate(server, Y.encodeStateAsUpdate(client));
    expect(readBoard(server).notes.get(rel)?.relationship).toEqual({
      status: 'current',
      costAmount: 30,
      costCurrency: 'EUR',
    });
  });

  it('keeps a `rel` map a note already has, and skips values that are not notes', () => {
    const { doc, rel } = v1Board();
    const existing = new Y.Map<unknown>();
    doc.transact(() => {
      boardRoots(doc).notes.get(rel)!.set(NOTE_KEYS.rel, existing);
      existing.set('status', 'planned');
      (boardRoots(doc).notes as Y.Map<unknown>).set(newNoteId(), 'not a note');
    });
    expect(() => migrateBoardDoc(doc)).not.toThrow();
    expect(relMap(doc, rel)).toBe(existing);
    expect(readBoard(doc).notes.get(rel)?.relationship).toEqual({ status: 'planned' });
  });
});

/** A v2 board as v2 code wrote it: links in nested sets of the `rel` map. */
function v2Board() {
  const doc = newBoard();
  const ids = addRelationshipNotes(doc);
  const [otherChannel] = [createNote(doc, { x: 1250, y: 500, author: 'Ana', text: 'Shop' })];
  doc.transact(() => {
    boardRoots(doc).meta.set(META_KEYS.schemaVersion, 2);
    const map = relMap(doc, ids.rel)!;
    map.set('status', 'current');
    const channels = new Y.Map<boolean>();
    const segments = new Y.Map<boolean>();
    map.set(REL_KEYS.channels, channels);
    map.set(REL_KEYS.segments, segments);
    channels.set(ids.email, true);
    channels.set(otherChannel, true);
    segments.set(ids.segment, true);
    // The partner note got its empty sets from the 1 → 2 migration.
    relMap(doc, ids.partner)!.set(REL_KEYS.channels, new Y.Map<boolean>());
  }, SERVER_ORIGIN);
  return { doc, otherChannel, ...ids };
}

describe('step 2 → 3: links as keys of the `rel` map', () => {
  it('moves every link out of the nested sets, keeping labels, in one transaction', () => {
    const { doc, rel, email, segment, partner, otherChannel } = v2Board();
    const before = readBoard(doc);
    expect(before.notes.get(rel)?.links).toEqual({
      channels: [email, otherChannel].sort(),
      segments: [segment],
    });
    const log = recordTransactions(doc);
    expect(migrateBoardDoc(doc)).toEqual({ status: 'migrated', from: 2, to: 3 });
    expect(log.updates).toBe(1);
    expect(relMap(doc, rel)!.toJSON()).toEqual({
      status: 'current',
      [linkKey('channels', email)]: true,
      [linkKey('channels', otherChannel)]: true,
      [linkKey('segments', segment)]: true,
    });
    expect(relMap(doc, partner)!.toJSON()).toEqual({});
    expect(readBoard(doc).notes).toEqual(before.notes);
  });

  it('writes nothing when run again', () => {
    const { doc } = v2Board();
    migrateBoardDoc(doc);
    const log = recordTransactions(doc);
    expect(migrateBoardDoc(doc)).toEqual({ status: 'current', version: 3 });
    expect(log.updates).toBe(0);
  });
});
