import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RawData, WebSocket } from 'ws';
import * as Y from 'yjs';
import { createNote, readBoard } from '../../lib/doc';
import { MESSAGE, SYNC } from '../../server/sync/messages';
import { connectClient, openSocket, waitForNotes, type TestClient } from '../helpers/clients';
import { startTestServer, type TestServer } from '../helpers/test-server';
import { waitFor } from '../helpers/wait';

/**
 * A room loads a board without building its document, serves a first sync from the stored
 * bytes, and builds the document after that answer or when something needs it (Room). The
 * server sends its own sync step 1 only once the document is built, which lets these tests
 * see from outside whether it is.
 */

/** Long enough for a server that would build on its own to have done so (ms). */
const SETTLE_MS = 100;
const NOTES = 60;

let server: TestServer;
const clients: TestClient[] = [];
const sockets: WebSocket[] = [];

beforeEach(async () => {
  server = await startTestServer();
});

afterEach(async () => {
  for (const c of clients.splice(0)) c.destroy();
  for (const s of sockets.splice(0)) s.terminate();
  await server.stop();
});

function client(id: string): TestClient {
  const created = connectClient(server.url, id, server.token(id));
  clients.push(created);
  return created;
}

/** A board with NOTES notes, stored, and not loaded (the server restarted since). */
async function storedBoard(): Promise<{ id: string; noteIds: string[] }> {
  const id = await server.createBoard('Lazy');
  const writer = client(id);
  await writer.synced;
  const noteIds = Array.from({ length: NOTES }, (_, i) =>
    createNote(writer.doc, { x: i * 10, y: i * 5, author: 'W', text: `Idea ${i}` }),
  );
  const check = client(id);
  await waitForNotes([check], noteIds);
  for (const c of clients.splice(0)) c.destroy();
  await server.restart();
  return { id, noteIds };
}

type SyncKind = 'step1' | 'step2' | 'update';
const KIND_OF: Record<number, SyncKind> = {
  [SYNC.step1]: 'step1',
  [SYNC.step2]: 'step2',
  [SYNC.update]: 'update',
};

/** A bare socket in the board's room that records the sync messages it receives. */
async function rawSocket(id: string): Promise<{ socket: WebSocket; received: SyncKind[] }> {
  const { socket } = await openSocket(server.url, `/sync/${id}?t=${server.token(id)}`);
  if (!socket) throw new Error('upgrade refused');
  sockets.push(socket);
  const received: SyncKind[] = [];
  socket.on('message', (data: RawData) => {
    const decoder = decoding.createDecoder(new Uint8Array(data as Buffer));
    if (decoding.readVarUint(decoder) !== MESSAGE.sync) return;
    received.push(KIND_OF[decoding.readVarUint(decoder)]!);
  });
  return { socket, received };
}

function syncUpdate(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE.sync);
  encoding.writeVarUint(encoder, SYNC.update);
  encoding.writeVarUint8Array(encoder, update);
  return encoding.toUint8Array(encoder);
}

const settle = () => new Promise((resolve) => setTimeout(resolve, SETTLE_MS));

describe('a room served from its stored bytes', () => {
  it('gives a syncing client every note, then builds its document and takes its edits', async () => {
    const { id, noteIds } = await storedBoard();
    const a = client(id);
    await a.synced;
    expect(a.noteIds().sort()).toEqual([...noteIds].sort());
    expect(readBoard(a.doc).meta.title).toBe('Lazy');
    // The build follows the answer; then its edits go through as usual.
    const b = client(id);
    await b.synced;
    const added = createNote(a.doc, { x: 5, y: 5, author: 'A' });
    await waitForNotes([a, b], [...noteIds, added]);
  });

  it('stores and relays an update that arrives before its document is built, and keeps it', async () => {
    const { id, noteIds } = await storedBoard();
    const writer = await rawSocket(id);
    const watcher = await rawSocket(id);
    await settle();
    // Nobody asked for the board: nothing was built, so the server has not sent its step 1.
    expect(writer.received).toEqual([]);
    expect(watcher.received).toEqual([]);

    const offline = new Y.Doc();
    const early = createNote(offline, { x: 1, y: 1, author: 'Early', text: 'before the build' });
    writer.socket.send(syncUpdate(Y.encodeStateAsUpdate(offline)));
    // The update waited for the build (the guard checks it against the document), then was
    // stored and relayed: the watcher gets the room's step 1, then the update.
    await waitFor(() => watcher.received.length === 2, 'the watcher to get the update');
    expect(watcher.received).toEqual(['step1', 'update']);
    expect(writer.received).toEqual(['step1']);

    for (const s of sockets.splice(0)) s.terminate();
    await server.restart();
    const fresh = client(id);
    await waitForNotes([fresh], [...noteIds, early]);
    expect(readBoard(fresh.doc).notes.get(early)?.text).toBe('before the build');
  });

  it('answers GET /api/boards/<id> with every note, building the document for it', async () => {
    const { id, noteIds } = await storedBoard();
    const idle = await rawSocket(id);
    await settle();
    expect(idle.received).toEqual([]);
    const response = await server.getBoard(id);
    expect(response.status).toBe(200);
    const board = (await response.json()) as { title: string; notes: { id: string }[] };
    expect(board.title).toBe('Lazy');
    expect(board.notes.map((note) => note.id).sort()).toEqual([...noteIds].sort());
    await waitFor(() => idle.received.includes('step1'), 'the room to be built');
  });
});
