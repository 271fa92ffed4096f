import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { boardRoots, createNote, initBoardDoc, readBoard } from '../../lib/doc';
import { META_KEYS, SCHEMA_VERSION, newBoardId, type BoardId } from '../../lib/model';
import { issueTokens } from '../../server/auth/tokens';
import { SqliteStore } from '../../server/store/sqlite-engine';
import { storedLog } from '../helpers/stored-log';
import { applySnapshot } from '../../server/rooms/stored-doc';
import { connectClient, waitForNotes, type TestClient } from '../helpers/clients';
import { startTestServer, type TestServer } from '../helpers/test-server';
import { waitFor } from '../helpers/wait';

let server: TestServer;
const clients: TestClient[] = [];

function client(boardId: string, token = server.token(boardId)): TestClient {
  const created = connectClient(server.url, boardId, token);
  clients.push(created);
  return created;
}

beforeEach(async () => {
  server = await startTestServer();
});

afterEach(async () => {
  for (const c of clients.splice(0)) c.destroy();
  await server.stop();
});

describe('sync', () => {
  it('syncs a board created through the API between two stock providers', async () => {
    const id = await server.createBoard('Lean canvas');
    const a = client(id);
    const b = client(id);
    await Promise.all([a.synced, b.synced]);
    // Both received the initial document the API stored.
    expect(readBoard(a.doc).meta.title).toBe('Lean canvas');
    expect(readBoard(b.doc).meta.title).toBe('Lean canvas');

    const fromA = createNote(a.doc, { x: 100, y: 100, author: 'Ana', text: 'Hola' });
    await waitForNotes([a, b], [fromA]);
    const fromB = createNote(b.doc, { x: 900, y: 500, author: 'Bo' });
    await waitForNotes([a, b], [fromA, fromB]);
    expect(readBoard(b.doc).notes.get(fromA)?.text).toBe('Hola');
  });

  it('keeps everything across a restart on the same data dir', async () => {
    const id = await server.createBoard('Kept');
    const a = client(id);
    await a.synced;
    const ids = [0, 1, 2].map((i) => createNote(a.doc, { x: i * 200, y: 50, author: 'A' }));
    const b = client(id);
    await waitForNotes([b], ids);
    for (const c of clients.splice(0)) c.destroy();

    await server.restart();
    const fresh = client(id);
    await fresh.synced;
    expect(fresh.noteIds().sort()).toEqual([...ids].sort());
    expect(readBoard(fresh.doc).meta.title).toBe('Kept');
  });

  it('loads a board on first connection and unloads it when the last participant leaves', async () => {
    const id = await server.createBoard();
    expect(server.server.loadedBoards()).toEqual([]);
    const a = client(id);
    const b = client(id);
    await Promise.all([a.synced, b.synced]);
    expect(server.server.loadedBoards()).toEqual([id]);

    a.destroy();
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(server.server.loadedBoards()).toEqual([id]);
    b.destroy();
    await waitFor(() => server.server.loadedBoards().length === 0, 'the room to unload');
  });

  it('relays awareness and removes a participant’s state when it leaves', async () => {
    const id = await server.createBoard();
    const a = client(id);
    const b = client(id);
    await Promise.all([a.synced, b.synced]);
    // The server relays Lienzo presences only (lib/model/presence.ts): a user with an id.
    a.provider.awareness.setLocalStateField('user', { id: 'u_ana', name: 'Ana' });
    const aClient = a.doc.clientID;
    await waitFor(
      () => b.provider.awareness.getStates().get(aClient)?.user?.name === 'Ana',
      'B to see A’s presence',
    );
    // A newcomer gets the states already there.
    const c = client(id);
    await waitFor(() => c.provider.awareness.getStates().has(aClient), 'C to see A');

    a.provider.disconnect();
    await waitFor(() => !b.provider.awareness.getStates().has(aClient), 'A’s state to go');
    await waitFor(() => !c.provider.awareness.getStates().has(aClient), 'A’s state to go at C');
  });

  it('migrates an older board when it loads, storing the migration like any update', async () => {
    // A board as the first release stored it: schema version 1.
    const id = newBoardId();
    await server.server.close();
    const store = await SqliteStore.open(server.dataDir);
    const doc = new Y.Doc();
    initBoardDoc(doc, { title: 'Old', createdAt: 1 });
    boardRoots(doc).meta.set(META_KEYS.schemaVersion, 1);
    const { tokens, stored } = issueTokens();
    // Written as the first release wrote it, in update format v1.
    const initial = { format: 'v1', data: Y.encodeStateAsUpdate(doc) } as const;
    // Before store schema 4 the store did not know the document's version either.
    await store.createBoard(id, { createdAt: 1, docSchema: null }, initial, stored);
    await store.close();
    await server.restart();

    const a = client(id, tokens.editor);
    await a.synced;
    expect(readBoard(a.doc).meta).toMatchObject({ schemaVersion: SCHEMA_VERSION, title: 'Old' });
    a.destroy();
    await waitFor(() => server.server.loadedBoards().length === 0, 'the room to unload');
    // The migration's update was stored: the next load finds the board current.
    const migrationRows = SCHEMA_VERSION > 1 ? 1 : 0;
    const reopened = await SqliteStore.open(server.dataDir);
    expect((await reopened.logStats(id)).rows).toBe(1 + migrationRows);
    // ... and knows it, so the next load may serve it before building it.
    expect((await reopened.loadLog({ board: id }))?.docSchema).toBe(SCHEMA_VERSION);
    await reopened.close();
    await server.restart();
    const b = client(id, tokens.editor);
    await b.synced;
    expect(readBoard(b.doc).meta.schemaVersion).toBe(SCHEMA_VERSION);
    expect(storedLog(server.dataDir, id).rows).toBe(1 + migrationRows);
  });

  it('serves a board written by a newer schema unchanged, with a warning', async () => {
    const id = (await server.createBoard('From the future')) as BoardId;
    await server.server.close();
    // Write schemaVersion 99 into the stored log, as a newer server would have.
    const store = await SqliteStore.open(server.dataDir);
    const doc = new Y.Doc();
    const stored = (await store.loadLog({ board: id }))!;
    applySnapshot(doc, stored.snapshot!);
    const writes: Promise<void>[] = [];
    doc.on('update', (update: Uint8Array) =>
      writes.push(store.appendUpdates({ board: id }, [update])),
    );
    boardRoots(doc).meta.set(META_KEYS.schemaVersion, 99);
    await Promise.all([...writes, store.setDocSchema(id, 99)]);
    await store.close();
    await server.restart();

    const a = client(id);
    await a.synced;
    expect(readBoard(a.doc).meta.schemaVersion).toBe(99);
    expect(readBoard(a.doc).meta.title).toBe('From the future');
    expect(server.logger.lines.some((l) => l.level === 'warn' && /newer/.test(l.message))).toBe(
      true,
    );
  });
});
