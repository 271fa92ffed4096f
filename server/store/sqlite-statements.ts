import type Database from 'better-sqlite3';
import type { Role } from '../../lib/model';
import type { LogRef, StoredVersionMeta, UpdateFormat, VersionKind } from './store';

/** The SQLite engine's rows and prepared statements (sqlite-engine.ts runs them). */

/** The `format` column: the digit of the Yjs update format. */
export type FormatNumber = 1 | 2;
export const FORMAT_NUMBER: Record<UpdateFormat, FormatNumber> = { v1: 1, v2: 2 };
export const FORMAT_OF_NUMBER: Record<FormatNumber, UpdateFormat> = { 1: 'v1', 2: 'v2' };

/** The `writer` column of a board's own log. */
export const BOARD_LOG = '';

interface LogRow {
  kind: 'snapshot' | 'update';
  format: FormatNumber;
  data: Buffer;
}

interface TokenRow {
  role: Role;
  hash: Buffer;
  salt: Buffer | null;
}

interface VersionRow {
  id: string;
  name: string;
  kind: VersionKind;
  created_at: number;
}

export interface LogStats {
  rows: number;
  bytes: number;
  snapshots: number;
}

/** better-sqlite3 binds Buffers as BLOBs; this views the same bytes without copying. */
export function toBuffer(bytes: Uint8Array): Buffer {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

export function toBytes(buffer: Buffer): Uint8Array {
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
}

export const writerOf = (log: LogRef): string => log.writer ?? BOARD_LOG;

export function versionMeta(row: VersionRow): StoredVersionMeta {
  return { id: row.id, name: row.name, kind: row.kind, createdAt: row.created_at };
}

/** Every statement the engine runs, prepared once per connection. */
export function prepareStatements(db: Database.Database) {
  return {
    insertBoard: db.prepare<[string, number, number | null]>(
      'INSERT INTO boards (id, created_at, doc_schema) VALUES (?, ?, ?)',
    ),
    boardExists: db.prepare<[string]>('SELECT 1 FROM boards WHERE id = ?').pluck(),
    readDocSchema: db.prepare<[string], { doc_schema: number | null }>(
      'SELECT doc_schema FROM boards WHERE id = ?',
    ),
    writeDocSchema: db.prepare<[number | null, string]>(
      'UPDATE boards SET doc_schema = ? WHERE id = ?',
    ),
    readLog: db.prepare<[string, string], LogRow>(
      'SELECT kind, format, data FROM board_log WHERE board_id = ? AND writer = ? ORDER BY seq',
    ),
    appendSnapshot: db.prepare<[string, string, FormatNumber, Buffer]>(
      `INSERT INTO board_log (board_id, writer, kind, format, data) VALUES (?, ?, 'snapshot', ?, ?)`,
    ),
    // Every accepted update is one run of this, before it is relayed: its constant columns
    // are written into the statement rather than bound each time.
    appendUpdate: db.prepare<[string, string, Buffer]>(
      `INSERT INTO board_log (board_id, writer, kind, format, data)
         VALUES (?, ?, 'update', ${FORMAT_NUMBER.v1}, ?)`,
    ),
    clearLog: db.prepare<[string, string]>(
      'DELETE FROM board_log WHERE board_id = ? AND writer = ?',
    ),
    writers: db
      .prepare<[string, string], string>(
        `SELECT DISTINCT writer FROM board_log WHERE board_id = ? AND writer != ? ORDER BY writer`,
      )
      .pluck(),
    upsertToken: db.prepare<[string, string, Buffer, Buffer | null]>(
      `INSERT INTO board_tokens (board_id, role, hash, salt) VALUES (?, ?, ?, ?)
         ON CONFLICT (board_id, role) DO UPDATE SET hash = excluded.hash, salt = excluded.salt`,
    ),
    readTokens: db.prepare<[string], TokenRow>(
      'SELECT role, hash, salt FROM board_tokens WHERE board_id = ?',
    ),
    withoutTokens: db
      .prepare<[], string>(
        `SELECT id FROM boards WHERE NOT EXISTS
           (SELECT 1 FROM board_tokens WHERE board_tokens.board_id = boards.id)`,
      )
      .pluck(),
    insertVersion: db.prepare<[string, string, string, string, number, Buffer]>(
      'INSERT INTO board_snapshots (id, board_id, name, kind, created_at, state) VALUES (?, ?, ?, ?, ?, ?)',
    ),
    listVersions: db.prepare<[string], VersionRow>(
      `SELECT id, name, kind, created_at FROM board_snapshots WHERE board_id = ?
         ORDER BY created_at DESC, rowid DESC`,
    ),
    getVersion: db.prepare<[string, string], VersionRow & { state: Buffer }>(
      'SELECT id, name, kind, created_at, state FROM board_snapshots WHERE board_id = ? AND id = ?',
    ),
    pruneAuto: db.prepare<[string, string, number]>(
      `DELETE FROM board_snapshots WHERE board_id = ? AND rowid IN (
         SELECT rowid FROM board_snapshots WHERE board_id = ? AND kind != 'manual'
           ORDER BY created_at DESC, rowid DESC LIMIT -1 OFFSET ?)`,
    ),
    probeInsert: db.prepare<[number]>('INSERT INTO store_probe (data) VALUES (zeroblob(?))'),
    probeClear: db.prepare('DELETE FROM store_probe'),
    stats: db.prepare<[string], LogStats>(
      `SELECT count(*) AS rows, coalesce(sum(length(data)), 0) AS bytes,
              count(*) FILTER (WHERE kind = 'snapshot') AS snapshots
         FROM board_log WHERE board_id = ? AND writer = ''`,
    ),
  };
}
