import { randomBytes } from 'node:crypto';
import { WebSocket } from 'ws';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { boardRoots, createNote, readBoard, startPrivateWriting } from '../../lib/doc';
import {
  META_KEYS,
  SCHEMA_VERSION,
  SCHEMA_VERSION_PARAM,
  type BoardId,
  type Role,
} from '../../lib/model';
import { connectBoard } from '../../lib/sync';
import { speaksOtherSchema } from '../../lib/sync/refused';
import { applySnapshot } from '../../server/rooms/stored-doc';
import { SqliteStore } from '../../server/store/sqlite-engine';
import { CLOSE } from '../../server/sync/close-codes';
import { closeWithin, connectClient, openSocket, type TestClient } from '../helpers/clients';
import { startTestServer, type TestServer } from '../helpers/test-server';
import { waitFor } from '../helpers/wait';

let server: TestServer;
let id: string;
const clients: TestClient[] = [];

/** A stock y-websocket client declaring `version` (none when undefined). */
function client(role: Role, version?: string, params: Record<string, string> = {}): TestClient {
  const declared: Record<string, string> =
    version === undefined ? {} : { [SCHEMA_VERSION_PARAM]: version };
  const created = connectClient(server.url, id, server.token(id, role), {
    params: { ...declared, ...params },
  });
  clients.push(created);
  return created;
}

const texts = (c: TestClient) => [...readBoard(c.doc).notes.values()].map((note) => note.text);

beforeEach(async () => {
  server = await startTestServer();
  id = await server.createBoard('Versions');
});

afterEach(async () => {
  for (const c of clients.splice(0)) c.destroy();
  await server.stop();
});

describe('the schema version a client declares', () => {
  it('refuses the writes of a client declaring another version, with 4426, relaying and storing none', async () => {
    const watcher = client('editor');
    await watcher.synced;
    createNote(watcher.doc, { x: 1250, y: 600, author: 'W', text: 'ON-THE-BOARD' });
    for (const version of ['2', '99']) {
      const stale = client('editor', version);
      await stale.synced;
      // It reads: the board reached it.
      await waitFor(() => texts(stale).includes('ON-THE-BOARD'), 'the board to reach it');
      const closed = closeWithin(stale);
      createNote(stale.doc, { x: 100, y: 100, author: 'S', text: `FROM-V${version}` });
      expect(await closed).toEqual({
        code: CLOSE.schemaMismatch,
        reason: 'schema version mismatch: reload',
      });
    }
    // A barrier: a later note of the watcher's own is stored and relayed after anything else.
    createNote(watcher.doc, { x: 1250, y: 700, author: 'W', text: 'BARRIER' });
    const fresh = client('viewer');
    await waitFor(() => texts(fresh).includes('BARRIER'), 'the barrier');
    expect(texts(fresh).sort()).toEqual(['BARRIER', 'ON-THE-BOARD']);
    expect(texts(watcher).sort()).toEqual(['BARRIER', 'ON-THE-BOARD']);
  });

  it('takes the writes of a client declaring the board’s version, or none', async () => {
    const watcher = client('editor');
    await watcher.synced;
    for (const version of [String(SCHEMA_VERSION), undefined]) {
      const writer = client('editor', version);
      await writer.synced;
      createNote(writer.doc, { x: 100, y: 100, author: 'E', text: `FROM-${version ?? 'STOCK'}` });
      await waitFor(() => texts(watcher).includes(`FROM-${version ?? 'STOCK'}`), 'the note');
      expect(writer.provider.wsconnected).toBe(true);
    }
  });

  it('refuses the draft writes of a private writer declaring another version', async () => {
    const facilitator = client('facilitator');
    await facilitator.synced;
    startPrivateWriting(facilitator.doc);
    const writer = randomBytes(16).toString('base64url');
    const stale = client('editor', '2', { w: writer });
    await stale.synced;
    const closed = closeWithin(stale);
    createNote(stale.doc, { x: 100, y: 100, author: 'S', text: 'STALE-DRAFT' });
    expect((await closed).code).toBe(CLOSE.schemaMismatch);
    const reread = client('editor', String(SCHEMA_VERSION), { w: writer });
    await reread.synced;
    expect(texts(reread)).toEqual([]);
  });

  it("refuses a stock client writing the board's schema version (every page would stop)", async () => {
    const attacker = client('facilitator');
    await attacker.synced;
    const closed = closeWithin(attacker);
    boardRoots(attacker.doc).meta.set(META_KEYS.schemaVersion, 99);
    expect((await closed).code).toBe(CLOSE.refusedLocked);
    const fresh = client('viewer');
    await fresh.synced;
    expect(boardRoots(fresh.doc).meta.get(META_KEYS.schemaVersion)).toBe(SCHEMA_VERSION);
  });

  it('answers 400 to an upgrade declaring a malformed version', async () => {
    const token = server.token(id, 'editor');
    for (const bad of ['abc', '3.0', '-1', '03', '', '100000', '1e2']) {
      const { status } = await openSocket(
        server.url,
        `/sync/${id}?t=${token}&${SCHEMA_VERSION_PARAM}=${encodeURIComponent(bad)}`,
      );
      expect(status, bad).toBe(400);
    }
    const { socket } = await openSocket(server.url, `/sync/${id}?t=${token}&v=${SCHEMA_VERSION}`);
    expect(socket).toBeDefined();
    socket?.close();
  });
});

describe('a board written by a newer server (schema 99)', () => {
  // y-websocket opens the global WebSocket, which Node 20 lacks; the browser's is the same API.
  const hadWebSocket = 'WebSocket' in globalThis;
  beforeEach(async () => {
    if (!hadWebSocket) Object.assign(globalThis, { WebSocket });
    // Write schemaVersion 99 into the stored log, as a newer server would have.
    await server.server.close();
    const store = await SqliteStore.open(server.dataDir);
    const log = { board: id as BoardId };
    const doc = new Y.Doc();
    applySnapshot(doc, (await store.loadLog(log))!.snapshot!);
    const writes: Promise<void>[] = [];
    doc.on('update', (update: Uint8Array) => writes.push(store.appendUpdates(log, [update])));
    boardRoots(doc).meta.set(META_KEYS.schemaVersion, 99);
    await Promise.all([...writes, store.setDocSchema(log.board, 99)]);
    await store.close();
    await server.restart();
  });
  afterEach(() => {
    if (!hadWebSocket) delete (globalThis as { WebSocket?: unknown }).WebSocket;
  });

  it("is compared with the board's own version: this code's is refused, 99 is taken", async () => {
    const watcher = client('editor', '99');
    const current = client('editor', String(SCHEMA_VERSION));
    await Promise.all([watcher.synced, current.synced]);
    const closed = closeWithin(current);
    createNote(current.doc, { x: 100, y: 100, author: 'C', text: 'FROM-THIS-CODE' });
    expect((await closed).code).toBe(CLOSE.schemaMismatch);
    createNote(watcher.doc, { x: 100, y: 100, author: 'N', text: 'FROM-THE-FUTURE' });
    const fresh = client('viewer');
    await waitFor(() => texts(fresh).includes('FROM-THE-FUTURE'), 'the newer client’s note');
    expect(texts(fresh)).toEqual(['FROM-THE-FUTURE']);
  });

  it('turns Lienzo’s own page outdated once synced, before it writes anything', async () => {
    expect(speaksOtherSchema(99)).toBe(true);
    expect(speaksOtherSchema(SCHEMA_VERSION)).toBe(false);
    expect(speaksOtherSchema(undefined)).toBe(false);
    const page = connectBoard(
      id as BoardId,
      { id: 'vera', name: 'Vera', color: '#888888' },
      `${server.url.replace(/^http/, 'ws')}/sync`,
      server.token(id, 'viewer'),
      { viewOnly: true },
    );
    try {
      await waitFor(() => page.getStatus() === 'outdated', 'the page to know it is outdated');
      // Final: nothing the provider reports afterwards brings it back.
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(page.getStatus()).toBe('outdated');
    } finally {
      page.destroy();
    }
  });
});
