/**
 * The PostgreSQL store's tables, one entry per version (lienzo_schema.version counts them;
 * migrate.ts applies them). Append a step for any change; never edit a released one, stored
 * databases have already run it.
 *
 * A board's document and each private-writing draft are both a *document*: a row holding the
 * last sequence number given to one of its updates, an optional compacted snapshot, and the
 * updates since. The board's document has the board's id; a draft has `<board>.<writer>`
 * (server/private), which no board id can equal.
 */
export const SCHEMA_STEPS: readonly string[] = [
  `CREATE TABLE boards (
     id text PRIMARY KEY,
     created_at bigint NOT NULL,           -- milliseconds since the epoch
     doc_schema integer                    -- StoredBoard.docSchema; NULL when unknown
   );
   CREATE TABLE documents (
     id text PRIMARY KEY,
     board_id text NOT NULL REFERENCES boards(id) ON DELETE CASCADE,
     writer text,                          -- NULL for the board's own document
     -- The last seq given to an update. Incremented in the transaction that inserts the
     -- updates, so two processes writing one document serialize on this row and seq is dense
     -- and in commit order (an identity column is neither).
     seq bigint NOT NULL DEFAULT 0
   );
   CREATE INDEX documents_by_board ON documents(board_id);
   CREATE TABLE document_snapshots (
     document_id text PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
     format smallint NOT NULL CHECK (format IN (1, 2)),  -- Yjs update format
     data bytea NOT NULL,
     through_seq bigint NOT NULL           -- holds every update with seq <= this
   );
   CREATE TABLE document_updates (
     document_id text NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
     seq bigint NOT NULL,
     data bytea NOT NULL,                  -- Yjs update format v1, as it came over the wire
     PRIMARY KEY (document_id, seq)
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
];
