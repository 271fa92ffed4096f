import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTempDir } from '../../test/helpers/temp-dir';
import { createBoard } from '../boards';
import { ServerMetrics } from '../observability/metrics';
import { SqliteStore } from '../store/sqlite-engine';
import type { BoardId } from '../../lib/model';
import { DEFAULT_COMPACTION } from './compaction';
import { RoomRegistry } from './room-registry';

const quiet = { info: () => {}, warn: () => {}, error: () => {} };

describe('RoomRegistry and the metrics', () => {
  const dir = makeTempDir();
  let store: SqliteStore;
  beforeAll(async () => {
    store = await SqliteStore.open(dir.path);
  });
  afterAll(async () => {
    await store.close();
    dir.remove();
  });

  it('forgets the store queue of a room that unloads, so the depth gauge cannot stay stuck', async () => {
    const metrics = new ServerMetrics();
    const rooms = new RoomRegistry({
      store,
      logOf: (id) => ({ board: id as BoardId }),
      recordsSchema: true,
      logger: quiet,
      compaction: DEFAULT_COMPACTION,
      metrics,
    });
    const { id } = await createBoard(store, 'Queued');
    const room = await rooms.acquire(id);
    metrics.storeQueueDepth(id, 3);
    expect(await metrics.text()).toMatch(/^lienzo_store_queue_depth 3$/m);
    rooms.release(room);
    await new Promise((resolve) => setImmediate(resolve));
    expect(rooms.loadedCount).toBe(0);
    expect(await metrics.text()).toMatch(/^lienzo_store_queue_depth 0$/m);
  });
});
