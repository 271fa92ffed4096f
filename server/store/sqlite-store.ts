import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { ROLES, type BoardId, type Role } from '../../lib/model';
import type { StoredToken, StoredTokens } from '../auth/tokens';
import { consoleLogger, errorMessage, type Logger } from '../log';
import type {
  BoardInit,
  BoardStore,
  StoredBoard,
  StoredSnapshot,
  UpdateFormat,
} from './board-store';
import { startWalCheckpointer, type WalCheckpointer } from './wal-checkpointer';

/** The database file inside LIENZO_DATA_DIR. */
export const DATABASE_FILE = 'lienzo.db';

/**
 * How long a statement waits for a lock held by another connection (a backup, an admin
 * shell) before failing, in milliseconds. The server itself is the only writer.
 */
const BUSY_TIMEOUT_MS = 5_000;

/** SQLite's default automatic checkpoint threshold, in WAL pages: the fallback (see below). */
const SQLITE_AUTOCHECKPOINT_PAGES = 1_000;

/**
 * Another connection to the board database, for a feature that keeps tables of its own next
 * to the boards (version history, private writing). WAL lets it share the file with the
 * store's connection; both are synchronous and short. The store must have created the file
 * (and the boards table its rows reference) first.
 */
export function openSideConnection(dataDir: string, createTables: string): Database.Database {
  const db = new Database(join(dataDir, DATABASE_FILE));
  // The store's checkpointer copies this connection's commits too (wal-checkpointer.ts).
  db.pragma('wal_autocheckpoint = 0');
  db.pragma('foreign_keys = ON');
  db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
  db.exec(createTables);
  return db;
}

/**
 * The store's table layout, one entry per version (PRAGMA user_version counts them). Append
 * a step for any change; never edit a released one, stored databases have already run it.
 */
const SCHEMA_STEPS: readonly string[] = [
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
  // The Yjs update format of each row (board-store.ts UpdateFormat): 1 or 2. Rows from before
  // this step were all written in format 1.
  `ALTER TABLE board_log ADD COLUMN format INTEGER NOT NULL DEFAULT 1 CHECK (format IN (1, 2));`,
  // The document schema version (lib/model/schema.ts) the server last knew the board's stored
  // document to have (StoredBoard.docSchema). NULL for boards from before this step.
  `ALTER TABLE boards ADD COLUMN doc_schema INTEGER;`,
];

type LogKind = 'snapshot' | 'update';

interface TokenRow {
  role: Role;
  hash: Buffer;
  salt: Buffer | null;
}

interface LogRow {
  kind: LogKind;
  format: FormatNumber;
  data: Buffer;
}

/** The `format` column: the digit of the Yjs update format. */
type FormatNumber = 1 | 2;

const FORMAT_NUMBER: Record<UpdateFormat, FormatNumber> = { v1: 1, v2: 2 };
const FORMAT_OF_NUMBER: Record<FormatNumber, UpdateFormat> = { 1: 'v1', 2: 'v2' };

export interface LogStats {
  rows: number;
  bytes: number;
  snapshots: number;
}

/** better-sqlite3 binds Buffers as BLOBs; this views the same bytes without copying. */
function toBuffer(bytes: Uint8Array): Buffer {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

function toBytes(buffer: Buffer): Uint8Array {
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
}

export interface SqliteStoreOptions {
  logger?: Logger;
  /** How often the WAL is checkpointed, in ms (tests shorten it; see wal-checkpointer.ts). */
  checkpointIntervalMs?: number;
  /** Starts the checkpoint worker; tests replace it with one that fails. */
  startCheckpointer?: typeof startWalCheckpointer;
}

/**
 * The default store: one SQLite database in WAL mode. `synchronous = NORMAL` makes every
 * committed transaction durable across a crash or `kill -9` of the process (the promise the
 * sync server makes: an update is relayed only once stored); only a power loss or OS crash
 * can lose the last commits. FULL would cover that too, at the price of an fsync per update.
 */
export class SqliteBoardStore implements BoardStore {
  private readonly db: Database.Database;
  private readonly statements;
  private readonly checkpointer: WalCheckpointer;

  constructor(dataDir: string, options: SqliteStoreOptions = {}) {
    const {
      logger = consoleLogger,
      checkpointIntervalMs,
      startCheckpointer = startWalCheckpointer,
    } = options;
    mkdirSync(dataDir, { recursive: true });
    const file = join(dataDir, DATABASE_FILE);
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = NORMAL');
    // Checkpoints run on a worker thread, off the event loop (wal-checkpointer.ts); should
    // it fail, SQLite's own checkpoint comes back, so the log never grows without bound.
    this.db.pragma('wal_autocheckpoint = 0');
    this.checkpointer = startCheckpointer(file, {
      intervalMs: checkpointIntervalMs,
      onFailure: (error) => {
        logger.warn('WAL checkpoint worker failed; checkpointing in-line', errorMessage(error));
        if (this.db.open) this.db.pragma(`wal_autocheckpoint = ${SQLITE_AUTOCHECKPOINT_PAGES}`);
      },
      onWarning: (message) => logger.warn('WAL checkpoint', message),
    });
    this.db.pragma('foreign_keys = ON');
    this.db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    this.migrate();
    this.statements = {
      insertBoard: this.db.prepare<[string, number, number | null]>(
        'INSERT INTO boards (id, created_at, doc_schema) VALUES (?, ?, ?)',
      ),
      boardExists: this.db.prepare<[string]>('SELECT 1 FROM boards WHERE id = ?').pluck(),
      readDocSchema: this.db.prepare<[string], { doc_schema: number | null }>(
        'SELECT doc_schema FROM boards WHERE id = ?',
      ),
      writeDocSchema: this.db.prepare<[number | null, string]>(
        'UPDATE boards SET doc_schema = ? WHERE id = ?',
      ),
      readLog: this.db.prepare<[string], LogRow>(
        'SELECT kind, format, data FROM board_log WHERE board_id = ? ORDER BY seq',
      ),
      appendSnapshot: this.db.prepare<[string, FormatNumber, Buffer]>(
        `INSERT INTO board_log (board_id, kind, format, data) VALUES (?, 'snapshot', ?, ?)`,
      ),
      // Every accepted update is one run of this, before it is relayed: its constant columns
      // are written into the statement rather than bound each time.
      appendUpdate: this.db.prepare<[string, Buffer]>(
        `INSERT INTO board_log (board_id, kind, format, data)
           VALUES (?, 'update', ${FORMAT_NUMBER.v1}, ?)`,
      ),
      upsertToken: this.db.prepare<[string, string, Buffer, Buffer | null]>(
        `INSERT INTO board_tokens (board_id, role, hash, salt) VALUES (?, ?, ?, ?)
           ON CONFLICT (board_id, role) DO UPDATE SET hash = excluded.hash, salt = excluded.salt`,
      ),
      readTokens: this.db.prepare<[string], TokenRow>(
        'SELECT role, hash, salt FROM board_tokens WHERE board_id = ?',
      ),
      withoutTokens: this.db
        .prepare<[], string>(
          `SELECT id FROM boards WHERE NOT EXISTS
             (SELECT 1 FROM board_tokens WHERE board_tokens.board_id = boards.id)`,
        )
        .pluck(),
      clearLog: this.db.prepare<[string]>('DELETE FROM board_log WHERE board_id = ?'),
      ping: this.db.prepare('SELECT 1').pluck(),
      stats: this.db.prepare<[string], LogStats>(
        `SELECT count(*) AS rows, coalesce(sum(length(data)), 0) AS bytes,
                count(*) FILTER (WHERE kind = 'snapshot') AS snapshots
           FROM board_log WHERE board_id = ?`,
      ),
    };
  }

  private migrate(): void {
    const version = this.db.pragma('user_version', { simple: true }) as number;
    if (version > SCHEMA_STEPS.length)
      throw new Error(
        `the database was written by a newer Lienzo (store schema ${version}, this code knows ${SCHEMA_STEPS.length})`,
      );
    this.db.transaction(() => {
      for (const [index, step] of SCHEMA_STEPS.entries()) {
        if (index < version) continue;
        this.db.exec(step);
        this.db.pragma(`user_version = ${index + 1}`);
      }
    })();
  }

  createBoard(
    id: BoardId,
    init: BoardInit,
    initialState: StoredSnapshot,
    tokens: StoredTokens,
  ): void {
    this.db.transaction(() => {
      this.statements.insertBoard.run(id, init.createdAt, init.docSchema);
      this.writeTokens(id, tokens);
      this.appendSnapshot(id, initialState);
    })();
  }

  boardExists(id: BoardId): boolean {
    return this.statements.boardExists.get(id) !== undefined;
  }

  loadBoard(id: BoardId): StoredBoard | null {
    // One read transaction, so the existence check and the log are the same moment.
    return this.db.transaction((): StoredBoard | null => {
      const row = this.statements.readDocSchema.get(id);
      if (!row) return null;
      const board: StoredBoard = { snapshot: null, updates: [], docSchema: row.doc_schema };
      for (const row of this.statements.readLog.all(id)) {
        // A snapshot holds everything before it, so it supersedes the rows it follows.
        if (row.kind === 'snapshot') {
          board.snapshot = { format: FORMAT_OF_NUMBER[row.format], data: toBytes(row.data) };
          board.updates = [];
        } else if (row.format === 1) {
          board.updates.push(toBytes(row.data));
        } else {
          throw new Error(`board ${id}: an update row in format ${row.format} (only 1 is written)`);
        }
      }
      return board;
    })();
  }

  loadTokens(id: BoardId): StoredTokens | null {
    const rows = this.statements.readTokens.all(id);
    const byRole = new Map(rows.map((row) => [row.role, row]));
    const tokens: Partial<StoredTokens> = {};
    for (const role of ROLES) {
      const row = byRole.get(role);
      // A board missing any link is treated as having none: nobody gets in until fixed.
      if (!row) return null;
      tokens[role] = { hash: toBytes(row.hash), salt: row.salt ? toBytes(row.salt) : null };
    }
    return tokens as StoredTokens;
  }

  replaceToken(id: BoardId, role: Role, token: StoredToken): void {
    this.statements.upsertToken.run(
      id,
      role,
      toBuffer(token.hash),
      token.salt ? toBuffer(token.salt) : null,
    );
  }

  boardsWithoutTokens(): BoardId[] {
    return this.statements.withoutTokens.all() as BoardId[];
  }

  setTokens(id: BoardId, tokens: StoredTokens): void {
    this.db.transaction(() => this.writeTokens(id, tokens))();
  }

  private writeTokens(id: BoardId, tokens: StoredTokens): void {
    for (const role of ROLES) this.replaceToken(id, role, tokens[role]);
  }

  setDocSchema(id: BoardId, version: number | null): void {
    this.statements.writeDocSchema.run(version, id);
  }

  appendUpdate(id: BoardId, update: Uint8Array): void {
    this.statements.appendUpdate.run(id, toBuffer(update));
  }

  compact(id: BoardId, snapshot: StoredSnapshot): void {
    this.db.transaction(() => {
      this.statements.clearLog.run(id);
      this.appendSnapshot(id, snapshot);
    })();
  }

  private appendSnapshot(id: BoardId, snapshot: StoredSnapshot): void {
    this.statements.appendSnapshot.run(id, FORMAT_NUMBER[snapshot.format], toBuffer(snapshot.data));
  }

  /** Size of a board's stored log (operators and tests; not part of BoardStore). */
  logStats(id: BoardId): LogStats {
    const stats = this.statements.stats.get(id);
    if (!stats) throw new Error('count(*) returned no row');
    return stats;
  }

  health(): boolean {
    try {
      return this.statements.ping.get() === 1;
    } catch {
      return false;
    }
  }

  close(): void {
    this.checkpointer.close();
    if (this.db.open) this.db.close();
  }
}
