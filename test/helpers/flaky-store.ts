import type { BoardId, Role } from '../../lib/model';
import type { StoredToken, StoredTokens } from '../../server/auth/tokens';
import { SqliteStore } from '../../server/store/sqlite-engine';
import type {
  BoardInit,
  LogRef,
  Store,
  StoreHealth,
  StoredBoard,
  StoredSnapshot,
  StoredVersion,
  StoredVersionMeta,
} from '../../server/store/store';

/**
 * The SQLite store, with switches that make its writes, reads or health check fail, or its
 * writes slow (as a database over the network is), and a record of each committed append.
 */
export class FlakyStore implements Store {
  readonly engine = 'sqlite (flaky)';
  failWrites = false;
  failReads = false;
  unhealthy = false;
  /** Every write waits this long (ms) before it runs. */
  writeDelayMs = 0;
  /** Every loadLog waits this long (ms) before it runs. */
  loadDelayMs = 0;
  /** Each appendUpdates call that committed, with its updates, in commit order. */
  readonly appended: Uint8Array[][] = [];

  private constructor(private readonly inner: SqliteStore) {}

  static async open(dataDir: string): Promise<FlakyStore> {
    return new FlakyStore(await SqliteStore.open(dataDir));
  }

  private async write<T>(work: () => Promise<T>): Promise<T> {
    if (this.writeDelayMs > 0)
      await new Promise((resolve) => setTimeout(resolve, this.writeDelayMs));
    if (this.failWrites) throw new Error('disk I/O error (simulated)');
    return work();
  }

  createBoard(id: BoardId, init: BoardInit, state: StoredSnapshot, tokens: StoredTokens) {
    return this.write(() => this.inner.createBoard(id, init, state, tokens));
  }
  boardExists(id: BoardId): Promise<boolean> {
    return this.inner.boardExists(id);
  }
  async loadLog(log: LogRef): Promise<StoredBoard | null> {
    if (this.loadDelayMs > 0) await new Promise((resolve) => setTimeout(resolve, this.loadDelayMs));
    if (this.failReads) throw new Error('database disk image is malformed (simulated)');
    return this.inner.loadLog(log);
  }
  async appendUpdates(log: LogRef, updates: readonly Uint8Array[]): Promise<void> {
    await this.write(() => this.inner.appendUpdates(log, updates));
    this.appended.push([...updates]);
  }
  compact(log: LogRef, snapshot: StoredSnapshot): Promise<void> {
    return this.write(() => this.inner.compact(log, snapshot));
  }
  setDocSchema(id: BoardId, version: number | null): Promise<void> {
    return this.write(() => this.inner.setDocSchema(id, version));
  }
  draftWriters(board: BoardId): Promise<string[]> {
    return this.inner.draftWriters(board);
  }
  loadTokens(id: BoardId): Promise<StoredTokens | null> {
    return this.inner.loadTokens(id);
  }
  replaceToken(id: BoardId, role: Role, token: StoredToken): Promise<void> {
    return this.write(() => this.inner.replaceToken(id, role, token));
  }
  boardsWithoutTokens(): Promise<BoardId[]> {
    return this.inner.boardsWithoutTokens();
  }
  setTokens(id: BoardId, tokens: StoredTokens): Promise<void> {
    return this.write(() => this.inner.setTokens(id, tokens));
  }
  addVersion(board: BoardId, version: StoredVersion, keepAuto: number): Promise<void> {
    return this.write(() => this.inner.addVersion(board, version, keepAuto));
  }
  listVersions(board: BoardId): Promise<StoredVersionMeta[]> {
    return this.inner.listVersions(board);
  }
  getVersion(board: BoardId, id: string): Promise<StoredVersion | null> {
    return this.inner.getVersion(board, id);
  }
  async probeWrite(): Promise<StoreHealth> {
    if (this.unhealthy) return { ok: false, reason: 'the store does not answer (simulated)' };
    if (this.failWrites) return { ok: false, reason: 'disk I/O error (simulated)' };
    return this.inner.probeWrite();
  }
  close(): Promise<void> {
    return this.inner.close();
  }
}
