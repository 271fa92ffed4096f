import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { createNote } from '../../lib/doc';
import { startLienzoServer } from '../../server/app-server';
import { closeOf, connectClient, waitForNotes, type TestClient } from '../helpers/clients';
import { FlakyStore } from '../helpers/flaky-store';
import { makeTempDir } from '../helpers/temp-dir';
import { startTestServer, type TestServer } from '../helpers/test-server';

/** Fast pings, so a silent peer is dropped within a test's patience. */
const TEST_KEEPALIVE_MS = 100;

const clients: TestClient[] = [];
const cleanups: (() => unknown)[] = [];

afterEach(async () => {
  for (const c of clients.splice(0)) c.destroy();
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function testServer(options: Parameters<typeof startTestServer>[0] = {}) {
  const server = await startTestServer(options);
  cleanups.push(() => server.stop());
  return server;
}

function client(server: TestServer, boardId: string): TestClient {
  const created = connectClient(server.url, boardId, server.token(boardId));
  clients.push(created);
  return created;
}

describe('connections', () => {
  it('drops a peer that stops answering pings, and keeps the ones that answer', async () => {
    const server = await testServer({ keepaliveIntervalMs: TEST_KEEPALIVE_MS });
    const id = await server.createBoard();
    const a = client(server, id);
    const b = client(server, id);
    await Promise.all([a.synced, b.synced]);
    // A socket that never answers pings, as a peer whose network vanished.
    const silent = new WebSocket(
      `${server.url.replace('http', 'ws')}/sync/${id}?t=${server.token(id)}`,
      {
        autoPong: false,
      },
    );
    cleanups.push(() => silent.terminate());
    await new Promise((resolve) => silent.once('open', resolve));
    const { code } = await closeOf(silent);
    expect(code).toBe(1006); // terminated without a close frame

    const note = createNote(a.doc, { x: 0, y: 0, author: 'A' });
    await waitForNotes([a, b], [note]);
    expect(a.provider.wsconnected && b.provider.wsconnected).toBe(true);
  });

  it('closes its sockets with 1001 when it shuts down', async () => {
    const server = await testServer();
    const id = await server.createBoard();
    const a = client(server, id);
    await a.synced;
    const closed = new Promise<number>((resolve) =>
      a.provider.once('connection-close', (event: CloseEvent | null) => resolve(event?.code ?? 0)),
    );
    await server.server.close();
    expect(await closed).toBe(1001);
  });

  it('closes with 1011 when a board cannot be loaded, and the API answers 500', async () => {
    const temp = makeTempDir();
    cleanups.push(() => temp.remove());
    const store = await FlakyStore.open(temp.path);
    const server = await testServer({ dataDir: temp.path, openStore: () => store });
    const id = await server.createBoard();
    store.failReads = true;
    const socket = new WebSocket(
      `${server.url.replace('http', 'ws')}/sync/${id}?t=${server.token(id)}`,
    );
    cleanups.push(() => socket.terminate());
    const { code, reason } = await closeOf(socket);
    expect(code).toBe(1011);
    expect(reason).toBe('the board could not be loaded');
    expect(server.server.loadedBoards()).toEqual([]);

    const response = await server.getBoard(id);
    expect(response.status).toBe(500);
    expect(await response.json()).toEqual({ error: 'the board could not be read' });
  });

  it('rejects when its port is taken, without leaving anything open', async () => {
    const server = await testServer();
    const temp = makeTempDir();
    cleanups.push(() => temp.remove());
    const port = Number(new URL(server.url).port);
    await expect(
      startLienzoServer({ port, host: '127.0.0.1', dataDir: temp.path }),
    ).rejects.toThrow(/EADDRINUSE/);
  });

  it('refuses a request target that is not a plain path', async () => {
    const server = await testServer();
    const id = await server.createBoard();
    const result = await new Promise<number>((resolve) => {
      const socket = new WebSocket(
        `${server.url.replace('http', 'ws')}//evil.example/sync/${id}?t=${server.token(id)}`,
      );
      socket.once('unexpected-response', (_request, response) => resolve(response.statusCode!));
      socket.once('error', () => {});
    });
    // "//evil.example/sync/<id>" is a path outside /sync, not a host.
    expect(result).toBe(404);
  });
});
