import Database from 'better-sqlite3';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { WebSocket } from 'ws';
import { createNote, deleteNotes, readBoard, setBoardTitle } from '../../lib/doc';
import type { BoardId, Role } from '../../lib/model';
import { connectBoard, type BoardConnection, type Refusal } from '../../lib/sync';
import { hashToken } from '../../server/auth/tokens';
import { DATABASE_FILE } from '../../server/store/sqlite-engine';
import { MESSAGE, SYNC, encodeSyncStep1 } from '../../server/sync/messages';
import { READ_ONLY_REASON } from '../../server/sync/protocol';
import {
  closeOf,
  connectClient,
  openSocket,
  permissionDenials,
  waitForNotes,
  type TestClient,
} from '../helpers/clients';
import { startTestServer, type TestServer } from '../helpers/test-server';
import { waitFor } from '../helpers/wait';

let server: TestServer;
let id: string;
const clients: TestClient[] = [];

function client(role: Role, token = server.token(id, role)): TestClient {
  const created = connectClient(server.url, id, token);
  clients.push(created);
  return created;
}

/** A client that keeps every frame the server sends it. */
function tapped(role: Role): TestClient & { frames: Buffer[] } {
  const frames: Buffer[] = [];
  const created = connectClient(server.url, id, server.token(id, role), {
    onFrame: (frame) => frames.push(frame),
  });
  clients.push(created);
  return { ...created, frames };
}

/**
 * Resolves once the server has handled everything `c` sent so far: it answers a sync step 1
 * on the same socket, in order, after whatever it sent for the frames before it.
 */
async function roundTrip(c: TestClient & { frames: Buffer[] }): Promise<void> {
  const before = c.frames.length;
  c.provider.ws!.send(encodeSyncStep1(c.doc));
  await waitFor(
    () => c.frames.slice(before).some((f) => f[0] === MESSAGE.sync && f[1] === SYNC.step2),
    'the answer to a sync step 1',
  );
}

beforeEach(async () => {
  server = await startTestServer();
  id = await server.createBoard('Roles');
});

afterEach(async () => {
  for (const c of clients.splice(0)) c.destroy();
  await server.stop();
});

function getBoard(headers: Record<string, string> = {}, query = '') {
  return fetch(`${server.url}/api/boards/${id}${query}`, { headers });
}

function regenerate(role: string, token = server.token(id, 'facilitator')) {
  return fetch(`${server.url}/api/boards/${id}/links`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ role }),
  });
}

async function noteIdsFromApi(token: string): Promise<string[]> {
  const response = await getBoard({}, `?t=${token}`);
  expect(response.status).toBe(200);
  return ((await response.json()) as { notes: { id: string }[] }).notes.map((n) => n.id);
}

describe('a viewer', () => {
  it('changes nothing: its notes reach nobody, are not stored, and it stays connected', async () => {
    const editor = client('editor');
    const viewer = tapped('viewer');
    await Promise.all([editor.synced, viewer.synced]);

    const fromViewer = createNote(viewer.doc, { x: 10, y: 10, author: 'V', text: 'sneaky' });
    // The write did happen on the viewer's side: what follows is about the server.
    expect(viewer.noteIds()).toEqual([fromViewer]);
    // The server's answer to that very update: from here on, it has handled it.
    await waitFor(() => permissionDenials(viewer.frames).length === 1, 'the viewer to be told');
    const fromEditor = createNote(editor.doc, { x: 300, y: 10, author: 'E' });
    await waitFor(() => viewer.noteIds().includes(fromEditor), 'the viewer to see the edit');
    const late = client('editor');
    await waitForNotes([editor, late], [fromEditor]);
    expect(await noteIdsFromApi(server.token(id, 'viewer'))).toEqual([fromEditor]);
    expect(viewer.provider.wsconnected).toBe(true);

    // Nor does it reach the store: after everyone leaves, the board is read from SQLite.
    for (const c of clients.splice(0)) c.destroy();
    await waitFor(() => server.server.loadedBoards().length === 0, 'the room to unload');
    await server.restart();
    expect(await noteIdsFromApi(server.token(id, 'editor'))).toEqual([fromEditor]);
  });

  it('is told once that its updates are dropped, however many it sends', async () => {
    const facilitator = tapped('facilitator');
    const editor = tapped('editor');
    const viewer = tapped('viewer');
    await Promise.all([facilitator.synced, editor.synced, viewer.synced]);
    const kept = createNote(facilitator.doc, { x: 10, y: 10, author: 'F' });
    await waitForNotes([editor, viewer], [kept]);
    const before = await (await getBoard({}, `?t=${server.token(id, 'viewer')}`)).text();
    // Syncing is not writing: the handshake's step 2 of a viewer with nothing new is no cause.
    await roundTrip(viewer);
    expect(permissionDenials(viewer.frames)).toEqual([]);

    // Several refused updates, each its own message: a deletion alone, a title, new notes.
    deleteNotes(viewer.doc, [kept]);
    setBoardTitle(viewer.doc, 'Renamed by a viewer');
    for (let i = 0; i < 5; i++) createNote(viewer.doc, { x: 100 * i, y: 300, author: 'V' });
    await roundTrip(viewer);

    expect(permissionDenials(viewer.frames)).toEqual([READ_ONLY_REASON]);
    expect(viewer.provider.wsconnected).toBe(true);
    await roundTrip(editor);
    await roundTrip(facilitator);
    expect(permissionDenials(editor.frames)).toEqual([]);
    expect(permissionDenials(facilitator.frames)).toEqual([]);
    // Nothing of it is served or stored: a fresh client's copy holds not one struct of the
    // viewer's, and the board read back from SQLite is as it was.
    const fresh = client('editor');
    await fresh.synced;
    expect(fresh.noteIds()).toEqual([kept]);
    expect(Y.decodeStateVector(Y.encodeStateVector(fresh.doc)).has(viewer.doc.clientID)).toBe(
      false,
    );
    for (const c of clients.splice(0)) c.destroy();
    await waitFor(() => server.server.loadedBoards().length === 0, 'the room to unload');
    await server.restart();
    expect(await (await getBoard({}, `?t=${server.token(id, 'viewer')}`)).text()).toBe(before);
  });

  it('is seen by the others: its awareness is relayed', async () => {
    const editor = client('editor');
    const viewer = client('viewer');
    await Promise.all([editor.synced, viewer.synced]);
    // The server relays Lienzo presences only (lib/model/presence.ts), stamped with the role.
    viewer.provider.awareness.setLocalStateField('user', { id: 'u_vera', name: 'Vera' });
    await waitFor(
      () => editor.provider.awareness.getStates().get(viewer.doc.clientID)?.user?.name === 'Vera',
      'the editor to see the viewer',
    );
    expect(editor.provider.awareness.getStates().get(viewer.doc.clientID)?.role).toBe('viewer');
  });

  it('can read the board through the API, but not manage links', async () => {
    expect(await noteIdsFromApi(server.token(id, 'viewer'))).toEqual([]);
    const byViewer = await regenerate('viewer', server.token(id, 'viewer'));
    expect(byViewer.status).toBe(403);
    const byEditor = await regenerate('editor', server.token(id, 'editor'));
    expect(byEditor.status).toBe(403);
  });
});

describe("a viewer's page (lib/sync)", () => {
  // y-websocket opens the global WebSocket, which Node 20 lacks; the browser's is the same API.
  const hadWebSocket = 'WebSocket' in globalThis;
  beforeEach(() => {
    if (!hadWebSocket) Object.assign(globalThis, { WebSocket });
  });
  afterEach(() => {
    if (!hadWebSocket) delete (globalThis as { WebSocket?: unknown }).WebSocket;
  });

  function open(refusal?: Refusal) {
    const refused: Refusal[] = [];
    const connection: BoardConnection = connectBoard(
      id as BoardId,
      { id: 'vera', name: 'Vera', color: '#888888' },
      `${server.url.replace(/^http/, 'ws')}/sync`,
      server.token(id, 'viewer'),
      { viewOnly: true, afterRefusal: refusal, onRefused: (why) => refused.push(why) },
    );
    return { connection, refused };
  }
  const synced = (c: BoardConnection) =>
    waitFor(() => c.getStatus() === 'connected', 'the viewer to sync');

  it('drops a change the server refused, reopens from its copy, and says why', async () => {
    const editor = client('editor');
    await editor.synced;
    const kept = createNote(editor.doc, { x: 10, y: 10, author: 'E' });
    const first = open();
    await synced(first.connection);
    await waitFor(() => readBoard(first.connection.doc).notes.has(kept), 'the note');
    expect(first.connection.afterRefusal).toBeNull();

    const refusedNote = createNote(first.connection.doc, { x: 300, y: 10, author: 'V' });
    await waitFor(() => first.refused.length > 0, 'the refusal');
    expect(first.refused).toEqual(['view-only']);
    first.connection.destroy();

    // What the page does next (lib/session/board-session.ts): a fresh connection.
    const second = open('view-only');
    try {
      await synced(second.connection);
      await waitFor(() => readBoard(second.connection.doc).notes.has(kept), 'the board again');
      expect(readBoard(second.connection.doc).notes.has(refusedNote)).toBe(false);
      expect(second.connection.afterRefusal).toBe('view-only');
      expect(second.refused).toEqual([]);
    } finally {
      second.connection.destroy();
    }
  });
});

describe('no token or a wrong one', () => {
  it('is refused with 403 on the sync upgrade and on GET /api/boards/<id>', async () => {
    const wrong = server.token(id, 'editor').replace(/^./, (c) => (c === 'A' ? 'B' : 'A'));
    for (const query of ['', '?t=', `?t=${wrong}`, `?t=${server.token(id)}x`]) {
      const upgrade = await openSocket(server.url, `/sync/${id}${query}`);
      expect(upgrade.status, query).toBe(403);
      expect((await getBoard({}, query)).status, query).toBe(403);
    }
    // Another board's token opens only that board.
    const other = await server.createBoard();
    expect((await getBoard({}, `?t=${server.token(other)}`)).status).toBe(403);
    expect((await openSocket(server.url, `/sync/${id}?t=${server.token(other)}`)).status).toBe(403);
  });

  it('the API also takes the token as a Bearer header', async () => {
    expect((await getBoard({ authorization: `Bearer ${server.token(id, 'viewer')}` })).status).toBe(
      200,
    );
    expect((await getBoard({ authorization: 'Bearer nope' })).status).toBe(403);
  });
});

describe('regenerating a link', () => {
  it('cuts off its holders with 4403, refuses the old token, and leaves the others working', async () => {
    const facilitator = client('facilitator');
    const editor = client('editor');
    const viewer = client('viewer');
    await Promise.all([facilitator.synced, editor.synced, viewer.synced]);
    const oldViewer = server.token(id, 'viewer');
    const closed = new Promise<{ code: number }>((resolve) =>
      viewer.provider.once('closed', (event: { code: number }) => resolve(event)),
    );

    const response = await regenerate('viewer');
    expect(response.status).toBe(200);
    const answer = (await response.json()) as { url: string; links: Record<Role, string> };
    const newViewer = new URL(answer.url).searchParams.get('t')!;
    expect(answer.links.viewer).toBe(answer.url);
    expect(newViewer).not.toBe(oldViewer);
    expect(answer.links.editor).toContain(server.token(id, 'editor'));

    expect((await closed).code).toBe(4403);
    // y-websocket treats 44xx as final: it does not come back.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(viewer.provider.wsconnected).toBe(false);
    expect((await openSocket(server.url, `/sync/${id}?t=${oldViewer}`)).status).toBe(403);
    expect((await getBoard({}, `?t=${oldViewer}`)).status).toBe(403);

    const note = createNote(editor.doc, { x: 0, y: 0, author: 'E' });
    await waitForNotes([facilitator, editor], [note]);
    expect(facilitator.provider.wsconnected && editor.provider.wsconnected).toBe(true);
    const fresh = client('viewer', newViewer);
    await waitForNotes([fresh], [note]);
  });

  it('refuses an unknown role and lets the facilitator read the current links', async () => {
    expect((await regenerate('facilitator')).status).toBe(400);
    expect((await regenerate('owner')).status).toBe(400);
    const regenerated = (await (await regenerate('editor')).json()) as { url: string };
    const links = await fetch(
      `${server.url}/api/boards/${id}/links?t=${server.token(id, 'facilitator')}`,
    );
    expect(links.status).toBe(200);
    const body = (await links.json()) as { links: Record<Role, string> };
    expect(body.links.editor).toBe(regenerated.url);
    expect(body.links.viewer).toContain(server.token(id, 'viewer'));
    expect(body.links.facilitator).toContain(server.token(id, 'facilitator'));
  });
});

describe('storage', () => {
  it('keeps only digests of the tokens, never the tokens themselves', async () => {
    const facilitator = client('facilitator');
    await facilitator.synced;
    createNote(facilitator.doc, { x: 0, y: 0, author: 'F' });
    const regenerated = (await (await regenerate('viewer')).json()) as { url: string };
    const tokens = [
      ...(['facilitator', 'editor', 'viewer'] as const).map((role) => server.token(id, role)),
      new URL(regenerated.url).searchParams.get('t')!,
    ];
    for (const c of clients.splice(0)) c.destroy();
    await server.server.close();

    const files = readdirSync(server.dataDir).filter((f) => f.startsWith(DATABASE_FILE));
    const bytes = Buffer.concat(files.map((f) => readFileSync(join(server.dataDir, f))));
    for (const token of tokens) {
      expect(bytes.includes(Buffer.from(token)), token).toBe(false);
      expect(bytes.includes(Buffer.from(token, 'base64url')), token).toBe(false);
    }
    // What is there is the digest of the current ones.
    expect(bytes.includes(hashToken(tokens[0]!))).toBe(true);
    expect(bytes.includes(hashToken(tokens[3]!))).toBe(true);
    await server.restart();
  });

  it('gives boards from before links three links on start, printed once', async () => {
    await server.server.close();
    const db = new Database(join(server.dataDir, DATABASE_FILE));
    db.prepare('DELETE FROM board_tokens WHERE board_id = ?').run(id);
    db.close();
    await server.restart();
    expect((await getBoard({}, `?t=${server.token(id)}`)).status).toBe(403);
    const line = server.logger.lines.find((l) => l.message.includes(`board ${id} had no`));
    const facilitator = /facilitator \/b\/\S+\?t=(\S+)/.exec(line?.message ?? '')?.[1];
    expect(facilitator).toBeDefined();
    expect((await getBoard({}, `?t=${facilitator}`)).status).toBe(200);
    // Printed once: the next start finds the board with links and says nothing.
    await server.restart();
    const lines = server.logger.lines.filter((l) => l.message.includes(`board ${id} had no`));
    expect(lines).toHaveLength(1);
  });
});

describe('closeOf', () => {
  it('reports a revoked raw socket’s close code too', async () => {
    const { socket } = await openSocket(server.url, `/sync/${id}?t=${server.token(id, 'editor')}`);
    const closed = closeOf(socket!);
    expect((await regenerate('editor')).status).toBe(200);
    expect((await closed).code).toBe(4403);
  });
});
