import type { BoardId, Role } from '../../lib/model';
import type { StoredToken, StoredTokens } from '../auth/tokens';

/**
 * Persistence of boards, behind an interface so the rooms never know it is SQLite.
 *
 * A board is a row (it exists) plus a log of Yjs updates: an optional snapshot (the whole
 * document at some point, written by `compact`) followed by the updates accepted since.
 * Applying them in order rebuilds the document.
 *
 * The interface is synchronous on purpose: better-sqlite3 is, and a synchronous write lets a
 * room store an update and only then relay it, in order, without a write queue. A backend
 * that can only be asynchronous would need a per-room queue in front of `appendUpdate`.
 * Every method throws on a storage failure; callers decide what that means (see Room).
 */
export interface BoardStore {
  /** Creates the board row, its link digests and its initial document in one transaction. */
  createBoard(id: BoardId, init: BoardInit, initialState: Uint8Array, tokens: StoredTokens): void;
  boardExists(id: BoardId): boolean;
  /** The stored log of a board, or null when no such board was ever created. */
  loadBoard(id: BoardId): StoredBoard | null;
  /** Appends one accepted update; durable when this returns. */
  appendUpdate(id: BoardId, update: Uint8Array): void;
  /** Replaces the board's whole log with one snapshot, in one transaction. */
  compact(id: BoardId, snapshot: Uint8Array): void;
  /** The digests of a board's three links, or null when it has none (or does not exist). */
  loadTokens(id: BoardId): StoredTokens | null;
  /** Replaces one link's digest (and salt): the old link stops working. */
  replaceToken(id: BoardId, role: Role, token: StoredToken): void;
  /** Boards created before links existed (store schema 1); see BoardAccess.bootstrap. */
  boardsWithoutTokens(): BoardId[];
  /** Gives such a board its three links. */
  setTokens(id: BoardId, tokens: StoredTokens): void;
  /** True when the store answers a query (for GET /api/health). Never throws. */
  health(): boolean;
  close(): void;
}

export interface BoardInit {
  /** Milliseconds since the epoch. */
  createdAt: number;
}

export interface StoredBoard {
  /** The last compaction's snapshot, or null when the log was never compacted. */
  snapshot: Uint8Array | null;
  /** Updates accepted after the snapshot, oldest first. */
  updates: Uint8Array[];
}
