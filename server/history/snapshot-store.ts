import Database from 'better-sqlite3';
import { randomBytes } from 'node:crypto';
import type { BoardId } from '../../lib/model';
import { openSideConnection } from '../store/sqlite-store';

/**
 * Named versions of a board (the History tab): each one the whole document at a moment, in
 * Yjs update format v2 (Y.encodeStateAsUpdateV2), kept apart from the board's update log so
 * that compaction never touches them.
 *
 * The table lives in the board database (lienzo.db) but is created here, with IF NOT EXISTS,
 * rather than as a step of the store's schema: history is a feature on top of the store, and
 * the store knows nothing of it. Rows go with their board (ON DELETE CASCADE).
 */

export const SNAPSHOT_KINDS = ['manual', 'auto-session-end', 'auto-interval'] as const;
export type SnapshotKind = (typeof SNAPSHOT_KINDS)[number];

/**
 * Automatic versions kept per board; older ones are deleted as new ones are taken. Manual
 * versions are never deleted: someone named them on purpose.
 */
export const MAX_AUTO_SNAPSHOTS = 50;

/** What the list shows of a version. */
export interface SnapshotMeta {
  id: string;
  name: string;
  kind: SnapshotKind;
  /** Milliseconds since the epoch. */
  createdAt: number;
}

export interface Snapshot extends SnapshotMeta {
  /** The whole document, Yjs update format v2. */
  state: Uint8Array;
}

const SNAPSHOT_ID_PATTERN = /^snap_[A-Za-z0-9_-]{16}$/;

export function isSnapshotId(value: string): boolean {
  return SNAPSHOT_ID_PATTERN.test(value);
}

function newSnapshotId(): string {
  return `snap_${randomBytes(12).toString('base64url')}`;
}

const CREATE_TABLE = `
  CREATE TABLE IF NOT EXISTS board_snapshots (
    id TEXT PRIMARY KEY,
    board_id TEXT NOT NULL REFERENCES boards(id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('manual', 'auto-session-end', 'auto-interval')),
    created_at INTEGER NOT NULL,
    state BLOB NOT NULL
  ) STRICT;
  CREATE INDEX IF NOT EXISTS board_snapshots_by_board ON board_snapshots(board_id, created_at);`;

interface MetaRow {
  id: string;
  name: string;
  kind: SnapshotKind;
  created_at: number;
}

function metaOf(row: MetaRow): SnapshotMeta {
  return { id: row.id, name: row.name, kind: row.kind, createdAt: row.created_at };
}

/**
 * The versions table, on a connection of its own to the board database (WAL lets it share
 * the file with the board store's connection; both are synchronous and short).
 */
export class SnapshotStore {
  private readonly db: Database.Database;
  private readonly statements;

  constructor(dataDir: string) {
    // The board store has created the folder and the boards table by now (app-server.ts).
    this.db = openSideConnection(dataDir, CREATE_TABLE);
    this.statements = {
      insert: this.db.prepare<[string, string, string, string, number, Buffer]>(
        'INSERT INTO board_snapshots (id, board_id, name, kind, created_at, state) VALUES (?, ?, ?, ?, ?, ?)',
      ),
      list: this.db.prepare<[string], MetaRow>(
        `SELECT id, name, kind, created_at FROM board_snapshots WHERE board_id = ?
           ORDER BY created_at DESC, rowid DESC`,
      ),
      get: this.db.prepare<[string, string], MetaRow & { state: Buffer }>(
        'SELECT id, name, kind, created_at, state FROM board_snapshots WHERE board_id = ? AND id = ?',
      ),
      pruneAuto: this.db.prepare<[string, string, number]>(
        `DELETE FROM board_snapshots WHERE board_id = ? AND rowid IN (
           SELECT rowid FROM board_snapshots WHERE board_id = ? AND kind != 'manual'
             ORDER BY created_at DESC, rowid DESC LIMIT -1 OFFSET ?)`,
      ),
    };
  }

  /** Stores a version (and, for an automatic one, drops the oldest automatic ones). */
  add(
    board: BoardId,
    input: { name: string; kind: SnapshotKind; state: Uint8Array; createdAt?: number },
  ): SnapshotMeta {
    const meta: SnapshotMeta = {
      id: newSnapshotId(),
      name: input.name,
      kind: input.kind,
      createdAt: input.createdAt ?? Date.now(),
    };
    const state = Buffer.from(input.state.buffer, input.state.byteOffset, input.state.byteLength);
    this.db.transaction(() => {
      this.statements.insert.run(meta.id, board, meta.name, meta.kind, meta.createdAt, state);
      if (meta.kind !== 'manual') this.statements.pruneAuto.run(board, board, MAX_AUTO_SNAPSHOTS);
    })();
    return meta;
  }

  /** A board's versions, newest first. */
  list(board: BoardId): SnapshotMeta[] {
    return this.statements.list.all(board).map(metaOf);
  }

  get(board: BoardId, id: string): Snapshot | null {
    const row = this.statements.get.get(board, id);
    if (!row) return null;
    return { ...metaOf(row), state: new Uint8Array(row.state) };
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}
