import { afterEach, describe, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import {
  createNote,
  readBoard,
  readBoardPrivateWriting,
  recolorNotes,
  startPrivateWriting,
} from '../../lib/doc';
import { readBoardLocks, setBlockLocked } from '../../lib/doc/locks';
import type { Role } from '../../lib/model';
import { CLOSE } from '../../server/sync/close-codes';
import { connectClient, waitForNotes, type TestClient } from '../helpers/clients';
import { usePostgres } from '../helpers/engines/postgres';
import { useRedis } from '../helpers/engines/redis';
import { startTestServer, type TestServer } from '../helpers/test-server';
import { waitFor } from '../helpers/wait';

// What acts on sockets, across two processes on one PostgreSQL and one Redis: a person's
// rights and the board's locks hold whichever process they are on.
const postgres = usePostgres();
const redis = useRedis();
const servers: TestServer[] = [];
const clients: TestClient[] = [];
/** A regenerated link's old holders are closed on every process within this (ms). */
const REVOKE_WITHIN_MS = 1_000;

afterEach(async () => {
  for (const client of clients.splice(0)) client.destroy();
  for (const server of servers.splice(0)) await server.stop();
});

async function twoProcesses(): Promise<[TestServer, TestServer, string]> {
  const options = { databaseUrl: postgres.url, redisUrl: redis.engine.url };
  const a = await startTestServer(options);
  servers.push(a);
  const b = await startTestServer(options);
  servers.push(b);
  return [a, b, await a.createBoard()];
}

function client(
  server: TestServer,
  board: string,
  token: string,
  params: Record<string, string> = {},
): TestClient {
  const made = connectClient(server.url, board, token, { params });
  clients.push(made);
  return made;
}

function nextClose(c: TestClient): Promise<number> {
  return new Promise((resolve) => {
    c.provider.on('connection-close', (event: { code: number } | null) => {
      if (event) resolve(event.code);
    });
  });
}

describe('two processes: roles, locks and links', () => {
  it('a viewer on B cannot write: A never sees it', async () => {
    const [a, b, board] = await twoProcesses();
    const editor = client(a, board, a.token(board, 'editor'));
    const viewer = client(b, board, a.token(board, 'viewer'));
    await Promise.all([editor.synced, viewer.synced]);
    createNote(viewer.doc, { x: 1, y: 1, author: 'V', text: 'sneaky' });
    const fromEditor = createNote(editor.doc, { x: 2, y: 2, author: 'E', text: 'real' });
    await waitFor(() => viewer.noteIds().includes(fromEditor), 'the edit to reach B');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(editor.noteIds()).toEqual([fromEditor]);
  });

  it('a lock set on A is enforced on B (4423)', async () => {
    const [a, b, board] = await twoProcesses();
    const facilitator = client(a, board, a.token(board, 'facilitator'));
    const editor = client(b, board, a.token(board, 'editor'));
    await Promise.all([facilitator.synced, editor.synced]);
    const partner = createNote(facilitator.doc, { x: 100, y: 100, author: 'F' });
    setBlockLocked(facilitator.doc, 'keyPartners', true);
    await waitFor(
      () =>
        readBoardLocks(editor.doc).blocks.includes('keyPartners') &&
        editor.noteIds().includes(partner),
      'the lock to reach B',
    );
    const closed = nextClose(editor);
    recolorNotes(editor.doc, [partner], 'pink');
    expect(await closed).toBe(CLOSE.refusedLocked);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(readBoard(facilitator.doc).notes.get(partner as never)?.color).not.toBe('pink');
  });

  it("a link regenerated on A closes its old holder on B within 1 s (4403), not A's others", async () => {
    const [a, b, board] = await twoProcesses();
    const viewerOnB = client(b, board, a.token(board, 'viewer'));
    const editorOnB = client(b, board, a.token(board, 'editor'));
    await Promise.all([viewerOnB.synced, editorOnB.synced]);
    const closed = nextClose(viewerOnB);
    const started = performance.now();
    const response = await fetch(`${a.url}/api/boards/${board}/links`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${a.token(board, 'facilitator' as Role)}`,
      },
      body: JSON.stringify({ role: 'viewer' }),
    });
    expect(response.status).toBe(200);
    expect(await closed).toBe(CLOSE.linkRevoked);
    expect(performance.now() - started).toBeLessThan(REVOKE_WITHIN_MS);
    expect(editorOnB.provider.wsconnected).toBe(true);
  });

  it('health answers 503 naming Redis while it is stopped, and /metrics says both engines are used', async () => {
    const [a, b, board] = await twoProcesses();
    const metrics = await (await fetch(`${a.url}/metrics`)).text();
    expect(metrics).toMatch(/lienzo_dependency_configured\{dependency="redis"\} 1/);
    expect(metrics).toMatch(/lienzo_dependency_configured\{dependency="postgres"\} 1/);
    expect((await fetch(`${a.url}/api/health`)).status).toBe(200);
    await redis.engine.stop();
    try {
      await waitFor(async () => (await fetch(`${b.url}/api/health`)).status === 503, '503', 5_000);
      const body = (await (await fetch(`${b.url}/api/health`)).json()) as { error: string };
      expect(body.error).toBe('redis unavailable');
      // Meanwhile the processes still converge, through the store (polled each second).
      const onA = client(a, board, a.token(board));
      const onB = client(b, board, a.token(board));
      await Promise.all([onA.synced, onB.synced]);
      const note = createNote(onA.doc, { x: 3, y: 3, author: 'Ana' });
      await waitForNotes([onA, onB], [note], 5_000);
    } finally {
      await redis.engine.start();
    }
  });

  it('private writing across processes: a draft written on B reaches only its writer until a reveal on A', async () => {
    const [a, b, board] = await twoProcesses();
    const texts = (c: TestClient) => [...readBoard(c.doc).notes.values()].map((n) => n.text);
    const writer = randomBytes(16).toString('base64url');
    const facilitator = client(a, board, a.token(board, 'facilitator'));
    const otherOnB = client(b, board, a.token(board, 'editor'));
    const draftOnB = client(b, board, a.token(board, 'editor'), { w: writer });
    const draftOnA = client(a, board, a.token(board, 'editor'), { w: writer });
    await Promise.all([facilitator, otherOnB, draftOnB, draftOnA].map((c) => c.synced));
    startPrivateWriting(facilitator.doc);
    await waitFor(() => readBoardPrivateWriting(otherOnB.doc).on, 'private mode to reach B');
    createNote(draftOnB.doc, { x: 100, y: 100, author: 'Ana', text: 'HIDDEN-ON-B' });
    // The writer's own draft crosses to their tab on A; the board on either process has none.
    await waitFor(() => texts(draftOnA).includes('HIDDEN-ON-B'), "the draft to reach A's tab");
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect([texts(facilitator), texts(otherOnB)]).toEqual([[], []]);
    const answer = await fetch(`${a.url}/api/boards/${board}/reveal`, {
      method: 'POST',
      headers: { authorization: `Bearer ${a.token(board, 'facilitator')}` },
    });
    expect(await answer.json()).toEqual({ revealed: 1, held: 0 });
    await waitFor(() => texts(otherOnB).includes('HIDDEN-ON-B'), 'the revealed note on B');
    await waitFor(() => texts(draftOnB).length === 0, 'the draft on B to empty');
    expect(readBoardPrivateWriting(otherOnB.doc).on).toBe(false);
  });
});
