import { afterEach, describe, expect, it } from 'vitest';
import { createNote, moveNotes, readBoard } from '../../lib/doc';
import { spawnServer, type ChildServer } from '../helpers/child-server';
import { connectClient, waitForNotes, type TestClient } from '../helpers/clients';
import { FlakyStore } from '../helpers/flaky-store';
import { storedLog } from '../helpers/stored-log';
import { makeTempDir } from '../helpers/temp-dir';
import {
  startTestServer,
  tokensOf,
  type CreatedBoard,
  type TestServer,
} from '../helpers/test-server';
import { waitFor } from '../helpers/wait';

const cleanups: (() => unknown)[] = [];
const clients: TestClient[] = [];

function client(url: string, board: { id: string; token: string }): TestClient {
  const created = connectClient(url, board.id, board.token);
  clients.push(created);
  return created;
}

afterEach(async () => {
  for (const c of clients.splice(0)) c.destroy();
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function testServer(options: Parameters<typeof startTestServer>[0] = {}) {
  const server = await startTestServer(options);
  cleanups.push(() => server.stop());
  return server;
}

async function createBoard(url: string): Promise<{ id: string; token: string }> {
  const response = await fetch(`${url}/api/boards`, { method: 'POST' });
  const created = (await response.json()) as CreatedBoard;
  return { id: created.id, token: tokensOf(created).editor };
}

/** A board of the in-process test server, with its editor token. */
function boardOf(server: TestServer, id: string): { id: string; token: string } {
  return { id, token: server.token(id) };
}

describe('kill -9', () => {
  /** B must have seen this many of A's notes before the server is killed. */
  const SEEN_BEFORE_KILL = 40;

  it('loses none of the edits another participant received', async () => {
    const temp = makeTempDir();
    cleanups.push(() => temp.remove());
    let child: ChildServer = await spawnServer(temp.path);
    cleanups.push(() => child.kill9());
    const board = await createBoard(child.url);

    const a = client(child.url, board);
    const b = client(child.url, board);
    await Promise.all([a.synced, b.synced]);
    const seenByB = new Set<string>();
    b.doc.on('update', () => b.noteIds().forEach((note) => seenByB.add(note)));

    // A edits as fast as it can, one note per update, until the server dies under it.
    let burst = true;
    let created = 0;
    const edits = (async () => {
      while (burst) {
        createNote(a.doc, { x: (created % 40) * 50, y: 100, author: 'A', text: `n${created}` });
        created++;
        await new Promise((resolve) => setTimeout(resolve, 1));
      }
    })();
    await waitFor(() => seenByB.size >= SEEN_BEFORE_KILL, `B to see ${SEEN_BEFORE_KILL} notes`);
    await child.kill9();
    burst = false;
    await edits;
    // Stop both providers before the restart, so nobody re-sends what the server lost.
    a.destroy();
    b.destroy();
    expect(created).toBeGreaterThan(seenByB.size); // the kill came in the middle of the burst

    child = await spawnServer(temp.path);
    const fresh = client(child.url, board);
    await fresh.synced;
    const recovered = new Set(fresh.noteIds());
    expect([...seenByB].filter((note) => !recovered.has(note))).toEqual([]);
  });
});

describe('store failures', () => {
  it('close the sender with 1011, relay nothing, and heal once the store works', async () => {
    const temp = makeTempDir();
    cleanups.push(() => temp.remove());
    // A new store per start: the restart at the end closes the first one.
    const stores: FlakyStore[] = [];
    const openStore = async ({ dataDir }: { dataDir: string }) =>
      stores[stores.push(await FlakyStore.open(dataDir)) - 1]!;
    const server = await testServer({ dataDir: temp.path, openStore });
    const store = stores[0]!;
    const id = await server.createBoard();
    const a = client(server.url, boardOf(server, id));
    const b = client(server.url, boardOf(server, id));
    await Promise.all([a.synced, b.synced]);
    const kept = createNote(a.doc, { x: 0, y: 0, author: 'A' });
    await waitForNotes([b], [kept]);

    store.failWrites = true;
    const closed = new Promise<number>((resolve) =>
      a.provider.once('connection-close', (event: CloseEvent | null) => resolve(event?.code ?? 0)),
    );
    const unstored = createNote(a.doc, { x: 500, y: 500, author: 'A' });
    expect(await closed).toBe(1011);
    // B stays connected and never gets what is not stored, even while A reconnects and retries.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(b.noteIds()).toEqual([kept]);
    expect(b.provider.wsconnected).toBe(true);
    expect(server.logger.lines.some((l) => l.level === 'error')).toBe(true);
    // The store cannot write: health says so, with the engine's reason.
    const health = await fetch(`${server.url}/api/health`);
    expect(health.status).toBe(503);
    expect(await health.json()).toMatchObject({ reason: 'disk I/O error (simulated)' });

    store.failWrites = false;
    await waitForNotes([a, b], [kept, unstored], 10_000);
    await waitFor(
      async () => (await fetch(`${server.url}/api/health`)).status === 200,
      'health to answer 200 again',
    );
    const more = createNote(b.doc, { x: 900, y: 100, author: 'B' });
    await waitForNotes([a, b], [kept, unstored, more]);

    for (const c of clients.splice(0)) c.destroy();
    await server.restart();
    const fresh = client(server.url, boardOf(server, id));
    await fresh.synced;
    expect(fresh.noteIds().sort()).toEqual([kept, unstored, more].sort());
  });

  it('GET /api/health answers 503 when the store does not answer', async () => {
    const temp = makeTempDir();
    cleanups.push(() => temp.remove());
    const store = await FlakyStore.open(temp.path);
    const server = await testServer({ dataDir: temp.path, openStore: () => store });
    store.unhealthy = true;
    const response = await fetch(`${server.url}/api/health`);
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({
      ok: false,
      error: 'store unavailable',
      reason: 'the store does not answer (simulated)',
    });
  });
});

describe('compaction', () => {
  it('folds the log into one snapshot as it grows, keeping the content', async () => {
    const server = await testServer({ compaction: { maxUpdates: 20, quietMs: 0 } });
    const id = await server.createBoard('Compacted');
    const a = client(server.url, boardOf(server, id));
    const b = client(server.url, boardOf(server, id));
    await Promise.all([a.synced, b.synced]);
    let sentBytes = 0;
    a.doc.on('update', (update: Uint8Array) => (sentBytes += update.byteLength));

    const note = createNote(a.doc, { x: 0, y: 0, author: 'A', text: 'Customer segments' });
    const MOVES = 75;
    for (let i = 1; i <= MOVES; i++) moveNotes(a.doc, [{ id: note, x: i * 10, y: 100 }]);
    await waitFor(() => readBoard(b.doc).notes.get(note)?.x === MOVES * 10, 'the last move');

    // 76 updates were accepted; with a snapshot every 20 the log holds one snapshot and at
    // most 19 updates, and fewer bytes than the updates it replaced.
    const log = storedLog(server.dataDir, id);
    expect(log.snapshots).toBe(1);
    expect(log.rows).toBeLessThan(20);
    expect(log.bytes).toBeLessThan(sentBytes);

    for (const c of clients.splice(0)) c.destroy();
    await server.restart();
    const fresh = client(server.url, boardOf(server, id));
    await fresh.synced;
    const board = readBoard(fresh.doc);
    expect(board.meta.title).toBe('Compacted');
    expect(board.notes.get(note)).toMatchObject({ x: MOVES * 10, text: 'Customer segments' });
  });

  it('waits for the board to be quiet before compacting a due log', async () => {
    const server = await testServer({ compaction: { maxUpdates: 20, quietMs: 300 } });
    const id = await server.createBoard('Quiet');
    const a = client(server.url, boardOf(server, id));
    const b = client(server.url, boardOf(server, id));
    await Promise.all([a.synced, b.synced]);
    const note = createNote(a.doc, { x: 0, y: 0, author: 'A' });
    for (let i = 1; i <= 30; i++) moveNotes(a.doc, [{ id: note, x: i * 10, y: 100 }]);
    await waitFor(() => readBoard(b.doc).notes.get(note)?.x === 300, 'the last move');

    // Due (31 updates) but not overdue (4 x 20): the log waits for a lull...
    expect(storedLog(server.dataDir, id).rows).toBeGreaterThan(30);
    // ...and is one snapshot once the board has been quiet for 300 ms.
    await waitFor(() => storedLog(server.dataDir, id).rows === 1, 'the compaction');
    expect(storedLog(server.dataDir, id).snapshots).toBe(1);
  });

  it('also compacts when the appended bytes pass their limit', async () => {
    const server = await testServer({ compaction: { maxBytes: 4 * 1024, quietMs: 0 } });
    const id = await server.createBoard();
    const a = client(server.url, boardOf(server, id));
    await a.synced;
    const ids = [0, 1, 2].map((i) =>
      createNote(a.doc, { x: i * 300, y: 0, author: 'A', text: 'x'.repeat(3_000) }),
    );
    const b = client(server.url, boardOf(server, id));
    await waitForNotes([b], ids);
    const log = storedLog(server.dataDir, id);
    expect(log.snapshots).toBe(1);
    expect(log.rows).toBeLessThan(4);
  });
});
