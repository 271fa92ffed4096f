import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { META_KEYS, SCHEMA_VERSION } from '../model';
import { boardRoots, readMeta } from './board-doc';
import { MIGRATIONS, migrateBoardDoc, type MigrationStep } from './migrations';
import { createNote } from './notes';
import { SERVER_ORIGIN } from './origins';
import { readBoard } from './read-board';
import { REMOTE_ORIGIN, newBoard, recordTransactions } from './test-support';

function boardAtVersion(version: number): Y.Doc {
  const doc = newBoard();
  createNote(doc, { x: 100, y: 100, author: 'Ana', text: 'Bank' });
  doc.transact(() => boardRoots(doc).meta.set(META_KEYS.schemaVersion, version), SERVER_ORIGIN);
  return doc;
}

/** A fake step 1 → 2 that renames the default colour, counting its runs. */
function fakeStep(): MigrationStep & { runs: number } {
  return {
    from: 1,
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
    const doc = boardAtVersion(SCHEMA_VERSION + 1);
    const before = Y.encodeStateAsUpdate(doc);
    const step = { ...fakeStep(), from: SCHEMA_VERSION + 1 };
    expect(migrateBoardDoc(doc, [step])).toEqual({
      status: 'newer',
      version: SCHEMA_VERSION + 1,
    });
    expect(step.runs).toBe(0);
    expect(Y.encodeStateAsUpdate(doc)).toEqual(before);
  });

  it('runs each step once, in one server transaction, and records the new version', () => {
    const doc = boardAtVersion(1);
    const step = fakeStep();
    const log = recordTransactions(doc);
    expect(migrateBoardDoc(doc, [step], 2)).toEqual({ status: 'migrated', from: 1, to: 2 });
    expect(step.runs).toBe(1);
    expect(readMeta(doc).schemaVersion).toBe(2);
    expect(log.origins).toEqual([SERVER_ORIGIN]);
    expect(log.updates).toBe(1);
    expect([...readBoard(doc).notes.values()].map((n) => n.color)).toEqual(['orange']);

    expect(migrateBoardDoc(doc, [step], 2)).toEqual({ status: 'current', version: 2 });
    expect(step.runs).toBe(1);
  });

  it('chains steps from the stored version up to the target', () => {
    const doc = boardAtVersion(1);
    const order: number[] = [];
    const steps: MigrationStep[] = [2, 1, 3].map((from) => ({
      from,
      describe: `test step ${from}`,
      migrate: () => order.push(from),
    }));
    expect(migrateBoardDoc(doc, steps, 4)).toEqual({ status: 'migrated', from: 1, to: 4 });
    expect(order).toEqual([1, 2, 3]);
    expect(readMeta(doc).schemaVersion).toBe(4);
  });

  it('throws on a missing step without running any step or changing the version', () => {
    const doc = boardAtVersion(1);
    const step = fakeStep();
    const before = Y.encodeStateAsUpdate(doc);
    expect(() => migrateBoardDoc(doc, [step], 3)).toThrow(/no migration from schema version 2/);
    expect(step.runs).toBe(0);
    expect(readMeta(doc).schemaVersion).toBe(1);
    expect(Y.encodeStateAsUpdate(doc)).toEqual(before);
  });

  it('reaches clients as an ordinary update', () => {
    const server = boardAtVersion(1);
    const client = new Y.Doc();
    Y.applyUpdate(client, Y.encodeStateAsUpdate(server), REMOTE_ORIGIN);
    server.on('update', (update: Uint8Array) => Y.applyUpdate(client, update, REMOTE_ORIGIN));
    migrateBoardDoc(server, [fakeStep()], 2);
    expect(readMeta(client).schemaVersion).toBe(2);
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
