import type { BoardId, Role } from '../../lib/model';
import type { StoredToken, StoredTokens } from '../../server/auth/tokens';
import type {
  BoardInit,
  BoardStore,
  StoredBoard,
  StoredSnapshot,
} from '../../server/store/board-store';
import { SqliteBoardStore } from '../../server/store/sqlite-store';

/** The SQLite store, with switches that make its writes or its health check fail. */
export class FlakyStore implements BoardStore {
  failWrites = false;
  failReads = false;
  unhealthy = false;
  private readonly inner: SqliteBoardStore;

  constructor(dataDir: string) {
    this.inner = new SqliteBoardStore(dataDir);
  }

  private write(): void {
    if (this.failWrites) throw new Error('disk I/O error (simulated)');
  }

  createBoard(
    id: BoardId,
    init: BoardInit,
    initialState: StoredSnapshot,
    tokens: StoredTokens,
  ): void {
    this.write();
    this.inner.createBoard(id, init, initialState, tokens);
  }
  loadTokens(id: BoardId): StoredTokens | null {
    return this.inner.loadTokens(id);
  }
  replaceToken(id: BoardId, role: Role, token: StoredToken): void {
    this.write();
    this.inner.replaceToken(id, role, token);
  }
  boardsWithoutTokens(): BoardId[] {
    return this.inner.boardsWithoutTokens();
  }
  setTokens(id: BoardId, tokens: StoredTokens): void {
    this.write();
    this.inner.setTokens(id, tokens);
  }
  boardExists(id: BoardId): boolean {
    return this.inner.boardExists(id);
  }
  loadBoard(id: BoardId): StoredBoard | null {
    if (this.failReads) throw new Error('database disk image is malformed (simulated)');
    return this.inner.loadBoard(id);
  }
  appendUpdate(id: BoardId, update: Uint8Array): void {
    this.write();
    this.inner.appendUpdate(id, update);
  }
  setDocSchema(id: BoardId, version: number | null): void {
    this.write();
    this.inner.setDocSchema(id, version);
  }
  compact(id: BoardId, snapshot: StoredSnapshot): void {
    this.write();
    this.inner.compact(id, snapshot);
  }
  health(): boolean {
    return !this.unhealthy && this.inner.health();
  }
  close(): void {
    this.inner.close();
  }
}
