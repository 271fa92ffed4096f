/**
 * The PostgreSQL store's tables, one entry per version (lienzo_schema.version counts them;
 * migrate.ts applies them). Append a step for any change; never edit a released one, stored
 * databases have already run it.
 *
 * A *log* is a board's document or one private-writing draft of it (store.ts LogRef): a row
 * of `logs` holding the last sequence number given to one of its updates, an optional
 * compacted snapshot, and the updates since. `writer` is '' for the board's own log.
 */
export const SCHEMA_STEPS: readonly string[] = [
  `CREATE TABLE boards (
     id text PRIMARY KEY,
     created_at bigint NOT NULL,           -- milliseconds since the epoch
     doc_schema integer                    -- StoredBoard.docSchema; NULL when unknown
   );
   CREATE TABLE logs (
     board_id text NOT NULL REFERENCES boards(id) ON DELETE CASCADE,
     writer text NOT NULL,
     -- The last seq given to an update. Raised in the statement that inserts the updates, so
     -- two processes writing one log serialize on this row, and seq is dense and in commit
     -- order (an identity column is neither: values are taken at insert, commit out of
     -- order, and rollbacks leave holes).
     seq bigint NOT NULL DEFAULT 0,
     PRIMARY KEY (board_id, writer)
   );
   CREATE TABLE log_snapshots (
     board_id text NOT NULL,
     writer text NOT NULL,
     format smallint NOT NULL CHECK (format IN (1, 2)),  -- the Yjs update format
     data bytea NOT NULL,
     through_seq bigint NOT NULL,          -- holds every update of the log with seq <= this
     PRIMARY KEY (board_id, writer),
     FOREIGN KEY (board_id, writer) REFERENCES logs ON DELETE CASCADE
   );
   CREATE TABLE log_updates (
     board_id text NOT NULL,
     writer text NOT NULL,
     seq bigint NOT NULL,
     data bytea NOT NULL,                  -- Yjs update format v1, as it came over the wire
     PRIMARY KEY (board_id, writer, seq),
     FOREIGN KEY (board_id, writer) REFERENCES logs ON DELETE CASCADE
   );`,
  // Share links: the SHA-256 digest of each token (never the token) and, for derived tokens,
  // their salt (server/auth/tokens.ts).
  `CREATE TABLE board_tokens (
     board_id text NOT NULL REFERENCES boards(id) ON DELETE CASCADE,
     role text NOT NULL CHECK (role IN ('facilitator', 'editor', 'viewer')),
     hash bytea NOT NULL,
     salt bytea,
     PRIMARY KEY (board_id, role)
   );`,
  // Named versions of a board (server/history): the whole document, Yjs update format v2.
  `CREATE TABLE board_versions (
     id text PRIMARY KEY,
     board_id text NOT NULL REFERENCES boards(id) ON DELETE CASCADE,
     name text NOT NULL,
     kind text NOT NULL CHECK (kind IN ('manual', 'auto-session-end', 'auto-interval')),
     created_at bigint NOT NULL,
     state bytea NOT NULL,
     -- Orders versions taken in the same millisecond, as SQLite's rowid does.
     position bigint GENERATED ALWAYS AS IDENTITY
   );
   CREATE INDEX board_versions_by_board ON board_versions(board_id, created_at);`,
  // The health probe's row (probeWrite): a committed write, so a database that cannot write
  // (disk full, read-only, out of connections) fails it.
  `CREATE TABLE lienzo_health (
     id smallint PRIMARY KEY CHECK (id = 1),
     probed_at timestamptz NOT NULL
   );`,
];
