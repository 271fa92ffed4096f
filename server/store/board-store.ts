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
  createBoard(
    id: BoardId,
    init: BoardInit,
    initialState: StoredSnapshot,
    tokens: StoredTokens,
  ): void;
  boardExists(id: BoardId): boolean;
  /** The stored log of a board, or null when no such board was ever created. */
  loadBoard(id: BoardId): StoredBoard | null;
  /** Appends one accepted update; durable when this returns. */
  appendUpdate(id: BoardId, update: Uint8Array): void;
  /** Records the schema version of the board's stored document (StoredBoard.docSchema). */
  setDocSchema(id: BoardId, version: number | null): void;
  /** Replaces the board's whole log with one snapshot, in one transaction. */
  compact(id: BoardId, snapshot: StoredSnapshot): void;
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

/**
 * What a Room needs of a store (boards, and private writing's documents, server/private).
 * A store without `setDocSchema` never records a document as current, so its rooms build
 * every document when they load it (StoredBoard.docSchema).
 */
export type RoomStore = Pick<BoardStore, 'loadBoard' | 'appendUpdate' | 'compact'> &
  Partial<Pick<BoardStore, 'setDocSchema'>>;

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
