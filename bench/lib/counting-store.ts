import type { RoomStore } from '../../server/rooms/room';
import { SqliteStore } from '../../server/store/sqlite-engine';

/** The SQLite store, counting what rooms append and how often they compact. */
export class CountingStore {
  appendedUpdates = 0;
  appendedBytes = 0;
  compactions = 0;
  /** What rooms are given: the SQLite store, its appends and compactions counted. */
  readonly store: RoomStore;

  private constructor(readonly inner: SqliteStore) {
    this.store = {
      loadLog: (log) => inner.loadLog(log),
      setDocSchema: (id, version) => inner.setDocSchema(id, version),
      appendUpdates: async (log, updates) => {
        await inner.appendUpdates(log, updates);
        this.appendedUpdates += updates.length;
        for (const update of updates) this.appendedBytes += update.byteLength;
      },
      compact: async (log, snapshot) => {
        await inner.compact(log, snapshot);
        this.compactions += 1;
      },
    };
  }

  static async open(dataDir: string): Promise<CountingStore> {
    return new CountingStore(await SqliteStore.open(dataDir));
  }
}
