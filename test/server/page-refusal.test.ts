import { WebSocket } from 'ws';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { boardRoots, createNote } from '../../lib/doc';
import { NOTE_KEYS, type BoardId } from '../../lib/model';
import { connectBoard, type BoardConnection, type Refusal } from '../../lib/sync';
import { startTestServer, type TestServer } from '../helpers/test-server';
import { waitFor } from '../helpers/wait';

/**
 * Lienzo's page after the server refuses a value (4422): it starts over from the server's
 * copy and says so ('rejected'), as after a lock's refusal, instead of taking the close for a
 * revoked link and stopping for good. The page keeps no local copy here (`viewOnly`: Node has
 * no IndexedDB); the editor's token is what lets it write.
 */
let server: TestServer;
let id: string;
let page: BoardConnection | null = null;

// y-websocket opens the global WebSocket, which Node 20 lacks; the browser's is the same API.
const hadWebSocket = 'WebSocket' in globalThis;

beforeEach(async () => {
  if (!hadWebSocket) Object.assign(globalThis, { WebSocket });
  server = await startTestServer();
  id = await server.createBoard('Page refusal');
});

afterEach(async () => {
  page?.destroy();
  await server.stop();
  if (!hadWebSocket) delete (globalThis as { WebSocket?: unknown }).WebSocket;
});

describe("Lienzo's page when the server refuses a value", () => {
  it('starts over and says why, never showing a revoked link', async () => {
    const refusals: Refusal[] = [];
    page = connectBoard(
      id as BoardId,
      { id: 'pat', name: 'Pat', color: '#888888' },
      `${server.url.replace(/^http/, 'ws')}/sync`,
      server.token(id, 'editor'),
      { viewOnly: true, onRefused: (why) => refusals.push(why) },
    );
    await waitFor(() => page!.getStatus() === 'connected', 'the page to connect');
    const note = createNote(page.doc, { x: 1250, y: 600, author: 'Pat' });
    const map = boardRoots(page.doc).notes.get(note) as unknown as {
      set(k: string, v: unknown): void;
    };
    map.set(NOTE_KEYS.color, 'not-a-colour');
    await waitFor(() => refusals.length > 0, 'the refusal to reach the page');
    expect(refusals).toEqual(['rejected']);
    expect(page.getStatus()).not.toBe('revoked');
  });
});
