import Database from 'better-sqlite3';
import { join } from 'node:path';
import { ROLES, type BoardId, type Role } from '../../lib/model';
import type { StoredToken, StoredTokens } from '../auth/tokens';
import { consoleLogger, errorMessage, type Logger } from '../log';
import { migrate } from './sqlite-schema';
import { openDatabaseFile } from './sqlite-file';
import type {
  BoardInit,
  LogRef,
  Store,
  StoreHealth,
  StoredBoard,
  StoredSnapshot,
  StoredVersion,
  StoredVersionMeta,
  UpdateFormat,
  VersionKind,
} from './store';
import { startWalCheckpointer, type WalCheckpointer } from './wal-checkpointer';

/** The database file inside LIENZO_DATA_DIR. */
export const DATABASE_FILE = 'lienzo.db';

/** SQLite's default automatic checkpoint threshold, in WAL pages: the fallback (see below). */
const SQLITE_AUTOCHECKPOINT_PAGES = 1_000;

/**
 * While another process holds the write lock (a backup, an admin shell), an operation
 * retries after this long, doubling up to BUSY_RETRY_MAX_MS, on a timer: SQLite's own busy
 * timeout would sleep on the event loop and freeze every socket (issue 10 measured 4.8 s).
 */
const BUSY_RETRY_FIRST_MS = 2;
const BUSY_RETRY_MAX_MS = 100;
/** After this long waiting for the lock, an operation fails (the room keeps it in memory). */
const BUSY_GIVE_UP_MS = 10_000;

/**
 * The health probe writes this many bytes and deletes them in the same transaction: more
 * than a page, so a database that cannot grow (disk or max_page_count full) fails it.
 */
const PROBE_BYTES = 8_192;

/** The `format` column: the digit of the Yjs update format. */
type FormatNumber = 1 | 2;
const FORMAT_NUMBER: Record<UpdateFormat, FormatNumber> = { v1: 1, v2: 2 };
const FORMAT_OF_NUMBER: Record<FormatNumber, UpdateFormat> = { 1: 'v1', 2: 'v2' };

/** The `writer` column of a board's own log. */
const BOARD_LOG = '';

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
function toBuffer(bytes: Uint8Array): Buffer {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

function toBytes(buffer: Buffer): Uint8Array {
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
}

const writerOf = (log: LogRef): string => log.writer ?? BOARD_LOG;

function versionMeta(row: VersionRow): StoredVersionMeta {
  return { id: row.id, name: row.name, kind: row.kind, createdAt: row.created_at };
}

function isBusy(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.startsWith('SQLITE_BUSY');
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export interface SqliteStoreOptions {
  logger?: Logger;
  /** How often the WAL is checkpointed, in ms (tests shorten it; see wal-checkpointer.ts). */
  checkpointIntervalMs?: number;
  /** Starts the checkpoint worker; tests replace it with one that fails. */
  startCheckpointer?: typeof startWalCheckpointer;
  /** Test-only: PRAGMA max_page_count, to fill the "disk" at a chosen size. */
  maxPages?: number | null;
}

/**
 * The embedded engine: one SQLite database in WAL mode, through better-sqlite3, which is
 * synchronous. `synchronous = NORMAL` makes every committed transaction durable across a
 * crash or `kill -9` of the process; only a power loss or OS crash can lose the last commits
 * (FULL would cover that too, at the price of an fsync per commit).
 *
 * The asynchronous Store on top: every operation runs in call order on one chain (so a write
 * waiting for the lock keeps its place, and a read called after a write sees it), each one
 * synchronous and short once it runs. A lock held by another process is waited for on
 * timers, never with SQLite's busy wait (busy_timeout = 0).
 */
export class SqliteStore implements Store {
  readonly engine = 'sqlite';
  private readonly statements;
  private readonly checkpointer: WalCheckpointer;
  /** The end of the chain of operations (never rejects). */
  private chain: Promise<unknown> = Promise.resolve();
  /** performance.now() since when the head of the chain waits for another process's lock. */
  private lockedSince: number | null = null;
  private closed = false;

  /** Opens (creating or migrating) the database in `dataDir`; see openDatabaseFile. */
  static async open(dataDir: string, options: SqliteStoreOptions = {}): Promise<SqliteStore> {
    const file = join(dataDir, DATABASE_FILE);
    const db = openDatabaseFile(dataDir, file);
    try {
      await retryWhileBusy(
        () => migrate(db),
        () => false,
      );
      return new SqliteStore(db, file, options);
    } catch (error) {
      db.close();
      throw error;
    }
  }

  private constructor(
    private readonly db: Database.Database,
    file: string,
    options: SqliteStoreOptions,
  ) {
    const { logger = consoleLogger, checkpointIntervalMs, maxPages } = options;
    if (maxPages) db.pragma(`max_page_count = ${maxPages}`);
    const startCheckpointer = options.startCheckpointer ?? startWalCheckpointer;
    // Checkpoints run on a worker thread, off the event loop (wal-checkpointer.ts); should
    // it fail, SQLite's own checkpoint comes back, so the log never grows without bound.
    this.checkpointer = startCheckpointer(file, {
      intervalMs: checkpointIntervalMs,
      onFailure: (error) => {
        logger.warn('WAL checkpoint worker failed; checkpointing in-line', errorMessage(error));
        if (this.db.open) this.db.pragma(`wal_autocheckpoint = ${SQLITE_AUTOCHECKPOINT_PAGES}`);
      },
      onWarning: (message) => logger.warn('WAL checkpoint', message),
    });
    this.statements = {
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

  /**
   * Runs `work` after every operation called before it, as one transaction (IMMEDIATE for
   * writes: the lock is taken at BEGIN, so a busy database fails before anything is done).
   */
  private run<T>(work: () => T, write: boolean): Promise<T> {
    const result = this.chain.then(() =>
      retryWhileBusy(
        () => {
          if (this.closed) throw new Error('the store is closed');
          const transaction = this.db.transaction(work);
          return write ? transaction.immediate() : transaction.deferred();
        },
        (waiting) => {
          this.lockedSince = waiting ? (this.lockedSince ?? performance.now()) : null;
          return this.closed;
        },
      ),
    );
    this.chain = result.catch(() => undefined);
    return result;
  }

  createBoard(
    id: BoardId,
    init: BoardInit,
    initialState: StoredSnapshot,
    tokens: StoredTokens,
  ): Promise<void> {
    return this.run(() => {
      this.statements.insertBoard.run(id, init.createdAt, init.docSchema);
      this.writeTokens(id, tokens);
      this.appendSnapshot(id, BOARD_LOG, initialState);
    }, true);
  }

  boardExists(id: BoardId): Promise<boolean> {
    return this.run(() => this.statements.boardExists.get(id) !== undefined, false);
  }

  loadLog(log: LogRef): Promise<StoredBoard | null> {
    return this.run((): StoredBoard | null => {
      const row = this.statements.readDocSchema.get(log.board);
      if (!row) return null;
      const writer = writerOf(log);
      const board: StoredBoard = {
        snapshot: null,
        updates: [],
        docSchema: writer === BOARD_LOG ? row.doc_schema : null,
      };
      for (const row of this.statements.readLog.all(log.board, writer)) {
        // A snapshot holds everything before it, so it supersedes the rows it follows.
        if (row.kind === 'snapshot') {
          board.snapshot = { format: FORMAT_OF_NUMBER[row.format], data: toBytes(row.data) };
          board.updates = [];
        } else if (row.format === 1) {
          board.updates.push(toBytes(row.data));
        } else {
          throw new Error(
            `board ${log.board}: an update row in format ${row.format} (only 1 is written)`,
          );
        }
      }
      return board;
    }, false);
  }

  appendUpdates(log: LogRef, updates: readonly Uint8Array[]): Promise<void> {
    if (updates.length === 0) return this.run(() => undefined, false);
    const writer = writerOf(log);
    return this.run(() => {
      for (const update of updates)
        this.statements.appendUpdate.run(log.board, writer, toBuffer(update));
    }, true);
  }

  compact(log: LogRef, snapshot: StoredSnapshot): Promise<void> {
    const writer = writerOf(log);
    return this.run(() => {
      this.statements.clearLog.run(log.board, writer);
      this.appendSnapshot(log.board, writer, snapshot);
    }, true);
  }

  private appendSnapshot(board: BoardId, writer: string, snapshot: StoredSnapshot): void {
    this.statements.appendSnapshot.run(
      board,
      writer,
      FORMAT_NUMBER[snapshot.format],
      toBuffer(snapshot.data),
    );
  }

  setDocSchema(id: BoardId, version: number | null): Promise<void> {
    return this.run(() => void this.statements.writeDocSchema.run(version, id), true);
  }

  draftWriters(board: BoardId): Promise<string[]> {
    return this.run(() => this.statements.writers.all(board, BOARD_LOG), false);
  }

  loadTokens(id: BoardId): Promise<StoredTokens | null> {
    return this.run(() => {
      const byRole = new Map(this.statements.readTokens.all(id).map((row) => [row.role, row]));
      const tokens: Partial<StoredTokens> = {};
      for (const role of ROLES) {
        const row = byRole.get(role);
        // A board missing any link is treated as having none: nobody gets in until fixed.
        if (!row) return null;
        tokens[role] = { hash: toBytes(row.hash), salt: row.salt ? toBytes(row.salt) : null };
      }
      return tokens as StoredTokens;
    }, false);
  }

  replaceToken(id: BoardId, role: Role, token: StoredToken): Promise<void> {
    return this.run(() => this.writeToken(id, role, token), true);
  }

  boardsWithoutTokens(): Promise<BoardId[]> {
    return this.run(() => this.statements.withoutTokens.all() as BoardId[], false);
  }

  setTokens(id: BoardId, tokens: StoredTokens): Promise<void> {
    return this.run(() => this.writeTokens(id, tokens), true);
  }

  private writeTokens(id: BoardId, tokens: StoredTokens): void {
    for (const role of ROLES) this.writeToken(id, role, tokens[role]);
  }

  private writeToken(id: BoardId, role: Role, token: StoredToken): void {
    this.statements.upsertToken.run(
      id,
      role,
      toBuffer(token.hash),
      token.salt ? toBuffer(token.salt) : null,
    );
  }

  addVersion(board: BoardId, version: StoredVersion, keepAuto: number): Promise<void> {
    return this.run(() => {
      const { id, name, kind, createdAt, state } = version;
      this.statements.insertVersion.run(id, board, name, kind, createdAt, toBuffer(state));
      if (kind !== 'manual') this.statements.pruneAuto.run(board, board, keepAuto);
    }, true);
  }

  listVersions(board: BoardId): Promise<StoredVersionMeta[]> {
    return this.run(() => this.statements.listVersions.all(board).map(versionMeta), false);
  }

  getVersion(board: BoardId, id: string): Promise<StoredVersion | null> {
    return this.run(() => {
      const row = this.statements.getVersion.get(board, id);
      return row ? { ...versionMeta(row), state: toBytes(row.state) } : null;
    }, false);
  }

  /**
   * A real write, outside the chain so that it answers at once: it takes the write lock
   * (so another process holding it shows), grows the file by more than a page (so a full
   * disk shows) and deletes what it wrote, in one committed transaction.
   */
  probeWrite(): Promise<StoreHealth> {
    if (this.closed) return Promise.resolve({ ok: false, reason: 'the store is closed' });
    if (this.lockedSince !== null) {
      const ms = Math.round(performance.now() - this.lockedSince);
      return Promise.resolve({
        ok: false,
        reason: `writes wait for the database lock, held by another process (${ms} ms)`,
      });
    }
    try {
      this.db
        .transaction(() => {
          this.statements.probeInsert.run(PROBE_BYTES);
          this.statements.probeClear.run();
        })
        .immediate();
      return Promise.resolve({ ok: true });
    } catch (error) {
      return Promise.resolve({ ok: false, reason: `cannot write: ${errorMessage(error)}` });
    }
  }

  /** Size of a board's own stored log (operators and tests; not part of Store). */
  logStats(id: BoardId): Promise<LogStats> {
    return this.run(() => {
      const stats = this.statements.stats.get(id);
      if (!stats) throw new Error('count(*) returned no row');
      return stats;
    }, false);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    await this.chain;
    this.closed = true;
    this.checkpointer.close();
    if (this.db.open) this.db.close();
  }
}

/**
 * Runs `work` until it does not fail with SQLITE_BUSY, waiting on timers in between, up to
 * BUSY_GIVE_UP_MS. `onWait(true)` is told when it starts waiting, `onWait(false)` when it is
 * done; a true answer from onWait stops the waiting (the store is closing).
 */
async function retryWhileBusy<T>(work: () => T, onWait: (waiting: boolean) => boolean): Promise<T> {
  const started = performance.now();
  let delay = BUSY_RETRY_FIRST_MS;
  try {
    for (;;) {
      try {
        return work();
      } catch (error) {
        if (!isBusy(error) || performance.now() - started > BUSY_GIVE_UP_MS) throw error;
        if (onWait(true)) throw error;
      }
      await sleep(delay);
      delay = Math.min(delay * 2, BUSY_RETRY_MAX_MS);
    }
  } finally {
    onWait(false);
  }
}
