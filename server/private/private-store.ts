import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import type { BoardId } from '../../lib/model';
import type { RoomStore, StoredBoard, StoredSnapshot } from '../store/board-store';
import { openSideConnection } from '../store/sqlite-store';

/**
 * Private writing: the notes a participant writes while the facilitator has private mode on
 * live in a document of their own, one per board and writer, stored here and served only to
 * connections that present the writer's secret. They never enter the board's document (and
 * so never reach anyone else's browser) until the facilitator reveals them.
 *
 * The writer is known by a digest of (board, secret): the secret itself is never stored, and
 * the same secret on another board gives another writer. A private document is stored like a
 * board (an optional snapshot, then updates), so the ordinary Room serves it; its room id is
 * `<boardId>.<writer>`, which no board id can equal (board ids have no dot).
 *
 * The table lives in the board database but is created here, as the version history's is:
 * private writing is a feature on top of the store.
 */

/** The secret a browser keeps for its private notes on one board: 128 bits or more, base64url. */
const SECRET_PATTERN = /^[A-Za-z0-9_-]{22,86}$/;

export function isPrivateSecret(value: unknown): value is string {
  return typeof value === 'string' && SECRET_PATTERN.test(value);
}

/** The writer's stored name: a digest of board and secret, 22 base64url characters. */
export function writerDigest(board: BoardId, secret: string): string {
  return createHash('sha256').update(`${board}\n${secret}`).digest('base64url').slice(0, 22);
}

export function privateRoomId(board: BoardId, writer: string): string {
  return `${board}.${writer}`;
}

function parseRoomId(id: string): { board: string; writer: string } {
  const dot = id.indexOf('.');
  if (dot < 0) throw new Error(`not a private room id: ${id}`);
  return { board: id.slice(0, dot), writer: id.slice(dot + 1) };
}

const CREATE_TABLE = `
  CREATE TABLE IF NOT EXISTS private_log (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    board_id TEXT NOT NULL REFERENCES boards(id) ON DELETE CASCADE,
    writer TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('snapshot', 'update')),
    format TEXT NOT NULL CHECK (format IN ('v1', 'v2')),
    data BLOB NOT NULL
  ) STRICT;
  CREATE INDEX IF NOT EXISTS private_log_by_writer ON private_log(board_id, writer, seq);`;

interface LogRow {
  kind: 'snapshot' | 'update';
  format: 'v1' | 'v2';
  data: Buffer;
}

const bytes = (data: Uint8Array) => Buffer.from(data.buffer, data.byteOffset, data.byteLength);

export class PrivateStore implements RoomStore {
  private readonly db: Database.Database;
  private readonly statements;

  constructor(dataDir: string) {
    // The board store has created the folder and the boards table by now (app-server.ts).
    this.db = openSideConnection(dataDir, CREATE_TABLE);
    this.statements = {
      load: this.db.prepare<[string, string], LogRow>(
        'SELECT kind, format, data FROM private_log WHERE board_id = ? AND writer = ? ORDER BY seq',
      ),
      append: this.db.prepare<[string, string, string, string, Buffer]>(
        'INSERT INTO private_log (board_id, writer, kind, format, data) VALUES (?, ?, ?, ?, ?)',
      ),
      clear: this.db.prepare<[string, string]>(
        'DELETE FROM private_log WHERE board_id = ? AND writer = ?',
      ),
      writers: this.db.prepare<[string], { writer: string }>(
        'SELECT DISTINCT writer FROM private_log WHERE board_id = ? ORDER BY writer',
      ),
    };
  }

  /** The stored private document; an empty log for a writer who has not written yet. */
  loadBoard(id: string): StoredBoard {
    const { board, writer } = parseRoomId(id);
    const rows = this.statements.load.all(board, writer);
    const last = rows.findLastIndex((row) => row.kind === 'snapshot');
    const snapshotRow = last >= 0 ? rows[last]! : null;
    return {
      snapshot: snapshotRow
        ? { format: snapshotRow.format, data: new Uint8Array(snapshotRow.data) }
        : null,
      updates: rows.slice(last + 1).map((row) => new Uint8Array(row.data)),
      // Not recorded for drafts (no setDocSchema): a draft's room builds it when it loads.
      docSchema: null,
    };
  }

  appendUpdate(id: string, update: Uint8Array): void {
    const { board, writer } = parseRoomId(id);
    this.statements.append.run(board, writer, 'update', 'v1', bytes(update));
  }

  compact(id: string, snapshot: StoredSnapshot): void {
    const { board, writer } = parseRoomId(id);
    this.db.transaction(() => {
      this.statements.clear.run(board, writer);
      this.statements.append.run(board, writer, 'snapshot', snapshot.format, bytes(snapshot.data));
    })();
  }

  /** Every writer with a private document on this board (revealed ones included). */
  writersOf(board: BoardId): string[] {
    return this.statements.writers.all(board).map((row) => row.writer);
  }

  close(): void {
    this.db.close();
  }
}
