import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { newBoardId } from '../../lib/model';
import { makeTempDir } from '../../test/helpers/temp-dir';
import { issueTokens } from '../auth/tokens';
import { DATABASE_FILE, SqliteBoardStore } from './sqlite-store';

const dirs: { remove(): void }[] = [];
const stores: SqliteBoardStore[] = [];

function open(): { store: SqliteBoardStore; path: string } {
  const dir = makeTempDir();
  dirs.push(dir);
  const store = new SqliteBoardStore(dir.path);
  stores.push(store);
  return { store, path: dir.path };
}

afterEach(() => {
  for (const store of stores.splice(0)) store.close();
  for (const dir of dirs.splice(0)) dir.remove();
});

const bytes = (...values: number[]) => new Uint8Array(values);
/** The store keeps bytes opaque: any bytes do as a snapshot here. */
const v2 = (...values: number[]) => ({ format: 'v2', data: bytes(...values) }) as const;

describe('SqliteBoardStore', () => {
  it('creates a board with its initial state as a snapshot', () => {
    const { store } = open();
    const id = newBoardId();
    expect(store.boardExists(id)).toBe(false);
    expect(store.loadBoard(id)).toBeNull();
    store.createBoard(id, { createdAt: 1, docSchema: 3 }, v2(1, 2), issueTokens().stored);
    expect(store.boardExists(id)).toBe(true);
    expect(store.loadBoard(id)).toEqual({ snapshot: v2(1, 2), updates: [], docSchema: 3 });
  });

  it('appends updates in order and compacts them into one snapshot', () => {
    const { store } = open();
    const id = newBoardId();
    store.createBoard(id, { createdAt: 1, docSchema: 3 }, v2(0), issueTokens().stored);
    store.appendUpdate(id, bytes(1));
    store.appendUpdate(id, bytes(2, 2));
    expect(store.loadBoard(id)).toEqual({
      snapshot: v2(0),
      updates: [bytes(1), bytes(2, 2)],
      docSchema: 3,
    });
    expect(store.logStats(id)).toEqual({ rows: 3, bytes: 4, snapshots: 1 });

    store.compact(id, v2(9, 9, 9));
    store.appendUpdate(id, bytes(3));
    expect(store.loadBoard(id)).toEqual({
      snapshot: v2(9, 9, 9),
      updates: [bytes(3)],
      docSchema: 3,
    });
    expect(store.logStats(id)).toEqual({ rows: 2, bytes: 4, snapshots: 1 });
  });

  it('keeps boards apart and survives reopening', () => {
    const { store, path } = open();
    const [a, b] = [newBoardId(), newBoardId()];
    store.createBoard(a, { createdAt: 1, docSchema: 3 }, v2(1), issueTokens().stored);
    store.createBoard(
      b,
      { createdAt: 2, docSchema: null },
      { format: 'v1', data: bytes(2) },
      issueTokens().stored,
    );
    store.appendUpdate(a, bytes(11));
    store.close();
    const reopened = new SqliteBoardStore(path);
    stores.push(reopened);
    expect(reopened.loadBoard(a)).toEqual({ snapshot: v2(1), updates: [bytes(11)], docSchema: 3 });
    expect(reopened.loadBoard(b)).toEqual({
      snapshot: { format: 'v1', data: bytes(2) },
      updates: [],
      docSchema: null,
    });
  });

  it('reads a database written before snapshots had a format as format v1', () => {
    const { store, path } = open();
    const id = newBoardId();
    store.createBoard(id, { createdAt: 1, docSchema: 3 }, v2(5), issueTokens().stored);
    store.close();
    // Take the file back to store schema 2: no format column, every row in v1.
    const db = new Database(join(path, DATABASE_FILE));
    db.exec('ALTER TABLE board_log DROP COLUMN format');
    db.exec('ALTER TABLE boards DROP COLUMN doc_schema');
    db.pragma('user_version = 2');
    db.close();
    const reopened = new SqliteBoardStore(path);
    stores.push(reopened);
    expect(reopened.loadBoard(id)).toEqual({
      snapshot: { format: 'v1', data: bytes(5) },
      updates: [],
      // Unknown for a board from before store schema 4: its room builds and checks it.
      docSchema: null,
    });
  });

  it("records the schema version of a board's document", () => {
    const { store } = open();
    const id = newBoardId();
    store.createBoard(id, { createdAt: 1, docSchema: null }, v2(1), issueTokens().stored);
    expect(store.loadBoard(id)?.docSchema).toBeNull();
    store.setDocSchema(id, 3);
    expect(store.loadBoard(id)?.docSchema).toBe(3);
  });

  it('refuses updates for a board that was never created', () => {
    const { store } = open();
    expect(() => store.appendUpdate(newBoardId(), bytes(1))).toThrow(/FOREIGN KEY/);
  });

  it('reports health, and ill health once closed', () => {
    const { store } = open();
    expect(store.health()).toBe(true);
    store.close();
    expect(store.health()).toBe(false);
  });
});
