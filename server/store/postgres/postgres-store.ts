import type pg from 'pg';
import type { BoardId, Role } from '../../../lib/model';
import type { StoredToken, StoredTokens } from '../../auth/tokens';
import { consoleLogger, errorMessage, type Logger } from '../../log';
import { StoreOpenError } from '../store';
import type {
  BoardInit,
  LogRef,
  SequencedLogStore,
  Store,
  StoreHealth,
  StoredBoard,
  StoredSnapshot,
  StoredVersion,
  StoredVersionMeta,
} from '../store';
import {
  boardsWithoutTokens,
  insertVersion,
  listVersions,
  readTokens,
  readVersion,
  upsertToken,
  writeTokens,
} from './board-queries';
import {
  appendToLog,
  BOARD_LOG,
  compactLog,
  readLogSince,
  startBoardLog,
  writerOf,
  type LogTail,
} from './log-queries';
import { migrate } from './migrate';
import { createPool, inTransaction } from './pool';
import { SCHEMA_STEPS } from './schema';
import { WriteQueue } from './write-queue';

/**
 * The most appendUpdates calls one transaction carries; more wait for the next (at once).
 * Bounds one statement's size and how long it holds the log row's lock.
 */
const MAX_GROUP_COMMIT = 256;
/**
 * How long the health probe may take before the store is reported unable to write (ms):
 * short, because HAProxy waits on /api/health, and a PostgreSQL that needs longer than this
 * for a one-row write is not serving the boards either.
 */
export const PROBE_DEADLINE_MS = 2_000;

/**
 * The health probe, in one implicit transaction. A row rewritten in place would not notice a
 * full disk (PostgreSQL reuses the page's free space), so the probe also writes a fresh page:
 * TRUNCATE gives the connection's temporary table a new, empty file, and the insert must
 * extend it, as an append needing new space would. The upsert adds a committed write to a
 * real, WAL-logged table, as every store write is (a temporary table is not WAL-logged). On a
 * read-only server (a standby, default_transaction_read_only) the first statement fails.
 */
const PROBE_WRITE = `
  CREATE TEMP TABLE IF NOT EXISTS lienzo_probe (data bytea);
  TRUNCATE lienzo_probe;
  INSERT INTO lienzo_probe VALUES ('\\x00');
  INSERT INTO lienzo_health (id, probed_at) VALUES (1, now())
    ON CONFLICT (id) DO UPDATE SET probed_at = excluded.probed_at`;

/** An operation on one log, in its queue (write-queue.ts): appends join, the rest run alone. */
type LogJob =
  { kind: 'append'; updates: readonly Uint8Array[] } | { kind: 'alone'; run(): Promise<unknown> };

/** The URL without its password, for messages. */
function describeUrl(url: string): string {
  try {
    const parsed = new URL(url);
    parsed.password = '';
    return parsed.toString();
  } catch {
    return 'LIENZO_DATABASE_URL';
  }
}

/** A driver error as a message that says it was PostgreSQL and which operation. */
function failure(what: string, error: unknown): Error {
  return new Error(`PostgreSQL ${what} failed: ${errorMessage(error)}`, { cause: error });
}

export interface PostgresStoreOptions {
  logger?: Logger;
  /**
   * False: one transaction per appendUpdates call (no group commit). Only the bench turns it
   * off, to measure what group commit is worth (bench/pg-throughput.ts); default true.
   */
  groupCommit?: boolean;
}

/**
 * The PostgreSQL engine (LIENZO_DATABASE_URL=postgres://...): the durable truth of a cluster
 * of Lienzo processes (docs/DEPLOY.md). Every method is one transaction on a pooled
 * connection (pool.ts); operations on one log run in call order through its queue, appends
 * waiting behind a transaction in flight going together in the next (group commit).
 *
 * Beyond the Store interface, every update gets its log's next sequence number
 * (log-queries.ts), so a process that missed one can read "everything after seq N"
 * (readLogSince) and compact only what its document holds (compactThrough).
 */
export class PostgresStore implements Store, SequencedLogStore {
  readonly engine = 'postgres';
  private readonly queue: WriteQueue<LogJob, unknown>;
  private closed = false;

  /** Connects, migrates (once, whichever process gets there first), and answers the store. */
  static async open(url: string, options: PostgresStoreOptions = {}): Promise<PostgresStore> {
    const logger = options.logger ?? consoleLogger;
    const pool = createPool(url, logger);
    try {
      const { from, to } = await migrate(pool, SCHEMA_STEPS);
      if (from !== to) logger.info(`PostgreSQL store schema ${from} -> ${to}`);
      return new PostgresStore(pool, options.groupCommit ?? true);
    } catch (error) {
      await pool.end().catch(() => {});
      throw new StoreOpenError(
        `cannot use PostgreSQL at ${describeUrl(url)}: ${errorMessage(error)}`,
      );
    }
  }

  private constructor(
    private readonly pool: pg.Pool,
    groupCommit: boolean,
  ) {
    this.queue = new WriteQueue<LogJob, unknown>((key, jobs) => this.runJobs(key, jobs), {
      joins: (job) => job.kind === 'append',
      maxBatch: groupCommit ? MAX_GROUP_COMMIT : 1,
    });
  }

  private async runJobs(key: string, jobs: readonly LogJob[]): Promise<unknown[]> {
    const first = jobs[0]!;
    if (first.kind === 'alone') return [await first.run()];
    const updates = jobs.flatMap((job) => (job.kind === 'append' ? job.updates : []));
    const seq = await appendToLog(this.pool, logOfKey(key), updates);
    return jobs.map(() => seq);
  }

  /** Runs `run` in the log's queue, after every operation on that log called before it. */
  private inOrder<T>(log: LogRef, what: string, run: () => Promise<T>): Promise<T> {
    if (this.closed) return Promise.reject(new Error('the store is closed'));
    const job: LogJob = {
      kind: 'alone',
      run: () => run().catch((e) => Promise.reject(failure(what, e))),
    };
    return this.queue.push(keyOf(log), job) as Promise<T>;
  }

  /** One statement or transaction outside any log's order (tokens, versions, lists). */
  private async direct<T>(what: string, run: () => Promise<T>): Promise<T> {
    if (this.closed) throw new Error('the store is closed');
    try {
      return await run();
    } catch (error) {
      throw failure(what, error);
    }
  }

  createBoard(
    id: BoardId,
    init: BoardInit,
    initialState: StoredSnapshot,
    tokens: StoredTokens,
  ): Promise<void> {
    return this.inOrder({ board: id }, 'createBoard', () =>
      inTransaction(this.pool, async (client) => {
        await client.query('INSERT INTO boards (id, created_at, doc_schema) VALUES ($1, $2, $3)', [
          id,
          init.createdAt,
          init.docSchema,
        ]);
        await startBoardLog(client, id, initialState);
        await writeTokens(client, id, tokens);
      }),
    );
  }

  boardExists(id: BoardId): Promise<boolean> {
    return this.inOrder({ board: id }, 'boardExists', async () => {
      const found = await this.pool.query('SELECT 1 FROM boards WHERE id = $1', [id]);
      return found.rowCount === 1;
    });
  }

  async loadLog(log: LogRef): Promise<StoredBoard | null> {
    const tail = await this.readLogSince(log, null);
    if (!tail) return null;
    return {
      snapshot: tail.snapshot,
      updates: tail.updates.map((update) => update.data),
      docSchema: tail.docSchema,
    };
  }

  /**
   * What the log holds after `since` (null: all of it), with sequence numbers: for a cluster
   * process that noticed a gap in what it received, or that loads a board.
   */
  readLogSince(log: LogRef, since: number | null): Promise<LogTail | null> {
    return this.inOrder(log, 'reading a log', () => readLogSince(this.pool, log, since));
  }

  /** Appends, in order, with group commit; resolves with the last update's seq. */
  appendUpdates(log: LogRef, updates: readonly Uint8Array[]): Promise<void> {
    return this.appendSequenced(log, updates).then(() => undefined);
  }

  /** appendUpdates, answering the log's seq after the append (its last update's). */
  async appendSequenced(log: LogRef, updates: readonly Uint8Array[]): Promise<number> {
    if (this.closed) throw new Error('the store is closed');
    if (updates.length === 0)
      return (await this.readLogSince(log, Number.MAX_SAFE_INTEGER))?.seq ?? 0;
    try {
      return (await this.queue.push(keyOf(log), { kind: 'append', updates })) as number;
    } catch (error) {
      throw failure('appending updates', error);
    }
  }

  compact(log: LogRef, snapshot: StoredSnapshot): Promise<void> {
    return this.compactThrough(log, snapshot, null);
  }

  /**
   * compact, holding only the updates up to `throughSeq` (null: all stored now); later ones
   * stay in the log. A cluster process passes the seq its document has applied.
   */
  compactThrough(log: LogRef, snapshot: StoredSnapshot, throughSeq: number | null): Promise<void> {
    return this.inOrder(log, 'compacting', () => compactLog(this.pool, log, snapshot, throughSeq));
  }

  setDocSchema(id: BoardId, version: number | null): Promise<void> {
    return this.inOrder({ board: id }, 'setDocSchema', async () => {
      await this.pool.query('UPDATE boards SET doc_schema = $1 WHERE id = $2', [version, id]);
    });
  }

  draftWriters(board: BoardId): Promise<string[]> {
    return this.direct('listing drafts', async () => {
      const result = await this.pool.query<{ writer: string }>(
        `SELECT writer FROM logs WHERE board_id = $1 AND writer <> $2 ORDER BY writer`,
        [board, BOARD_LOG],
      );
      return result.rows.map((row) => row.writer);
    });
  }

  loadTokens(id: BoardId): Promise<StoredTokens | null> {
    return this.direct('reading links', () => readTokens(this.pool, id));
  }

  replaceToken(id: BoardId, role: Role, token: StoredToken): Promise<void> {
    return this.direct('replacing a link', () => upsertToken(this.pool, id, role, token));
  }

  boardsWithoutTokens(): Promise<BoardId[]> {
    return this.direct('listing boards without links', () => boardsWithoutTokens(this.pool));
  }

  setTokens(id: BoardId, tokens: StoredTokens): Promise<void> {
    return this.direct('writing links', () =>
      inTransaction(this.pool, (client) => writeTokens(client, id, tokens)),
    );
  }

  addVersion(board: BoardId, version: StoredVersion, keepAuto: number): Promise<void> {
    return this.direct('adding a version', () =>
      inTransaction(this.pool, (client) => insertVersion(client, board, version, keepAuto)),
    );
  }

  listVersions(board: BoardId): Promise<StoredVersionMeta[]> {
    return this.direct('listing versions', () => listVersions(this.pool, board));
  }

  getVersion(board: BoardId, id: string): Promise<StoredVersion | null> {
    return this.direct('reading a version', () => readVersion(this.pool, board, id));
  }

  /**
   * A committed write within PROBE_DEADLINE_MS (PROBE_WRITE): fails when PostgreSQL is down,
   * unreachable, out of connections, read-only or out of disk, with its reason.
   */
  async probeWrite(): Promise<StoreHealth> {
    if (this.closed) return { ok: false, reason: 'the store is closed' };
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<StoreHealth>((resolve) => {
      timer = setTimeout(
        () =>
          resolve({
            ok: false,
            reason: `PostgreSQL did not answer within ${PROBE_DEADLINE_MS} ms`,
          }),
        PROBE_DEADLINE_MS,
      );
    });
    const probe = this.pool.query(PROBE_WRITE).then(
      (): StoreHealth => ({ ok: true }),
      (error): StoreHealth => ({ ok: false, reason: `PostgreSQL: ${errorMessage(error)}` }),
    );
    try {
      return await Promise.race([probe, deadline]);
    } finally {
      clearTimeout(timer);
    }
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.queue.idle();
    await this.pool.end();
  }
}

/** A log's queue key: the board id, or `<board>.<writer>` (board ids have no dot). */
function keyOf(log: LogRef): string {
  const writer = writerOf(log);
  return writer ? `${log.board}.${writer}` : log.board;
}

function logOfKey(key: string): LogRef {
  const dot = key.indexOf('.');
  return dot < 0
    ? { board: key as BoardId }
    : { board: key.slice(0, dot) as BoardId, writer: key.slice(dot + 1) };
}
