import type Database from 'better-sqlite3';
import { StoreOpenError } from './store';

/**
 * The SQLite store's one migration chain: the table layout, one entry per version (PRAGMA
 * user_version counts them). Append a step for any change; never edit a released one,
 * stored databases have already run it (sqlite-migrations.test.ts builds a database at each
 * released version, with data, and opens it with this code).
 */
export const SCHEMA_STEPS: readonly string[] = [
  `CREATE TABLE boards (
     id TEXT PRIMARY KEY,
     created_at INTEGER NOT NULL
   ) STRICT;
   CREATE TABLE board_log (
     seq INTEGER PRIMARY KEY,
     board_id TEXT NOT NULL REFERENCES boards(id) ON DELETE CASCADE,
     kind TEXT NOT NULL CHECK (kind IN ('snapshot', 'update')),
     data BLOB NOT NULL
   ) STRICT;
   CREATE INDEX board_log_by_board ON board_log(board_id, seq);`,
  // Share links: one row per board and role, holding the token's SHA-256 digest (never the
  // token) and, for derived tokens, their salt (server/auth/tokens.ts). Boards from before
  // this step have no rows; the server gives them links when it starts.
  `CREATE TABLE board_tokens (
     board_id TEXT NOT NULL REFERENCES boards(id) ON DELETE CASCADE,
     role TEXT NOT NULL CHECK (role IN ('facilitator', 'editor', 'viewer')),
     hash BLOB NOT NULL,
     salt BLOB,
     PRIMARY KEY (board_id, role)
   ) STRICT;`,
  // The Yjs update format of each row (store.ts UpdateFormat): 1 or 2. Rows from before
  // this step were all written in format 1.
  `ALTER TABLE board_log ADD COLUMN format INTEGER NOT NULL DEFAULT 1 CHECK (format IN (1, 2));`,
  // The document schema version (lib/model/schema.ts) the server last knew the board's stored
  // document to have (StoredBoard.docSchema). NULL for boards from before this step.
  `ALTER TABLE boards ADD COLUMN doc_schema INTEGER;`,
  // One chain for everything: versions and drafts were tables that their features created on
  // side connections (CREATE TABLE IF NOT EXISTS), outside this chain. Versions keep their
  // table, now made here (IF NOT EXISTS: a database that ran the feature has it already, with
  // exactly this layout). Drafts join the board log: a draft is a log like a board's, so it
  // gets the same rows, compaction and loading, told apart by `writer` ('' for the board's own
  // log, else the writer's digest); private_log's rows move over in their order and the table
  // goes. `store_probe` is the health check's write target (sqlite-engine.ts probeWrite).
  `CREATE TABLE IF NOT EXISTS board_snapshots (
     id TEXT PRIMARY KEY,
     board_id TEXT NOT NULL REFERENCES boards(id) ON DELETE CASCADE,
     name TEXT NOT NULL,
     kind TEXT NOT NULL CHECK (kind IN ('manual', 'auto-session-end', 'auto-interval')),
     created_at INTEGER NOT NULL,
     state BLOB NOT NULL
   ) STRICT;
   CREATE INDEX IF NOT EXISTS board_snapshots_by_board ON board_snapshots(board_id, created_at);
   CREATE TABLE IF NOT EXISTS private_log (
     seq INTEGER PRIMARY KEY AUTOINCREMENT,
     board_id TEXT NOT NULL REFERENCES boards(id) ON DELETE CASCADE,
     writer TEXT NOT NULL,
     kind TEXT NOT NULL CHECK (kind IN ('snapshot', 'update')),
     format TEXT NOT NULL CHECK (format IN ('v1', 'v2')),
     data BLOB NOT NULL
   ) STRICT;
   ALTER TABLE board_log ADD COLUMN writer TEXT NOT NULL DEFAULT '';
   INSERT INTO board_log (board_id, writer, kind, format, data)
     SELECT board_id, writer, kind, CASE format WHEN 'v1' THEN 1 ELSE 2 END, data
       FROM private_log ORDER BY seq;
   DROP TABLE private_log;
   DROP INDEX board_log_by_board;
   CREATE INDEX board_log_by_log ON board_log(board_id, writer, seq);
   CREATE TABLE store_probe (
     id INTEGER PRIMARY KEY,
     data BLOB NOT NULL
   ) STRICT;`,
];

/** Brings a database up to the last step, in one transaction. Throws for a newer database. */
export function migrate(db: Database.Database): void {
  const version = db.pragma('user_version', { simple: true }) as number;
  if (version > SCHEMA_STEPS.length)
    throw new StoreOpenError(
      `the database was written by a newer Lienzo (store schema ${version}, this code knows ${SCHEMA_STEPS.length})`,
    );
  db.transaction(() => {
    for (const [index, step] of SCHEMA_STEPS.entries()) {
      if (index < version) continue;
      db.exec(step);
      db.pragma(`user_version = ${index + 1}`);
    }
  })();
}
