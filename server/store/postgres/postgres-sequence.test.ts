import { afterEach, describe, expect, it } from 'vitest';
import { newBoardId, type BoardId } from '../../../lib/model';
import { issueTokens } from '../../auth/tokens';
import { usePostgres } from '../../../test/helpers/engines/postgres';
import { recordingLogger } from '../../../test/helpers/logger';
import { openStore } from '../open-store';
import type { Store } from '../store';
import { PostgresStore } from './postgres-store';

const postgres = usePostgres();
const opened: Store[] = [];

afterEach(async () => {
  for (const store of opened.splice(0)) await store.close();
});

async function open(url = postgres.url): Promise<PostgresStore> {
  const store = await PostgresStore.open(url, { logger: recordingLogger() });
  opened.push(store);
  return store;
}

async function newBoard(store: Store): Promise<BoardId> {
  const id = newBoardId();
  await store.createBoard(
    id,
    { createdAt: 1, docSchema: 3 },
    { format: 'v2', data: new Uint8Array([0]) },
    issueTokens().stored,
  );
  return id;
}

const update = (n: number) => new Uint8Array([n % 256, Math.floor(n / 256)]);

describe('the per-log sequence (PostgreSQL)', () => {
  it('numbers updates 1, 2, 3, ... and reads back everything after a seq', async () => {
    const store = await open();
    const id = await newBoard(store);
    const log = { board: id };
    expect(await store.appendSequenced(log, [update(1), update(2)])).toBe(2);
    expect(await store.appendSequenced(log, [update(3)])).toBe(3);
    const tail = await store.readLogSince(log, 1);
    expect(tail).toMatchObject({ snapshot: null, seq: 3 });
    expect(tail?.updates).toEqual([
      { seq: 2, data: update(2) },
      { seq: 3, data: update(3) },
    ]);
    expect((await store.readLogSince(log, 3))?.updates).toEqual([]);
    expect(await store.readLogSince({ board: newBoardId() }, 0)).toBeNull();
  });

  it('stays dense and in commit order with two processes writing one board', async () => {
    const a = await open();
    const b = await open();
    const id = await newBoard(a);
    const log = { board: id };
    const writes: Promise<number>[] = [];
    for (let n = 0; n < 40; n++) writes.push((n % 2 ? a : b).appendSequenced(log, [update(n)]));
    await Promise.all(writes);
    const tail = await a.readLogSince(log, 0);
    expect(tail?.updates.map((entry) => entry.seq)).toEqual(
      Array.from({ length: 40 }, (_, index) => index + 1),
    );
    // Each process's own updates are in the order it sent them.
    const order = tail!.updates.map((entry) => entry.data[0]!);
    const even = order.filter((n) => n % 2 === 0);
    const odd = order.filter((n) => n % 2 === 1);
    expect(even).toEqual([...even].sort((x, y) => x - y));
    expect(odd).toEqual([...odd].sort((x, y) => x - y));
  });

  it('groups the appends that wait behind one in flight into one transaction', async () => {
    const store = await open();
    const id = await newBoard(store);
    const log = { board: id };
    const seqs = await Promise.all(
      Array.from({ length: 30 }, (_, n) => store.appendSequenced(log, [update(n)])),
    );
    // A call resolves with its transaction's last seq: the first alone (1), then batches.
    expect(seqs[0]).toBe(1);
    expect(new Set(seqs).size).toBeLessThan(5);
    expect(seqs[29]).toBe(30);
    const stored = (await store.loadLog(log))?.updates;
    expect(stored).toEqual(Array.from({ length: 30 }, (_, n) => update(n)));
  });

  it('compacts only up to the watermark it is given, keeping what another process stored', async () => {
    const a = await open();
    const b = await open();
    const id = await newBoard(a);
    const log = { board: id };
    await a.appendSequenced(log, [update(1), update(2)]);
    // B stores seq 3 while A builds its snapshot of seqs 1..2.
    await b.appendSequenced(log, [update(3)]);
    const snapshot = { format: 'v2' as const, data: new Uint8Array([12]) };
    await a.compactThrough(log, snapshot, 2);
    expect(await b.loadLog(log)).toEqual({ snapshot, updates: [update(3)], docSchema: 3 });
    // A reader behind the watermark gets the snapshot to start from; one past it does not.
    expect((await b.readLogSince(log, 1))?.snapshot).toEqual(snapshot);
    expect((await b.readLogSince(log, 2))?.snapshot).toBeNull();
    // A slower process's older snapshot never replaces a newer one.
    await b.compactThrough(log, { format: 'v2', data: new Uint8Array([13]) }, 3);
    await a.compactThrough(log, { format: 'v2', data: new Uint8Array([99]) }, 2);
    expect((await a.loadLog(log))?.snapshot?.data).toEqual(new Uint8Array([13]));
    expect(await a.appendSequenced(log, [update(4)])).toBe(4);
  });

  it('is the engine openStore picks for a postgres:// LIENZO_DATABASE_URL', async () => {
    const store = await openStore(
      { dataDir: '/nonexistent', databaseUrl: postgres.url },
      recordingLogger(),
    );
    opened.push(store);
    expect(store.engine).toBe('postgres');
    await expect(
      openStore({ dataDir: '/nonexistent', databaseUrl: 'mysql://x/y' }, recordingLogger()),
    ).rejects.toThrow(/no engine for mysql:/);
  });
});
