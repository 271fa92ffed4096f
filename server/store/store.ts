import type { BoardId, Role } from '../../lib/model';
import type { StoredToken, StoredTokens } from '../auth/tokens';

/**
 * The one asynchronous store: everything durable the server keeps goes through it (boards,
 * their update logs and snapshots, private-writing drafts, versions, link digests). One
 * interface, one engine per deployment: SQLite embedded (the default, sqlite-engine.ts) or
 * PostgreSQL (`LIENZO_DATABASE_URL=postgres://...`). `openStore` (open-store.ts) picks it.
 *
 * The contract every engine keeps (store-contract.ts tests it against a real engine):
 *
 * - **Durable on resolve.** A write's promise resolves only once the engine has committed it
 *   (SQLite: WAL commit with synchronous=NORMAL, PostgreSQL: COMMIT): a `kill -9` of the
 *   process right after loses nothing. The room relays an update only after its write
 *   resolved ("stored, then relayed").
 * - **Atomic.** Each method is one transaction: it happens wholly or not at all. A rejected
 *   write changed nothing (appendUpdates: none of its updates is stored).
 * - **Ordered per log.** Writes to one log (a board's, or one draft's) take effect in the
 *   order they were called, even when called without awaiting the previous one; a read
 *   called after a write sees it. Rooms keep one write queue per log on top of that
 *   (rooms/write-queue.ts) so that there is at most one write in flight per log anyway.
 * - **Errors reject, never throw synchronously.** A storage failure (disk full, lock held
 *   too long, connection lost) rejects with an Error whose message says what failed; the
 *   caller decides what it means. "Not found" is not an error: reads answer null/false.
 * - **No wait blocks the event loop.** An engine never busy-waits on a lock on the main
 *   thread; waiting for a lock or a connection is asynchronous (setTimeout, sockets).
 * - **After `close`**, every call rejects.
 */
export interface Store {
  /** Which engine this is, for logs and /api/health ('sqlite', 'postgres'). */
  readonly engine: string;

  // Boards and their logs

  /**
   * Creates the board row, its three link digests and its initial document (one snapshot in
   * the board's log) in one transaction. Rejects if the id exists.
   */
  createBoard(
    id: BoardId,
    init: BoardInit,
    initialState: StoredSnapshot,
    tokens: StoredTokens,
  ): Promise<void>;
  boardExists(id: BoardId): Promise<boolean>;
  /**
   * A log's contents at one moment (one read transaction): the last snapshot and the
   * updates appended after it, oldest first. Null when the board does not exist. A draft
   * that was never written (of an existing board) is an empty log (no snapshot, no updates,
   * docSchema null); a draft's docSchema is always null.
   */
  loadLog(log: LogRef): Promise<StoredBoard | null>;
  /**
   * Appends updates (Yjs format v1, as received) to a log, in array order, in one
   * transaction: the group commit of a room's write queue. Durable when it resolves.
   * An empty array resolves at once. Rejects when the board does not exist.
   */
  appendUpdates(log: LogRef, updates: readonly Uint8Array[]): Promise<void>;
  /**
   * Replaces the log's whole content with one snapshot, in one transaction (compaction, and
   * the retry after a failed append: the snapshot holds everything the log held and more).
   */
  compact(log: LogRef, snapshot: StoredSnapshot): Promise<void>;
  /** Records the schema version of a board's stored document (StoredBoard.docSchema). */
  setDocSchema(id: BoardId, version: number | null): Promise<void>;

  // Private writing (server/private): drafts are logs too, LogRef with a writer

  /** Every writer with a draft log on this board (revealed ones included), sorted. */
  draftWriters(board: BoardId): Promise<string[]>;

  // Share links (server/auth): digests only, never tokens

  /** The digests of a board's three links, or null when any is missing or no such board. */
  loadTokens(id: BoardId): Promise<StoredTokens | null>;
  /** Replaces one link's digest (and salt): once resolved, the old link no longer works. */
  replaceToken(id: BoardId, role: Role, token: StoredToken): Promise<void>;
  /** Boards that have no link at all (created before links existed; BoardAccess.bootstrap). */
  boardsWithoutTokens(): Promise<BoardId[]>;
  /** Writes all three link digests of a board in one transaction. */
  setTokens(id: BoardId, tokens: StoredTokens): Promise<void>;

  // Versions (server/history): whole documents at a moment, never touched by compaction

  /**
   * Stores a version; for an automatic one (kind other than 'manual'), deletes in the same
   * transaction the oldest automatic versions of the board beyond `keepAuto`.
   */
  addVersion(board: BoardId, version: StoredVersion, keepAuto: number): Promise<void>;
  /** A board's versions without their state, newest first (createdAt, then insertion). */
  listVersions(board: BoardId): Promise<StoredVersionMeta[]>;
  /** One version with its state, or null. */
  getVersion(board: BoardId, id: string): Promise<StoredVersion | null>;

  // Operations

  /**
   * Whether the store can write right now: a real write (cheap, in a table of its own or a
   * transaction rolled back) with the engine's short deadline. Never rejects: a failure is
   * `{ ok: false, reason }` with the engine's message (disk full, database locked, ...).
   */
  probeWrite(): Promise<StoreHealth>;
  /** Waits for writes in flight, then closes. Idempotent. */
  close(): Promise<void>;
}

/**
 * Which log: a board's own (`writer` absent or null) or one private-writing draft of that
 * board (`writer`: the writer's digest, server/private/private-store.ts writerDigest).
 */
export interface LogRef {
  board: BoardId;
  writer?: string | null;
}

export const VERSION_KINDS = ['manual', 'auto-session-end', 'auto-interval'] as const;
export type VersionKind = (typeof VERSION_KINDS)[number];

export interface StoredVersionMeta {
  /** `snap_` and 16 base64url characters (history/snapshot-store.ts). */
  id: string;
  name: string;
  kind: VersionKind;
  /** Milliseconds since the epoch. */
  createdAt: number;
}

export interface StoredVersion extends StoredVersionMeta {
  /** The whole document, Yjs update format v2. */
  state: Uint8Array;
}

export type StoreHealth = { ok: true } | { ok: false; reason: string };

/**
 * A store that cannot open (any engine: a read-only folder, a damaged file, a database of a
 * newer Lienzo, a server that refuses us): the start says why in one line and exits
 * non-zero, without a stack trace, since the cause is the deployment, not the code
 * (server/start-failure.ts).
 */
export class StoreOpenError extends Error {
  override name = 'StoreOpenError';
}

/** Where the store lives: the part of the server's configuration that chooses the engine. */
export interface StoreConfig {
  /** Folder of the SQLite database (LIENZO_DATA_DIR). */
  dataDir: string;
  /** LIENZO_DATABASE_URL: unset (null) keeps SQLite; `postgres://...` chooses PostgreSQL. */
  databaseUrl: string | null;
  /**
   * Test-only: SQLite's `PRAGMA max_page_count` on the store's connection, to make the
   * disk "full" at a chosen size (LIENZO_TEST_SQLITE_MAX_PAGES). Null in production.
   */
  sqliteMaxPages?: number | null;
}

export interface BoardInit {
  /** Milliseconds since the epoch. */
  createdAt: number;
  /** The schema version of the initial document (StoredBoard.docSchema). */
  docSchema: number | null;
}

/**
 * Yjs has two binary formats for the same update. Updates are stored as they came over the
 * wire (v1); snapshots are written in v2, whose column encoding (run lengths, deltas) is
 * several times smaller for a board that was edited a lot: 100,000 moves of 1,000 notes
 * leave 200,000 deleted map entries, 4.7 MiB in v1 against 0.8 MiB in v2 (npm run bench).
 * Snapshots written before store schema 3 are v1.
 */
export type UpdateFormat = 'v1' | 'v2';

/** A whole document state, in the format it was encoded with. */
export interface StoredSnapshot {
  format: UpdateFormat;
  data: Uint8Array;
}

export interface StoredBoard {
  /** The last compaction's snapshot, or null when the log was never compacted. */
  snapshot: StoredSnapshot | null;
  /** Updates accepted after the snapshot, oldest first, in update format v1. */
  updates: Uint8Array[];
  /**
   * The document schema version (lib/model/schema.ts) the server last knew the stored
   * document to have: written when the board is created and when a room has checked or
   * migrated it. Lienzo's clients never write a board's schema version (only the server's
   * creation and migrations do), so this stays true between those moments. It lets a room tell, without building the document, that the board needs
   * no migration and can be served from its stored bytes (rooms/room.ts). Null when unknown
   * (boards from before store schema 4): such a board is built and checked before it is served.
   */
  docSchema: number | null;
}

/** One update of a log with its place in the log's sequence (SequencedLogStore). */
export interface SequencedRow {
  seq: number;
  /** Yjs update format v1. */
  data: Uint8Array;
}

/** What a log holds after some seq (SequencedLogStore.readLogSince). */
export interface SequencedTail {
  /** The snapshot, for a whole read, or when compaction folded updates after `since`. */
  snapshot: StoredSnapshot | null;
  /** The updates after `since` (or after the snapshot), oldest first. */
  updates: SequencedRow[];
  /** The log's last seq: applying all of the above brings a reader up to it. */
  seq: number;
  docSchema: number | null;
}

/**
 * What several processes on one store need beyond Store (server/cluster): every appended
 * update takes its log's next seq (dense, commit-ordered), a process that missed some reads
 * "everything after seq N", and a compaction keeps what another process stored after the
 * seq its document holds. PostgreSQL has it; SQLite (one process) does not need it.
 */
export interface SequencedLogStore {
  /** appendUpdates, resolving with the seq of the last update appended. */
  appendSequenced(log: LogRef, updates: readonly Uint8Array[]): Promise<number>;
  /** The log after `since` (null: all of it); null when the board does not exist. */
  readLogSince(log: LogRef, since: number | null): Promise<SequencedTail | null>;
  /** compact, folding only the updates up to `throughSeq` (null: all stored now). */
  compactThrough(log: LogRef, snapshot: StoredSnapshot, throughSeq: number | null): Promise<void>;
}

/** Whether a store numbers its logs (can back a cluster). */
export function isSequenced(store: Store): store is Store & SequencedLogStore {
  const candidate = store as Partial<SequencedLogStore>;
  return (
    typeof candidate.appendSequenced === 'function' &&
    typeof candidate.readLogSince === 'function' &&
    typeof candidate.compactThrough === 'function'
  );
}
