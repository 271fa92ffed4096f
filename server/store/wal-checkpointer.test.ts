import { statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { newBoardId } from '../../lib/model';
import { recordingLogger } from '../../test/helpers/logger';
import { makeTempDir } from '../../test/helpers/temp-dir';
import { waitFor } from '../../test/helpers/wait';
import { issueTokens } from '../auth/tokens';
import { DATABASE_FILE, SqliteBoardStore, type SqliteStoreOptions } from './sqlite-store';
import { startWalCheckpointer } from './wal-checkpointer';

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0).reverse()) cleanup();
});

/** 2,000 updates of 200 bytes: about 4,000 WAL pages, four times SQLite's own threshold. */
const UPDATES = 2_000;
const UPDATE_BYTES = 200;
/** The store keeps bytes opaque: any bytes do as a board's first snapshot. */
const snapshot = { format: 'v2', data: new Uint8Array([0]) } as const;
const update = (i: number) => new Uint8Array(UPDATE_BYTES).fill(i % 251);
const databaseBytes = (dir: string) => statSync(join(dir, DATABASE_FILE)).size;

/** A store on a new folder with one board; writes() appends UPDATES updates synchronously. */
function storeWithBoard(options: SqliteStoreOptions) {
  const dir = makeTempDir();
  const store = new SqliteBoardStore(dir.path, options);
  cleanups.push(
    () => dir.remove(),
    () => store.close(),
  );
  const id = newBoardId();
  store.createBoard(id, { createdAt: 1, docSchema: 3 }, snapshot, issueTokens().stored);
  const writes = () => {
    for (let i = 0; i < UPDATES; i++) store.appendUpdate(id, update(i));
  };
  return { store, id, writes, databaseBytes: () => databaseBytes(dir.path) };
}

describe('WAL checkpoints', () => {
  it('never run inside a write, and reach the database file from the worker soon after', async () => {
    const { store, id, writes, databaseBytes } = storeWithBoard({ checkpointIntervalMs: 100 });
    const before = databaseBytes();

    // Synchronous writes give the worker no chance to run between them: had any commit
    // checkpointed in-line (SQLite's default every 1,000 pages), the file would have grown.
    writes();
    expect(databaseBytes()).toBe(before);

    await waitFor(() => databaseBytes() > before + UPDATES * UPDATE_BYTES, 'the worker checkpoint');
    expect(store.loadBoard(id)?.updates).toHaveLength(UPDATES);
  });

  it('come back in-line, with a warning, when the worker fails', () => {
    const logger = recordingLogger();
    const { writes, databaseBytes } = storeWithBoard({
      logger,
      startCheckpointer: (_file, options) => {
        options.onFailure(new Error('no worker threads here'));
        return { close() {} };
      },
    });
    const before = databaseBytes();
    writes();
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
