import * as decoding from 'lib0/decoding';
import { afterEach, describe, expect, it } from 'vitest';
import { createNote, moveNotes, readBoard } from '../../lib/doc';
import { MESSAGE, SYNC } from '../../server/sync/messages';
import { connectClient, openSocket, waitForNotes, type TestClient } from '../helpers/clients';
import { FlakyStore } from '../helpers/flaky-store';
import { makeTempDir } from '../helpers/temp-dir';
import { startTestServer } from '../helpers/test-server';
import { waitFor } from '../helpers/wait';

/**
 * A store that takes time (as a database across a network does). Stored, then relayed: what
 * a peer receives was committed before it was sent, in the order it was made, and the
 * changes that arrive during a write go together in the next one. And what is checked
 * before a slow load still holds after it.
 */

const cleanups: (() => unknown)[] = [];
const clients: TestClient[] = [];
afterEach(async () => {
  for (const c of clients.splice(0)) c.destroy();
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** The update carried by a sync update frame, or null for any other frame. */
function updateOf(frame: Buffer): Uint8Array | null {
  const decoder = decoding.createDecoder(new Uint8Array(frame));
  if (decoding.readVarUint(decoder) !== MESSAGE.sync) return null;
  if (decoding.readVarUint(decoder) !== SYNC.update) return null;
  return decoding.readVarUint8Array(decoder);
}

const key = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');

describe('the write queue, over the wire', () => {
  it('relays only committed updates, in order, several to a write while one is in flight', async () => {
    const temp = makeTempDir();
    cleanups.push(() => temp.remove());
    const store = await FlakyStore.open(temp.path);
    const server = await startTestServer({ dataDir: temp.path, openStore: () => store });
    cleanups.push(() => server.stop());
    const id = await server.createBoard('Slow');
    const token = server.token(id);

    const uncommitted: string[] = [];
    const received: string[] = [];
    const a = connectClient(server.url, id, token);
    const b = connectClient(server.url, id, token, {
      onFrame: (frame) => {
        const update = updateOf(frame);
        if (!update) return;
        received.push(key(update));
        // Each relayed update must be in an append that has already committed.
        const committed = new Set(store.appended.flat().map(key));
        if (!committed.has(key(update))) uncommitted.push(key(update));
      },
    });
    clients.push(a, b);
    await Promise.all([a.synced, b.synced]);

    store.writeDelayMs = 40;
    const note = createNote(a.doc, { x: 0, y: 0, author: 'A' });
    const MOVES = 30;
    for (let i = 1; i <= MOVES; i++) {
      moveNotes(a.doc, [{ id: note, x: i * 10, y: 0 }]);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    await waitForNotes([b], [note]);
    await waitFor(() => readBoard(b.doc).notes.get(note)?.x === MOVES * 10, 'the last move');

    expect(uncommitted).toEqual([]);
    // In the order they were committed, which is the order A made them.
    expect(received).toEqual(store.appended.flat().map(key));
    expect(received).toHaveLength(MOVES + 1);
    const updates = store.appended.flat().length;
    expect(updates).toBeGreaterThanOrEqual(MOVES + 1);
    // Group commit: far fewer writes than updates while each write took 40 ms.
    expect(store.appended.length).toBeLessThan(updates / 2);
  });
});

describe('a board that takes time to load', () => {
  it('does not let in a link regenerated while the board was loading', async () => {
    const temp = makeTempDir();
    cleanups.push(() => temp.remove());
    const store = await FlakyStore.open(temp.path);
    const server = await startTestServer({ dataDir: temp.path, openStore: () => store });
    cleanups.push(() => server.stop());
    const id = await server.createBoard('Slow to load');
    const old = server.token(id, 'editor');

    store.loadDelayMs = 300;
    const opening = openSocket(server.url, `/sync/${id}?t=${old}`);
    // The upgrade's token check is done; the board is loading when the link is replaced.
    await new Promise((resolve) => setTimeout(resolve, 100));
    const regenerated = await fetch(`${server.url}/api/boards/${id}/links`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${server.token(id, 'facilitator')}`,
      },
      body: JSON.stringify({ role: 'editor' }),
    });
    expect(regenerated.status).toBe(200);
    const result = await opening;
    result.socket?.terminate();
    expect(result.status).toBe(403);
  });
});
