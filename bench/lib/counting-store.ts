import type { BoardId } from '../../lib/model';
import type { StoredSnapshot } from '../../server/store/board-store';
import { SqliteBoardStore } from '../../server/store/sqlite-store';

/** The SQLite store, counting what rooms append and how often they compact. */
export class CountingStore extends SqliteBoardStore {
  appendedUpdates = 0;
  appendedBytes = 0;
  compactions = 0;

  override appendUpdate(id: BoardId, update: Uint8Array): void {
    super.appendUpdate(id, update);
    this.appendedUpdates += 1;
    this.appendedBytes += update.byteLength;
  }

  override compact(id: BoardId, snapshot: StoredSnapshot): void {
    super.compact(id, snapshot);
    this.compactions += 1;
  }
}
