import { statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { newBoardId } from '../../lib/model';
import { recordingLogger } from '../../test/helpers/logger';
import { makeTempDir } from '../../test/helpers/temp-dir';
import { waitFor } from '../../test/helpers/wait';
import { issueTokens } from '../auth/tokens';
import { DATABASE_FILE, SqliteStore, type SqliteStoreOptions } from './sqlite-engine';
import { startWalCheckpointer } from './wal-checkpointer';

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** 2,000 updates of 200 bytes: about 4,000 WAL pages, four times SQLite's own threshold. */
const UPDATES = 2_000;
const UPDATE_BYTES = 200;
/** The store keeps bytes opaque: any bytes do as a board's first snapshot. */
const snapshot = { format: 'v2', data: new Uint8Array([0]) } as const;
const update = (i: number) => new Uint8Array(UPDATE_BYTES).fill(i % 251);
const databaseBytes = (dir: string) => statSync(join(dir, DATABASE_FILE)).size;

/**
 * A store on a new folder with one board; writes() appends UPDATES updates, one write each,
 * all called at once: they run one after the other on the store's chain, in microtasks,
 * without a turn of the event loop in between.
 */
async function storeWithBoard(options: SqliteStoreOptions) {
  const dir = makeTempDir();
  const store = await SqliteStore.open(dir.path, options);
  cleanups.push(
    () => dir.remove(),
    () => store.close(),
  );
  const id = newBoardId();
  await store.createBoard(id, { createdAt: 1, docSchema: 3 }, snapshot, issueTokens().stored);
  const writes = () =>
    Promise.all(
      Array.from({ length: UPDATES }, (_, i) => store.appendUpdates({ board: id }, [update(i)])),
    );
  return { store, id, writes, databaseBytes: () => databaseBytes(dir.path) };
}

describe('WAL checkpoints', () => {
  it('never run inside a write, and reach the database file from the worker soon after', async () => {
    const { store, id, writes, databaseBytes } = await storeWithBoard({
      // Long enough for the writes to be done before the worker's first checkpoint.
      checkpointIntervalMs: 1_000,
    });
    const before = databaseBytes();

    // Had any commit checkpointed in-line (SQLite's default every 1,000 pages), the file
    // would have grown before the worker's first checkpoint.
    await writes();
    expect(databaseBytes()).toBe(before);

    await waitFor(() => databaseBytes() > before + UPDATES * UPDATE_BYTES, 'the worker checkpoint');
    expect((await store.loadLog({ board: id }))?.updates).toHaveLength(UPDATES);
  });

  it('come back in-line, with a warning, when the worker fails', async () => {
    const logger = recordingLogger();
    const { writes, databaseBytes } = await storeWithBoard({
      logger,
      startCheckpointer: (_file, options) => {
        options.onFailure(new Error('no worker threads here'));
        return { close() {} };
      },
    });
    const before = databaseBytes();
    await writes();
    // SQLite checkpointed inside the writes again: the log does not grow without bound.
    expect(databaseBytes()).toBeGreaterThan(before);
    expect(logger.lines.map((line) => line.message).join('\n')).toContain('no worker threads here');
  });

  it('report a worker that cannot open the database, so the store falls back to in-line checkpoints', async () => {
    const failures: Error[] = [];
    const checkpointer = startWalCheckpointer('/nonexistent-lienzo-dir/lienzo.db', {
      onFailure: (error) => failures.push(error),
    });
    cleanups.push(() => checkpointer.close());
    await waitFor(() => failures.length > 0, 'the failure report');
    expect(failures[0]?.message).toMatch(/directory does not exist|unable to open/i);
  });
});
