import { afterEach, describe, expect, it } from 'vitest';
import { newBoardId, type BoardId } from '../../lib/model';
import { issueTokens, type StoredTokens } from '../auth/tokens';
import type { Store, StoredSnapshot, StoredVersion } from './store';

/**
 * The contract of store.ts, as tests any engine must pass. An engine's own test file calls
 * `describeStoreContract('sqlite', engine)` with a way to make an empty place for a store
 * and to open a store there (again, for the durability cases).
 *
 * Additive only: engines on other branches run this file; a case is added, never changed.
 */
export interface StoreEngineUnderTest {
  /** A new, empty place for a store (a temporary folder, a fresh database), as a handle. */
  newPlace(): Promise<string>;
  /** Opens a store at a place made by newPlace; opening it again sees the same data. */
  open(place: string): Promise<Store>;
  /** Removes a place once its stores are closed (optional). */
  removePlace?(place: string): Promise<void>;
}

const bytes = (...values: number[]) => new Uint8Array(values);

/** Link digests as plain arrays: engines may answer Buffers or Uint8Arrays of the same bytes. */
function digests(tokens: StoredTokens | null): Record<string, unknown> | null {
  if (!tokens) return null;
  const plain = (data: Uint8Array | null) => (data ? [...data] : null);
  return Object.fromEntries(
    Object.entries(tokens).map(([role, t]) => [role, { hash: plain(t.hash), salt: plain(t.salt) }]),
  );
}
/** Stores keep bytes opaque: any bytes do as updates and snapshots here. */
const v2 = (...values: number[]): StoredSnapshot => ({ format: 'v2', data: bytes(...values) });

export function describeStoreContract(name: string, engine: StoreEngineUnderTest): void {
  describe(`store contract: ${name}`, () => {
    const opened: Store[] = [];
    const places: string[] = [];

    afterEach(async () => {
      for (const store of opened.splice(0)) await store.close();
      for (const place of places.splice(0)) await engine.removePlace?.(place);
    });

    async function fresh(): Promise<{ store: Store; place: string }> {
      const place = await engine.newPlace();
      places.push(place);
      return { store: await reopen(place), place };
    }

    async function reopen(place: string): Promise<Store> {
      const store = await engine.open(place);
      opened.push(store);
      return store;
    }

    async function newBoard(store: Store, snapshot = v2(1, 2), docSchema = 3): Promise<BoardId> {
      const id = newBoardId();
      await store.createBoard(id, { createdAt: 1, docSchema }, snapshot, issueTokens().stored);
      return id;
    }

    it('creates a board with its initial state as the log snapshot', async () => {
      const { store } = await fresh();
      const id = newBoardId();
      expect(await store.boardExists(id)).toBe(false);
      expect(await store.loadLog({ board: id })).toBeNull();
      await store.createBoard(id, { createdAt: 1, docSchema: 3 }, v2(1, 2), issueTokens().stored);
      expect(await store.boardExists(id)).toBe(true);
      expect(await store.loadLog({ board: id })).toEqual({
        snapshot: v2(1, 2),
        updates: [],
        docSchema: 3,
      });
    });

    it('refuses a second board with the same id, keeping the first', async () => {
      const { store } = await fresh();
      const id = await newBoard(store, v2(7));
      await expect(
        store.createBoard(id, { createdAt: 2, docSchema: 1 }, v2(8), issueTokens().stored),
      ).rejects.toThrow();
      expect(await store.loadLog({ board: id })).toEqual({
        snapshot: v2(7),
        updates: [],
        docSchema: 3,
      });
    });

    it('appends updates in call order, batches and unawaited calls alike', async () => {
      const { store } = await fresh();
      const id = await newBoard(store);
      const log = { board: id };
      await store.appendUpdates(log, [bytes(1), bytes(2)]);
      // Not awaited one by one: the order of the calls is the order in the log.
      await Promise.all([
        store.appendUpdates(log, [bytes(3)]),
        store.appendUpdates(log, [bytes(4), bytes(5)]),
        store.appendUpdates(log, []),
        store.appendUpdates(log, [bytes(6)]),
      ]);
      const loaded = await store.loadLog(log);
      expect(loaded?.updates).toEqual([1, 2, 3, 4, 5, 6].map((value) => bytes(value)));
    });

    it('keeps the exact bytes of views into larger buffers', async () => {
      const { store } = await fresh();
      const buffer = bytes(9, 9, 1, 2, 3, 9, 9);
      const id = await newBoard(store, { format: 'v1', data: buffer.subarray(1, 4) });
      await store.appendUpdates({ board: id }, [buffer.subarray(2, 5)]);
      const loaded = await store.loadLog({ board: id });
      expect(loaded?.snapshot).toEqual({ format: 'v1', data: bytes(9, 1, 2) });
      expect(loaded?.updates).toEqual([bytes(1, 2, 3)]);
    });

    it('refuses updates for a board that does not exist', async () => {
      const { store } = await fresh();
      await expect(store.appendUpdates({ board: newBoardId() }, [bytes(1)])).rejects.toThrow();
    });

    it('compacts a log into one snapshot, later updates following it', async () => {
      const { store } = await fresh();
      const id = await newBoard(store);
      const log = { board: id };
      await store.appendUpdates(log, [bytes(1), bytes(2)]);
      await store.compact(log, v2(5, 5));
      await store.appendUpdates(log, [bytes(3)]);
      expect(await store.loadLog(log)).toEqual({
        snapshot: v2(5, 5),
        updates: [bytes(3)],
        docSchema: 3,
      });
    });

    it('records the schema version of a stored document', async () => {
      const { store } = await fresh();
      const id = await newBoard(store);
      await store.setDocSchema(id, 4);
      expect((await store.loadLog({ board: id }))?.docSchema).toBe(4);
      await store.setDocSchema(id, null);
      expect((await store.loadLog({ board: id }))?.docSchema).toBeNull();
    });

    it('keeps drafts in logs of their own, apart from the board and each other', async () => {
      const { store } = await fresh();
      const id = await newBoard(store, v2(1));
      const a = { board: id, writer: 'writerA' };
      const b = { board: id, writer: 'writerB' };
      expect(await store.loadLog(a)).toEqual({ snapshot: null, updates: [], docSchema: null });
      expect(await store.draftWriters(id)).toEqual([]);
      await store.appendUpdates(b, [bytes(20)]);
      await store.appendUpdates(a, [bytes(10), bytes(11)]);
      await store.compact(a, v2(12));
      await store.appendUpdates(a, [bytes(13)]);
      await store.appendUpdates({ board: id }, [bytes(2)]);
      expect(await store.loadLog(a)).toEqual({
        snapshot: v2(12),
        updates: [bytes(13)],
        docSchema: null,
      });
      expect(await store.loadLog(b)).toEqual({
        snapshot: null,
        updates: [bytes(20)],
        docSchema: null,
      });
      expect(await store.loadLog({ board: id })).toEqual({
        snapshot: v2(1),
        updates: [bytes(2)],
        docSchema: 3,
      });
      expect(await store.draftWriters(id)).toEqual(['writerA', 'writerB']);
      // Compacting the board leaves its drafts alone.
      await store.compact({ board: id }, v2(3));
      expect((await store.loadLog(a))?.updates).toEqual([bytes(13)]);
    });

    it('answers null for a draft of a board that does not exist', async () => {
      const { store } = await fresh();
      expect(await store.loadLog({ board: newBoardId(), writer: 'writerA' })).toBeNull();
      await expect(
        store.appendUpdates({ board: newBoardId(), writer: 'writerA' }, [bytes(1)]),
      ).rejects.toThrow();
    });

    it('stores link digests, replaces one, and knows boards without links', async () => {
      const { store } = await fresh();
      const { stored } = issueTokens();
      const id = newBoardId();
      expect(await store.loadTokens(id)).toBeNull();
      await store.createBoard(id, { createdAt: 1, docSchema: 3 }, v2(1), stored);
      expect(digests(await store.loadTokens(id))).toEqual(digests(stored));
      const next = issueTokens().stored.editor;
      await store.replaceToken(id, 'editor', next);
      expect(digests(await store.loadTokens(id))).toEqual(digests({ ...stored, editor: next }));
      const again = issueTokens().stored;
      await store.setTokens(id, again);
      expect(digests(await store.loadTokens(id))).toEqual(digests(again));
      expect(await store.boardsWithoutTokens()).toEqual([]);
    });

    it('stores versions, lists them newest first, and prunes only automatic ones', async () => {
      const { store } = await fresh();
      const id = await newBoard(store);
      const version = (n: number, kind: StoredVersion['kind']): StoredVersion => ({
        id: `snap_${String(n).padStart(16, '0')}`,
        name: `v${n}`,
        kind,
        createdAt: 1_000 + n,
        state: bytes(n),
      });
      await store.addVersion(id, version(1, 'manual'), 2);
      for (const n of [2, 3, 4]) await store.addVersion(id, version(n, 'auto-interval'), 2);
      const list = await store.listVersions(id);
      expect(list.map((meta) => meta.name)).toEqual(['v4', 'v3', 'v1']);
      expect(list[0]).toEqual({
        id: version(4, 'auto-interval').id,
        name: 'v4',
        kind: 'auto-interval',
        createdAt: 1_004,
      });
      expect(await store.getVersion(id, version(3, 'auto-interval').id)).toEqual(
        version(3, 'auto-interval'),
      );
      expect(await store.getVersion(id, version(2, 'auto-interval').id)).toBeNull();
      expect(await store.listVersions(newBoardId())).toEqual([]);
    });

    it('keeps everything once resolved: a reopened store reads what was written', async () => {
      const { store, place } = await fresh();
      const id = await newBoard(store);
      await store.appendUpdates({ board: id }, [bytes(1)]);
      await store.appendUpdates({ board: id, writer: 'writerA' }, [bytes(2)]);
      await store.addVersion(
        id,
        { id: 'snap_0000000000000001', name: 'n', kind: 'manual', createdAt: 5, state: bytes(3) },
        50,
      );
      await store.close();
      const again = await reopen(place);
      expect((await again.loadLog({ board: id }))?.updates).toEqual([bytes(1)]);
      expect((await again.loadLog({ board: id, writer: 'writerA' }))?.updates).toEqual([bytes(2)]);
      expect((await again.listVersions(id)).map((meta) => meta.name)).toEqual(['n']);
    });

    it('can write, says so, and rejects every call once closed', async () => {
      const { store } = await fresh();
      expect(await store.probeWrite()).toEqual({ ok: true });
      const id = await newBoard(store);
      await store.close();
      await store.close();
      await expect(store.loadLog({ board: id })).rejects.toThrow();
      await expect(store.appendUpdates({ board: id }, [bytes(1)])).rejects.toThrow();
      expect((await store.probeWrite()).ok).toBe(false);
    });
  });
}
