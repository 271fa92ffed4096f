import pg from 'pg';
import { ROLES, type BoardId, type Role } from '../../../lib/model';
import type { StoredToken, StoredTokens } from '../../auth/tokens';
import { consoleLogger, errorMessage, type Logger } from '../../log';
import { StoreOpenError } from '../sqlite-file';
import type {
  BoardInit,
  LogRef,
  Store,
  StoreHealth,
  StoredBoard,
  StoredSnapshot,
  StoredVersion,
  StoredVersionMeta,
  VersionKind,
} from '../store';
import {
  appendToLog,
  compactLog,
  readLogSince,
  startBoardLog,
  toBytes,
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

/** An operation on one log, in its queue (write-queue.ts): appends join, the rest run alone. */
type LogJob =
  { kind: 'append'; updates: readonly Uint8Array[] } | { kind: 'alone'; run(): Promise<unknown> };

interface TokenRow {
  role: Role;
  hash: Buffer;
  salt: Buffer | null;
}

interface VersionRow {
  id: string;
  name: string;
  kind: VersionKind;
  created_at: string;
}

function versionMeta(row: VersionRow): StoredVersionMeta {
  return { id: row.id, name: row.name, kind: row.kind, createdAt: Number(row.created_at) };
}

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
export class PostgresStore implements Store {
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
        [board, writerOf({ board })],
      );
      return result.rows.map((row) => row.writer);
    });
  }

  loadTokens(id: BoardId): Promise<StoredTokens | null> {
    return this.direct('reading links', async () => {
      const result = await this.pool.query<TokenRow>(
        'SELECT role, hash, salt FROM board_tokens WHERE board_id = $1',
        [id],
      );
      const byRole = new Map(result.rows.map((row) => [row.role, row]));
      const tokens: Partial<StoredTokens> = {};
      for (const role of ROLES) {
        const row = byRole.get(role);
        // A board missing any link is treated as having none: nobody gets in until fixed.
        if (!row) return null;
        tokens[role] = { hash: toBytes(row.hash), salt: row.salt ? toBytes(row.salt) : null };
      }
      return tokens as StoredTokens;
    });
  }

  replaceToken(id: BoardId, role: Role, token: StoredToken): Promise<void> {
    return this.direct('replacing a link', () => upsertToken(this.pool, id, role, token));
  }

  boardsWithoutTokens(): Promise<BoardId[]> {
    return this.direct('listing boards without links', async () => {
      const result = await this.pool.query<{ id: BoardId }>(
        `SELECT id FROM boards b WHERE NOT EXISTS
           (SELECT 1 FROM board_tokens t WHERE t.board_id = b.id) ORDER BY id`,
      );
      return result.rows.map((row) => row.id);
    });
  }

  setTokens(id: BoardId, tokens: StoredTokens): Promise<void> {
    return this.direct('writing links', () =>
      inTransaction(this.pool, (client) => writeTokens(client, id, tokens)),
    );
  }

  addVersion(board: BoardId, version: StoredVersion, keepAuto: number): Promise<void> {
    return this.direct('adding a version', () =>
      inTransaction(this.pool, async (client) => {
        await client.query(
          `INSERT INTO board_versions (id, board_id, name, kind, created_at, state)
             VALUES ($1, $2, $3, $4, $5, $6)`,
          [version.id, board, version.name, version.kind, version.createdAt, version.state],
        );
        if (version.kind === 'manual') return;
        await client.query(
          `DELETE FROM board_versions WHERE id IN (
             SELECT id FROM board_versions WHERE board_id = $1 AND kind <> 'manual'
              ORDER BY created_at DESC, position DESC OFFSET $2)`,
          [board, keepAuto],
        );
      }),
    );
  }

  listVersions(board: BoardId): Promise<StoredVersionMeta[]> {
    return this.direct('listing versions', async () => {
      const result = await this.pool.query<VersionRow>(
        `SELECT id, name, kind, created_at FROM board_versions WHERE board_id = $1
          ORDER BY created_at DESC, position DESC`,
        [board],
      );
      return result.rows.map(versionMeta);
    });
  }

  getVersion(board: BoardId, id: string): Promise<StoredVersion | null> {
    return this.direct('reading a version', async () => {
      const result = await this.pool.query<VersionRow & { state: Buffer }>(
        'SELECT id, name, kind, created_at, state FROM board_versions WHERE board_id = $1 AND id = $2',
        [board, id],
      );
      const row = result.rows[0];
      return row ? { ...versionMeta(row), state: toBytes(row.state) } : null;
    });
  }

  /**
   * A committed one-row write within PROBE_DEADLINE_MS: fails when PostgreSQL is down,
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
    const probe = this.pool
      .query(
        `INSERT INTO lienzo_health (id, probed_at) VALUES (1, now())
           ON CONFLICT (id) DO UPDATE SET probed_at = excluded.probed_at`,
      )
      .then(
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

async function upsertToken(
  db: pg.Pool | pg.PoolClient,
  id: BoardId,
  role: Role,
  token: StoredToken,
): Promise<void> {
  await db.query(
    `INSERT INTO board_tokens (board_id, role, hash, salt) VALUES ($1, $2, $3, $4)
       ON CONFLICT (board_id, role) DO UPDATE SET hash = excluded.hash, salt = excluded.salt`,
    [id, role, token.hash, token.salt],
  );
}

async function writeTokens(
  client: pg.PoolClient,
  id: BoardId,
  tokens: StoredTokens,
): Promise<void> {
  for (const role of ROLES) await upsertToken(client, id, role, tokens[role]);
}
