import { randomBytes } from 'node:crypto';
import { WebSocket } from 'ws';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createNote, readBoard, readBoardPrivateWriting, startPrivateWriting } from '../../lib/doc';
import { readBoardLocks, setBlockLocked } from '../../lib/doc/locks';
import { REFUSED_CLOSE_CODE } from '../../lib/sync/refused';
import type { BoardId, Role } from '../../lib/model';
import { connectDraft } from '../../lib/sync';
import { closeWithin, connectClient, type TestClient } from '../helpers/clients';
import { startTestServer, type TestServer } from '../helpers/test-server';
import { waitFor } from '../helpers/wait';

let server: TestServer;
let id: string;
const clients: TestClient[] = [];

const secret = () => randomBytes(16).toString('base64url');

function client(
  role: Role,
  options: { writer?: string; onFrame?: (frame: Buffer) => void } = {},
): TestClient {
  const created = connectClient(server.url, id, server.token(id, role), {
    params: options.writer ? { w: options.writer } : {},
    onFrame: options.onFrame,
  });
  clients.push(created);
  return created;
}

const noteTexts = (c: TestClient) => [...readBoard(c.doc).notes.values()].map((n) => n.text);

function reveal(role: Role = 'facilitator') {
  return fetch(`${server.url}/api/boards/${id}/reveal`, {
    method: 'POST',
    headers: { authorization: `Bearer ${server.token(id, role)}` },
  });
}

/** The HTTP status a raw WebSocket upgrade gets (101 when accepted). */
function upgradeStatus(query: string): Promise<number> {
  return new Promise((resolve) => {
    const ws = new WebSocket(`${server.url.replace(/^http/, 'ws')}/sync/${id}?${query}`);
    ws.on('open', () => {
      ws.close();
      resolve(101);
    });
    ws.on('unexpected-response', (_req, res) => {
      resolve(res.statusCode ?? 0);
      ws.terminate();
    });
    ws.on('error', () => {});
  });
}

beforeEach(async () => {
  server = await startTestServer();
  id = await server.createBoard('Private');
});

afterEach(async () => {
  for (const c of clients.splice(0)) c.destroy();
  await server.stop();
});

describe('private writing', () => {
  it('keeps a writer’s notes off every other connection until the facilitator reveals them', async () => {
    const frames: Buffer[] = [];
    const facilitator = client('facilitator');
    const other = client('editor', { onFrame: (frame) => frames.push(frame) });
    const writerKey = secret();
    const ana = client('editor', { writer: writerKey });
    const anaOtherTab = client('editor', { writer: writerKey });
    const stranger = client('editor', { writer: secret() });
    await Promise.all([facilitator, other, ana, anaOtherTab, stranger].map((c) => c.synced));

    startPrivateWriting(facilitator.doc);
    await waitFor(() => readBoardPrivateWriting(other.doc).on, 'private mode to reach everyone');
    const hidden = createNote(ana.doc, { x: 100, y: 100, author: 'Ana', text: 'SECRET-IDEA-42' });

    // The writer's own other tab gets it: the draft is stored and relayed to its writer.
    await waitFor(() => noteTexts(anaOtherTab).includes('SECRET-IDEA-42'), 'the other tab');
    // Nobody else's connection carries it, not even in bytes they never applied.
    await new Promise((resolve) => setTimeout(resolve, 300));
    for (const c of [facilitator, other, stranger]) expect(noteTexts(c)).toEqual([]);
    expect(frames.some((frame) => frame.includes('SECRET-IDEA-42'))).toBe(false);
    expect(frames.length).toBeGreaterThan(0);

    // Only the facilitator reveals; then everyone has the note and the draft is empty.
    expect((await reveal('editor')).status).toBe(403);
    const answer = await reveal();
    expect(answer.status).toBe(200);
    expect(await answer.json()).toEqual({ revealed: 1, held: 0 });
    for (const c of [facilitator, other])
      await waitFor(() => noteTexts(c).includes('SECRET-IDEA-42'), 'the revealed note');
    expect(readBoard(other.doc).notes.get(hidden)?.block).toBe('keyPartners');
    await waitFor(() => noteTexts(ana).length === 0, 'the draft to empty');
    expect(readBoardPrivateWriting(other.doc).on).toBe(false);
    expect(noteTexts(stranger)).toEqual([]); // another writer's draft stays their own
    expect(frames.some((frame) => frame.includes('SECRET-IDEA-42'))).toBe(true);
  });

  it('keeps drafts across a restart and reveals them with their writer gone', async () => {
    const writerKey = secret();
    const ana = client('editor', { writer: writerKey });
    await ana.synced;
    createNote(ana.doc, { x: 1250, y: 600, author: 'Ana', text: 'Written alone' });
    const again = client('editor', { writer: writerKey });
    await waitFor(() => noteTexts(again).includes('Written alone'), 'the draft to be stored');
    for (const c of clients.splice(0)) c.destroy();

    await server.restart();
    const back = client('editor', { writer: writerKey });
    await back.synced;
    expect(noteTexts(back)).toEqual(['Written alone']);
    back.destroy();

    expect(await (await reveal()).json()).toEqual({ revealed: 1, held: 0 });
    const board = await (await server.getBoard(id)).json();
    expect(board.notes.map((n: { text: string }) => n.text)).toEqual(['Written alone']);
  });

  it('refuses a draft note written inside a locked block, relaying and storing none of it', async () => {
    const facilitator = client('facilitator');
    await facilitator.synced;
    setBlockLocked(facilitator.doc, 'keyPartners', true);
    startPrivateWriting(facilitator.doc);
    const writerKey = secret();
    const ana = client('editor', { writer: writerKey });
    const anaOtherTab = client('editor', { writer: writerKey });
    await Promise.all([ana.synced, anaOtherTab.synced]);
    const closed = closeWithin(ana);
    createNote(ana.doc, { x: 100, y: 100, author: 'Ana', text: 'IN-A-LOCKED-BLOCK' });
    const { code, reason } = await closed;
    expect(code).toBe(REFUSED_CLOSE_CODE);
    expect(reason).toMatch(/locked/);
    // A barrier in the same draft: a later note of the writer's other tab.
    createNote(anaOtherTab.doc, { x: 1250, y: 600, author: 'Ana', text: 'ALLOWED' });
    const reread = client('editor', { writer: writerKey });
    await waitFor(() => noteTexts(reread).includes('ALLOWED'), 'the barrier to be stored');
    expect(noteTexts(reread)).toEqual(['ALLOWED']);
    expect(noteTexts(anaOtherTab)).toEqual(['ALLOWED']);
  });

  it('tells the page when its draft change was refused, so that it reopens the draft (lib/sync)', async () => {
    // y-websocket opens the global WebSocket, which Node 20 lacks; the browser's is the same API.
    const hadWebSocket = 'WebSocket' in globalThis;
    if (!hadWebSocket) Object.assign(globalThis, { WebSocket });
    const facilitator = client('facilitator');
    await facilitator.synced;
    setBlockLocked(facilitator.doc, 'keyPartners', true);
    startPrivateWriting(facilitator.doc);
    let refusals = 0;
    const writerKey = secret();
    const draft = connectDraft(
      id as BoardId,
      `${server.url.replace(/^http/, 'ws')}/sync`,
      server.token(id, 'editor'),
      writerKey,
      () => refusals++,
    );
    try {
      // Written at once: it goes with the draft's first sync, and is refused.
      createNote(draft.doc, { x: 100, y: 100, author: 'Ana', text: 'IN-A-LOCKED-BLOCK' });
      await waitFor(() => refusals === 1, 'the page to hear of the refusal');
      const reread = client('editor', { writer: writerKey });
      await reread.synced;
      expect(noteTexts(reread)).toEqual([]);
    } finally {
      draft.destroy();
      if (!hadWebSocket) delete (globalThis as { WebSocket?: unknown }).WebSocket;
    }
  });

  it('keeps in their drafts the notes of a block locked at the reveal, and says how many', async () => {
    const facilitator = client('facilitator');
    await facilitator.synced;
    startPrivateWriting(facilitator.doc);
    const writerKey = secret();
    const ana = client('editor', { writer: writerKey });
    await ana.synced;
    createNote(ana.doc, { x: 1250, y: 600, author: 'Ana', text: 'A-CHANNEL' });
    createNote(ana.doc, { x: 1700, y: 100, author: 'Ana', text: 'A-SEGMENT' });
    const again = client('editor', { writer: writerKey });
    await waitFor(() => noteTexts(again).length === 2, 'the draft to be stored');
    setBlockLocked(facilitator.doc, 'customerSegments', true);

    const answer = await reveal();
    expect(await answer.json()).toEqual({ revealed: 1, held: 1 });
    const board = await (await server.getBoard(id)).json();
    expect(board.notes.map((n: { text: string }) => n.text)).toEqual(['A-CHANNEL']);
    // Not lost: the held note is still in the draft, revealed once its block is unlocked.
    await waitFor(() => noteTexts(again).join() === 'A-SEGMENT', 'the draft to keep the held note');
    setBlockLocked(facilitator.doc, 'customerSegments', false);
    startPrivateWriting(facilitator.doc);
    await waitFor(() => !readBoardLocks(facilitator.doc).blocks.length, 'the unlock');
    const unlocked = client('editor');
    await unlocked.synced;
    await waitFor(
      () => readBoardLocks(unlocked.doc).blocks.length === 0,
      'the unlock to be stored',
    );
    expect(await (await reveal()).json()).toEqual({ revealed: 1, held: 0 });
    await waitFor(() => noteTexts(unlocked).includes('A-SEGMENT'), 'the held note, revealed');
  });

  it('refuses a private connection to a viewer and a malformed writer key', async () => {
    const viewer = server.token(id, 'viewer');
    const editor = server.token(id, 'editor');
    expect(await upgradeStatus(`t=${viewer}&w=${secret()}`)).toBe(403);
    expect(await upgradeStatus(`t=${editor}&w=short`)).toBe(403);
    expect(await upgradeStatus(`t=${editor}&w=${secret()}`)).toBe(101);
  });
});
