import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createNote, readBoard, setBoardTitle } from '../../lib/doc';
import type { Role } from '../../lib/model';
import { MAX_AUTO_SNAPSHOTS } from '../../server/history/snapshot-store';
import { connectClient } from '../helpers/clients';
import { startTestServer, type TestServer } from '../helpers/test-server';
import { waitFor } from '../helpers/wait';

let server: TestServer;

afterEach(async () => {
  await server.stop();
});

interface SnapshotMeta {
  id: string;
  name: string;
  kind: string;
  createdAt: number;
}

function snapshotsUrl(id: string, role: Role, rest = '') {
  return `${server.url}/api/boards/${id}/snapshots${rest}?t=${server.token(id, role)}`;
}

function save(id: string, role: Role, body: unknown) {
  return fetch(snapshotsUrl(id, role), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
}

async function list(id: string, role: Role = 'viewer'): Promise<SnapshotMeta[]> {
  const response = await fetch(snapshotsUrl(id, role));
  expect(response.status).toBe(200);
  return ((await response.json()) as { snapshots: SnapshotMeta[] }).snapshots;
}

/** Polls until the server's copy of the board has `count` notes (a client's edit arrived). */
async function serverHasNotes(id: string, count: number): Promise<void> {
  const deadline = Date.now() + 5_000;
  for (;;) {
    const board = (await (await server.getBoard(id)).json()) as { notes: unknown[] };
    if (board.notes.length === count) return;
    if (Date.now() > deadline) throw new Error(`the server never had ${count} notes`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** The board a stored version holds, read as the app reads it. */
async function open(id: string, snapshotId: string, role: Role = 'viewer') {
  const response = await fetch(snapshotsUrl(id, role, `/${snapshotId}`));
  expect(response.status).toBe(200);
  const body = (await response.json()) as SnapshotMeta & { state: string };
  const doc = new Y.Doc();
  Y.applyUpdateV2(doc, Buffer.from(body.state, 'base64'));
  return { body, board: readBoard(doc) };
}

describe('version history API', () => {
  beforeEach(async () => {
    server = await startTestServer();
  });

  it('saves a named version of the live board, lists it and serves its state', async () => {
    const id = await server.createBoard('Before');
    const client = connectClient(server.url, id, server.token(id, 'editor'));
    await client.synced;
    const note = createNote(client.doc, { x: 100, y: 100, author: 'Ana', text: 'Bank' });
    await serverHasNotes(id, 1);

    const response = await save(id, 'editor', { name: '  First   draft ' });
    expect(response.status).toBe(201);
    const meta = (await response.json()) as SnapshotMeta;
    expect(meta).toMatchObject({ name: 'First draft', kind: 'manual' });
    expect(meta.id).toMatch(/^snap_/);

    setBoardTitle(client.doc, 'After');
    expect(await list(id)).toEqual([meta]);
    const { body, board } = await open(id, meta.id);
    expect(body).toMatchObject(meta);
    expect(board.meta.title).toBe('Before');
    expect(board.notes.get(note)?.text).toBe('Bank');
    client.destroy();
  });

  it('lets the facilitator save too, and lists the newest version first', async () => {
    const id = await server.createBoard();
    expect((await save(id, 'editor', { name: 'one' })).status).toBe(201);
    expect((await save(id, 'facilitator', { name: 'two' })).status).toBe(201);
    expect((await list(id)).map((s) => s.name)).toEqual(['two', 'one']);
  });

  it('refuses a viewer saving, a missing token, bad names and unknown ids', async () => {
    const id = await server.createBoard();
    const viewer = await save(id, 'viewer', { name: 'mine' });
    expect(viewer.status).toBe(403);
    expect(await viewer.json()).toEqual({ error: 'a viewer link cannot save versions' });
    expect((await fetch(`${server.url}/api/boards/${id}/snapshots`)).status).toBe(403);
    for (const name of [undefined, '', '   ', 42, 'x'.repeat(121)]) {
      const response = await save(id, 'editor', { name });
      expect(response.status).toBe(400);
      expect(Object.keys(await response.json())).toEqual(['error']);
    }
    const malformed = await fetch(snapshotsUrl(id, 'viewer', '/nope'));
    expect(malformed.status).toBe(400);
    const unknown = await fetch(snapshotsUrl(id, 'viewer', '/snap_AAAAAAAAAAAAAAAA'));
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toEqual({ error: 'no such snapshot' });
    const put = await fetch(snapshotsUrl(id, 'editor'), { method: 'PUT' });
    expect(put.status).toBe(405);
    expect(await list(id)).toEqual([]);
  });

  it('does not serve one board’s version through another board', async () => {
    const a = await server.createBoard();
    const b = await server.createBoard();
    const meta = (await (await save(a, 'editor', { name: 'of a' })).json()) as SnapshotMeta;
    expect((await fetch(snapshotsUrl(b, 'viewer', `/${meta.id}`))).status).toBe(404);
  });

  it('keeps versions across a restart', async () => {
    const id = await server.createBoard();
    await save(id, 'editor', { name: 'kept' });
    await server.restart();
    expect((await list(id)).map((s) => s.name)).toEqual(['kept']);
  });
});

describe('automatic versions', () => {
  it('takes one when a board is unloaded after changes, none after a visit without changes', async () => {
    server = await startTestServer();
    const id = await server.createBoard('Session');
    const visitor = connectClient(server.url, id, server.token(id, 'viewer'));
    await visitor.synced;
    visitor.destroy();
    await waitFor(() => !server.server.loadedBoards().includes(id), 'unload');
    expect(await list(id)).toEqual([]);

    const editor = connectClient(server.url, id, server.token(id, 'editor'));
    await editor.synced;
    createNote(editor.doc, { x: 100, y: 100, author: 'Ana', text: 'Kept' });
    await serverHasNotes(id, 1);
    editor.destroy();
    await waitFor(() => !server.server.loadedBoards().includes(id), 'unload');
    const versions = await list(id);
    expect(versions.map((s) => s.kind)).toEqual(['auto-session-end']);
    const { board } = await open(id, versions[0]!.id);
    expect([...board.notes.values()].map((note) => note.text)).toEqual(['Kept']);
  });

  it('takes one after the interval of activity, only when the board changed', async () => {
    // 0.005 minutes = 300 ms, so the test does not wait for ten minutes.
    server = await startTestServer({ snapshotMinutes: 0.005 });
    const id = await server.createBoard();
    const editor = connectClient(server.url, id, server.token(id, 'editor'));
    await editor.synced;
    createNote(editor.doc, { x: 100, y: 100, author: 'Ana' });
    let versions: SnapshotMeta[] = [];
    const deadline = Date.now() + 5_000;
    while (versions.length === 0 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      versions = await list(id);
    }
    expect(versions.map((s) => s.kind)).toEqual(['auto-interval']);
    // No change since: another interval passes without a new version.
    await new Promise((resolve) => setTimeout(resolve, 700));
    expect(await list(id)).toHaveLength(1);
    editor.destroy();
  });

  it(`keeps at most ${MAX_AUTO_SNAPSHOTS} automatic versions and every manual one`, async () => {
    server = await startTestServer();
    const id = await server.createBoard();
    await save(id, 'editor', { name: 'manual' });
    const editor = connectClient(server.url, id, server.token(id, 'editor'));
    for (let session = 0; session < MAX_AUTO_SNAPSHOTS + 2; session++) {
      const client =
        session === 0 ? editor : connectClient(server.url, id, server.token(id, 'editor'));
      await client.synced;
      createNote(client.doc, { x: 100, y: 100, author: 'Ana', text: `n${session}` });
      await serverHasNotes(id, session + 1);
      client.destroy();
      await waitFor(() => !server.server.loadedBoards().includes(id), 'unload');
    }
    const versions = await list(id);
    expect(versions.filter((s) => s.kind === 'auto-session-end')).toHaveLength(MAX_AUTO_SNAPSHOTS);
    expect(versions.filter((s) => s.kind === 'manual')).toHaveLength(1);
  }, 30_000);
});
