import Database from 'better-sqlite3';
import { join } from 'node:path';
import { ROLES, type BoardId, type Role } from '../../lib/model';
import type { StoredToken, StoredTokens } from '../auth/tokens';
import { consoleLogger, errorMessage, type Logger } from '../log';
import { isBusy, retryWhileBusy } from './sqlite-busy';
import { migrate } from './sqlite-schema';
import {
  BOARD_LOG,
  FORMAT_NUMBER,
  FORMAT_OF_NUMBER,
  prepareStatements,
  toBuffer,
  toBytes,
  versionMeta,
  writerOf,
  type LogStats,
} from './sqlite-statements';
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
} from './store';
import { startWalCheckpointer, type WalCheckpointer } from './wal-checkpointer';

/** The database file inside LIENZO_DATA_DIR. */
export const DATABASE_FILE = 'lienzo.db';

/** SQLite's default automatic checkpoint threshold, in WAL pages: the fallback (see below). */
const SQLITE_AUTOCHECKPOINT_PAGES = 1_000;

/**
 * The health probe writes this many bytes and deletes them in the same transaction: more
 * than a page, so a database that cannot grow (disk or max_page_count full) fails it.
 */
const PROBE_BYTES = 8_192;

/** How an operation runs (SqliteStore.run). */
type RunMode = 'single' | 'read' | 'write';

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
  /** The end of the chain of operations that had to wait (never rejects). */
  private chain: Promise<unknown> = Promise.resolve();
  /** Operations on the chain, not yet done: while any is, later ones queue behind it. */
  private waiting = 0;
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
    this.statements = prepareStatements(db);
  }

  /**
   * Runs `work` after every operation called before it: at once when none is waiting (the
   * usual case, without a turn through the promise chain), else on the chain. `mode` says how:
   * `single` for one statement (atomic by itself, in autocommit), `read` as one deferred
   * transaction, `write` as one IMMEDIATE transaction (the lock is taken at BEGIN, so a busy
   * database fails before anything is done).
   */
  private run<T>(work: () => T, mode: RunMode): Promise<T> {
    const once = (): T => {
      if (this.closed) throw new Error('the store is closed');
      if (mode === 'single') return work();
      const transaction = this.db.transaction(work);
      return mode === 'write' ? transaction.immediate() : transaction.deferred();
    };
    if (this.waiting === 0) {
      try {
        return Promise.resolve(once());
      } catch (error) {
        if (!isBusy(error)) return Promise.reject(error as Error);
        // Locked by another process: wait on the chain, on timers, keeping this place.
      }
    }
    this.waiting += 1;
    const result = this.chain
      .then(() =>
        retryWhileBusy(once, (waiting) => {
          this.lockedSince = waiting ? (this.lockedSince ?? performance.now()) : null;
          return this.closed;
        }),
      )
      .finally(() => (this.waiting -= 1));
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
    }, 'write');
  }

  boardExists(id: BoardId): Promise<boolean> {
    return this.run(() => this.statements.boardExists.get(id) !== undefined, 'single');
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
    }, 'read');
  }

  appendUpdates(log: LogRef, updates: readonly Uint8Array[]): Promise<void> {
    if (updates.length === 0) return this.run(() => undefined, 'single');
    const writer = writerOf(log);
    return this.run(
      () => {
        for (const update of updates)
          this.statements.appendUpdate.run(log.board, writer, toBuffer(update));
      },
      updates.length === 1 ? 'single' : 'write',
    );
  }

  compact(log: LogRef, snapshot: StoredSnapshot): Promise<void> {
    const writer = writerOf(log);
    return this.run(() => {
      this.statements.clearLog.run(log.board, writer);
      this.appendSnapshot(log.board, writer, snapshot);
    }, 'write');
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
    return this.run(() => void this.statements.writeDocSchema.run(version, id), 'single');
  }

  draftWriters(board: BoardId): Promise<string[]> {
    return this.run(() => this.statements.writers.all(board, BOARD_LOG), 'single');
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
    }, 'single');
  }

  replaceToken(id: BoardId, role: Role, token: StoredToken): Promise<void> {
    return this.run(() => this.writeToken(id, role, token), 'single');
  }

  boardsWithoutTokens(): Promise<BoardId[]> {
    return this.run(() => this.statements.withoutTokens.all() as BoardId[], 'single');
  }

  setTokens(id: BoardId, tokens: StoredTokens): Promise<void> {
    return this.run(() => this.writeTokens(id, tokens), 'write');
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
    }, 'write');
  }

  listVersions(board: BoardId): Promise<StoredVersionMeta[]> {
    return this.run(() => this.statements.listVersions.all(board).map(versionMeta), 'single');
  }

  getVersion(board: BoardId, id: string): Promise<StoredVersion | null> {
    return this.run(() => {
      const row = this.statements.getVersion.get(board, id);
      return row ? { ...versionMeta(row), state: toBytes(row.state) } : null;
    }, 'single');
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
    }, 'single');
  }

  async close(): Promise<void> {
    if (this.closed) return;
    await this.chain;
    this.closed = true;
    this.checkpointer.close();
    if (this.db.open) this.db.close();
  }
}
