import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { newBoardId, type BoardId } from '../../lib/model';
import { makeTempDir } from '../../test/helpers/temp-dir';
import { issueTokens } from '../auth/tokens';
import { DATABASE_FILE, SqliteStore } from './sqlite-engine';
import { SCHEMA_STEPS } from './sqlite-schema';

/**
 * Every released database opens with this code, nothing lost: a database is built at each
 * earlier store schema version (the released steps of SCHEMA_STEPS), with rows in every
 * table it had, with and without the tables that version history and private writing used
 * to create on their own connections (their layouts as those releases wrote them, below).
 */

/** server/history/snapshot-store.ts, before store schema 5. */
const OLD_VERSIONS_TABLE = `
  CREATE TABLE IF NOT EXISTS board_snapshots (
    id TEXT PRIMARY KEY,
    board_id TEXT NOT NULL REFERENCES boards(id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('manual', 'auto-session-end', 'auto-interval')),
    created_at INTEGER NOT NULL,
    state BLOB NOT NULL
  ) STRICT;
  CREATE INDEX IF NOT EXISTS board_snapshots_by_board ON board_snapshots(board_id, created_at);`;

/** server/private/private-store.ts, before store schema 5. */
const OLD_DRAFTS_TABLE = `
  CREATE TABLE IF NOT EXISTS private_log (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    board_id TEXT NOT NULL REFERENCES boards(id) ON DELETE CASCADE,
    writer TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('snapshot', 'update')),
    format TEXT NOT NULL CHECK (format IN ('v1', 'v2')),
    data BLOB NOT NULL
  ) STRICT;
  CREATE INDEX IF NOT EXISTS private_log_by_writer ON private_log(board_id, writer, seq);`;

/** The last version before this chain took in versions and drafts. */
const LAST_SPLIT_VERSION = 4;

const dirs: { remove(): void }[] = [];
const stores: SqliteStore[] = [];
afterEach(async () => {
  for (const store of stores.splice(0)) await store.close();
  for (const dir of dirs.splice(0)) dir.remove();
});

const bytes = (...values: number[]) => Buffer.from(values);

interface Built {
  dataDir: string;
  board: BoardId;
  tokens: ReturnType<typeof issueTokens>['stored'] | null;
}

/** A database at store schema `version`, with a board and its rows as that version wrote them. */
function buildAt(version: number, sideTables: boolean): Built {
  const dir = makeTempDir();
  dirs.push(dir);
  const db = new Database(join(dir.path, DATABASE_FILE));
  db.pragma('journal_mode = WAL');
  for (const step of SCHEMA_STEPS.slice(0, version)) db.exec(step);
  db.pragma(`user_version = ${version}`);
  const board = newBoardId();
  const columns =
    version >= 4
      ? '(id, created_at, doc_schema) VALUES (?, 1, 3)'
      : '(id, created_at) VALUES (?, 1)';
  db.prepare(`INSERT INTO boards ${columns}`).run(board);
  // A snapshot then an update; from schema 3 on the snapshot is in format 2.
  if (version >= 3) {
    db.prepare(
      `INSERT INTO board_log (board_id, kind, format, data) VALUES (?, 'snapshot', 2, ?)`,
    ).run(board, bytes(1, 1));
    db.prepare(
      `INSERT INTO board_log (board_id, kind, format, data) VALUES (?, 'update', 1, ?)`,
    ).run(board, bytes(2));
  } else {
    db.prepare(`INSERT INTO board_log (board_id, kind, data) VALUES (?, 'snapshot', ?)`).run(
      board,
      bytes(1, 1),
    );
    db.prepare(`INSERT INTO board_log (board_id, kind, data) VALUES (?, 'update', ?)`).run(
      board,
      bytes(2),
    );
  }
  let tokens: Built['tokens'] = null;
  if (version >= 2) {
    tokens = issueTokens().stored;
    const insert = db.prepare(
      'INSERT INTO board_tokens (board_id, role, hash, salt) VALUES (?, ?, ?, ?)',
    );
    for (const [role, token] of Object.entries(tokens))
      insert.run(board, role, Buffer.from(token.hash), token.salt ? Buffer.from(token.salt) : null);
  }
  if (sideTables) {
    db.exec(OLD_VERSIONS_TABLE);
    db.exec(OLD_DRAFTS_TABLE);
    db.prepare(
      `INSERT INTO board_snapshots (id, board_id, name, kind, created_at, state) VALUES (?, ?, 'kept', 'manual', 7, ?)`,
    ).run('snap_AAAAAAAAAAAAAAAA', board, bytes(9, 9));
    const draft = db.prepare(
      'INSERT INTO private_log (board_id, writer, kind, format, data) VALUES (?, ?, ?, ?, ?)',
    );
    draft.run(board, 'writerB', 'update', 'v1', bytes(20));
    draft.run(board, 'writerA', 'snapshot', 'v2', bytes(10));
    draft.run(board, 'writerA', 'update', 'v1', bytes(11));
    draft.run(board, 'writerB', 'update', 'v1', bytes(21));
  }
  db.close();
  return { dataDir: dir.path, board, tokens };
}

async function open(dataDir: string): Promise<SqliteStore> {
  const store = await SqliteStore.open(dataDir);
  stores.push(store);
  return store;
}

const releasedVersions = Array.from({ length: SCHEMA_STEPS.length - 1 }, (_, i) => i + 1);

describe('the SQLite migration chain', () => {
  it.each(
    releasedVersions.flatMap((version) => [
      { version, sideTables: false },
      ...(version <= LAST_SPLIT_VERSION ? [{ version, sideTables: true }] : []),
    ]),
  )(
    'opens a database of store schema $version (side tables: $sideTables) with nothing lost',
    async ({ version, sideTables }) => {
      const { dataDir, board, tokens } = buildAt(version, sideTables);
      const store = await open(dataDir);
      expect(await store.loadLog({ board })).toEqual({
        snapshot: { format: version >= 3 ? 'v2' : 'v1', data: new Uint8Array([1, 1]) },
        updates: [new Uint8Array([2])],
        docSchema: version >= 4 ? 3 : null,
      });
      if (tokens) {
        const loaded = await store.loadTokens(board);
        expect(loaded?.editor.hash).toEqual(new Uint8Array(tokens.editor.hash));
        expect(await store.boardsWithoutTokens()).toEqual([]);
      } else {
        expect(await store.boardsWithoutTokens()).toEqual([board]);
      }
      if (sideTables) {
        expect(await store.getVersion(board, 'snap_AAAAAAAAAAAAAAAA')).toEqual({
          id: 'snap_AAAAAAAAAAAAAAAA',
          name: 'kept',
          kind: 'manual',
          createdAt: 7,
          state: new Uint8Array([9, 9]),
        });
        expect(await store.draftWriters(board)).toEqual(['writerA', 'writerB']);
        expect(await store.loadLog({ board, writer: 'writerA' })).toEqual({
          snapshot: { format: 'v2', data: new Uint8Array([10]) },
          updates: [new Uint8Array([11])],
          docSchema: null,
        });
        // In their order, after the move into the board log.
        expect((await store.loadLog({ board, writer: 'writerB' }))?.updates).toEqual([
          new Uint8Array([20]),
          new Uint8Array([21]),
        ]);
      } else {
        expect(await store.listVersions(board)).toEqual([]);
        expect(await store.draftWriters(board)).toEqual([]);
      }
      // The store works on: it writes and the chain is at its end, with no side table left.
      await store.appendUpdates({ board }, [new Uint8Array([3])]);
      expect((await store.probeWrite()).ok).toBe(true);
      await store.close();
      const db = new Database(join(dataDir, DATABASE_FILE), { readonly: true });
      expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_STEPS.length);
      const tables = db
        .prepare("SELECT name FROM sqlite_master WHERE type = 'table'")
        .pluck()
        .all();
      expect(tables).not.toContain('private_log');
      db.close();
    },
  );

  it('refuses a database written by a newer Lienzo, leaving it as it is', async () => {
    const { dataDir } = buildAt(SCHEMA_STEPS.length, false);
    const db = new Database(join(dataDir, DATABASE_FILE));
    db.pragma(`user_version = ${SCHEMA_STEPS.length + 1}`);
    db.close();
    await expect(SqliteStore.open(dataDir)).rejects.toThrow(/newer Lienzo/);
  });
});
