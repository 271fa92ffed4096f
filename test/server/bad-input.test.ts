import * as encoding from 'lib0/encoding';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { WebSocket } from 'ws';
import { createNote } from '../../lib/doc';
import { newBoardId } from '../../lib/model';
import { MAX_RICH_TEXT_CHARS } from '../../lib/model/records';
import {
  closeOf,
  connectClient,
  openSocket,
  waitForNotes,
  type TestClient,
} from '../helpers/clients';
import { startTestServer, type TestServer } from '../helpers/test-server';

/** Small enough that the test's oversized frame stays cheap. */
const TEST_MAX_MESSAGE_BYTES = 64 * 1024;

let server: TestServer;
let boardId: string;
const clients: TestClient[] = [];
const sockets: WebSocket[] = [];

beforeEach(async () => {
  server = await startTestServer({
    maxMessageBytes: TEST_MAX_MESSAGE_BYTES,
    allowedOrigins: ['https://partner.example'],
  });
  boardId = await server.createBoard();
});

afterEach(async () => {
  for (const c of clients.splice(0)) c.destroy();
  for (const s of sockets.splice(0)) s.terminate();
  await server.stop();
});

/** The sync path of the board, with its editor token. */
function syncPath(): string {
  return `/sync/${boardId}?t=${server.token(boardId)}`;
}

async function rawSocket(headers: Record<string, string> = {}): Promise<WebSocket> {
  const { socket, status } = await openSocket(server.url, syncPath(), headers);
  if (!socket) throw new Error(`upgrade refused with ${status}`);
  sockets.push(socket);
  return socket;
}

function frame(write: (encoder: encoding.Encoder) => void): Uint8Array {
  const encoder = encoding.createEncoder();
  write(encoder);
  return encoding.toUint8Array(encoder);
}

/** A sync "update" message around arbitrary bytes. */
function syncUpdate(update: Uint8Array): Uint8Array {
  return frame((e) => {
    encoding.writeVarUint(e, 0);
    encoding.writeVarUint(e, 2);
    encoding.writeVarUint8Array(e, update);
  });
}

/** Two synced clients; after each bad frame, A's next note must still reach B. */
async function twoClients(): Promise<[TestClient, TestClient]> {
  const a = connectClient(server.url, boardId, server.token(boardId));
  const b = connectClient(server.url, boardId, server.token(boardId));
  clients.push(a, b);
  await Promise.all([a.synced, b.synced]);
  return [a, b];
}

describe('bad frames close only their connection', () => {
  const cases: { name: string; data: Uint8Array | string; code: number }[] = [
    { name: 'a truncated varint', data: new Uint8Array([0xff, 0xff, 0xff]), code: 1007 },
    { name: 'an unknown message type', data: new Uint8Array([7, 0, 0]), code: 1003 },
    { name: 'an auth message (never asked for)', data: new Uint8Array([2, 0]), code: 1003 },
    { name: 'an unknown sync message type', data: new Uint8Array([0, 9, 0]), code: 1003 },
    {
      name: 'an update Yjs cannot decode',
      data: syncUpdate(new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8])),
      code: 1007,
    },
    {
      name: 'a valid message followed by junk',
      data: new Uint8Array([...syncUpdate(new Uint8Array([0, 0])), 42]),
      code: 1007,
    },
    {
      name: 'an awareness update that is not JSON',
      data: frame((e) => {
        encoding.writeVarUint(e, 1);
        encoding.writeVarUint8Array(
          e,
          frame((inner) => {
            encoding.writeVarUint(inner, 1);
            encoding.writeVarUint(inner, 1234);
            encoding.writeVarUint(inner, 1);
            encoding.writeVarString(inner, '{not json');
          }),
        );
      }),
      code: 1007,
    },
    { name: 'a text frame', data: 'hello', code: 1003 },
  ];

  for (const { name, data, code } of cases) {
    it(`${name} → ${code}`, async () => {
      const [a, b] = await twoClients();
      const bad = await rawSocket();
      const closed = closeOf(bad);
      bad.send(data);
      const { code: got, reason } = await closed;
      expect(got).toBe(code);
      expect(reason).not.toBe('');

      const note = createNote(a.doc, { x: 10, y: 10, author: 'A' });
      await waitForNotes([a, b], [note]);
      expect(a.provider.wsconnected && b.provider.wsconnected).toBe(true);
    });
  }

  it('an oversized frame → 1009', async () => {
    const [a, b] = await twoClients();
    const bad = await rawSocket();
    const closed = closeOf(bad);
    bad.send(syncUpdate(new Uint8Array(TEST_MAX_MESSAGE_BYTES + 1)));
    expect((await closed).code).toBe(1009);

    const note = createNote(a.doc, { x: 10, y: 10, author: 'A' });
    await waitForNotes([a, b], [note]);
  });

  it('a frame just under the limit is accepted', async () => {
    const [a, b] = await twoClients();
    // A note with the longest text the schema allows: one update of a few tens of KiB.
    const note = createNote(a.doc, {
      x: 10,
      y: 10,
      author: 'A',
      text: 'é'.repeat(MAX_RICH_TEXT_CHARS),
    });
    await waitForNotes([a, b], [note]);
  });
});

describe('upgrade checks', () => {
  it('refuses a foreign Origin with 403', async () => {
    const result = await openSocket(server.url, syncPath(), {
      Origin: 'https://evil.example',
    });
    expect(result.status).toBe(403);
    expect(JSON.parse(result.body!)).toEqual({ error: 'origin not allowed' });
  });

  it('refuses the "null" origin of sandboxed pages', async () => {
    const result = await openSocket(server.url, syncPath(), { Origin: 'null' });
    expect(result.status).toBe(403);
  });

  it('accepts the app’s own origin, a listed origin, and no Origin at all', async () => {
    const own = new URL(server.url).host;
    for (const origin of [`http://${own}`, `https://${own}`, 'https://partner.example', null]) {
      const result = await openSocket(server.url, syncPath(), origin ? { Origin: origin } : {});
      expect(result.socket, String(origin)).toBeDefined();
      result.socket!.close();
    }
  });

  it('answers 404 for a well-formed id that was never created, and creates nothing', async () => {
    const unknown = newBoardId();
    const result = await openSocket(server.url, `/sync/${unknown}?t=${server.token(boardId)}`);
    expect(result.status).toBe(404);
    const api = await fetch(`${server.url}/api/boards/${unknown}?t=${server.token(boardId)}`);
    expect(api.status).toBe(404);
  });

  it('answers 400 for a malformed board id', async () => {
    for (const path of ['/sync/not-a-board', '/sync/', '/sync', `/sync/${boardId}/extra`]) {
      const result = await openSocket(server.url, `${path}?t=${server.token(boardId)}`);
      expect(result.status, path).toBe(400);
    }
  });

  it('answers 404 for upgrades outside /sync when no app handler is given', async () => {
    const result = await openSocket(server.url, '/_next/webpack-hmr');
    expect(result.status).toBe(404);
  });

  it('answers a plain GET of /sync/<id> with 426', async () => {
    const response = await fetch(`${server.url}/sync/${boardId}`);
    expect(response.status).toBe(426);
  });
});
