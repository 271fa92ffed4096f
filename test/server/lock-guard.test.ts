import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createNote, readBoard, recolorNotes, setBoardTitle } from '../../lib/doc';
import { readBoardLocks, setBlockLocked, setBoardLocked } from '../../lib/doc/locks';
import { ROOT, WORKSHOP_KEYS, type Role } from '../../lib/model';
import { SERVER_TIME_HEADER } from '../../lib/sync/server-clock';
import { CLOSE } from '../../server/sync/close-codes';
import { connectClient, type TestClient } from '../helpers/clients';
import { startTestServer, type TestServer } from '../helpers/test-server';
import { waitFor } from '../helpers/wait';

let server: TestServer;
let id: string;
const clients: TestClient[] = [];

function client(role: Role): TestClient {
  const created = connectClient(server.url, id, server.token(id, role));
  clients.push(created);
  return created;
}

/** Resolves with the code of the next close of a client's socket. */
function nextClose(c: TestClient): Promise<number> {
  return new Promise((resolve) => {
    c.provider.on('connection-close', (event: { code: number } | null) => {
      if (event) resolve(event.code);
    });
  });
}

const colorOf = (c: TestClient, note: string) => readBoard(c.doc).notes.get(note as never)?.color;
const titleOf = (c: TestClient) => readBoard(c.doc).meta.title;

beforeEach(async () => {
  server = await startTestServer();
  id = await server.createBoard('Locks');
});

afterEach(async () => {
  for (const c of clients.splice(0)) c.destroy();
  await server.stop();
});

describe('a locked block', () => {
  it("refuses an editor's change there, resets that editor, and takes the facilitator's", async () => {
    const facilitator = client('facilitator');
    const editor = client('editor');
    const watcher = client('editor');
    await Promise.all([facilitator.synced, editor.synced, watcher.synced]);

    const partner = createNote(facilitator.doc, { x: 100, y: 100, author: 'F' });
    const channel = createNote(facilitator.doc, { x: 1250, y: 600, author: 'F' });
    setBlockLocked(facilitator.doc, 'keyPartners', true);
    await waitFor(
      () =>
        readBoardLocks(editor.doc).blocks.includes('keyPartners') && !!colorOf(watcher, channel),
      'the lock and notes to reach the editors',
    );

    const closed = nextClose(editor);
    recolorNotes(editor.doc, [partner], 'pink');
    expect(await closed).toBe(CLOSE.refusedLocked);

    // The rest of the room never sees it, nor does the store (a fresh client reads it).
    recolorNotes(facilitator.doc, [channel], 'green');
    await waitFor(
      () => colorOf(watcher, channel) === 'green',
      'a later change to reach the watcher',
    );
    expect(colorOf(watcher, partner)).not.toBe('pink');
    editor.destroy();
    const fresh = client('editor');
    await fresh.synced;
    expect(colorOf(fresh, partner)).not.toBe('pink');

    // The reset editor (a fresh copy from the server) still edits an unlocked block.
    recolorNotes(fresh.doc, [channel], 'blue');
    await waitFor(() => colorOf(watcher, channel) === 'blue', 'the reset editor to edit');
    expect(fresh.provider.wsconnected).toBe(true);

    // The facilitator still changes the locked block.
    recolorNotes(facilitator.doc, [partner], 'pink');
    await waitFor(() => colorOf(watcher, partner) === 'pink', "the facilitator's change");
  });

  it('an editor cannot write workshop state', async () => {
    const facilitator = client('facilitator');
    const editor = client('editor');
    await Promise.all([facilitator.synced, editor.synced]);
    const closed = nextClose(editor);
    setBlockLocked(editor.doc, 'channels', true);
    expect(await closed).toBe(CLOSE.refusedLocked);
    // A later change of the facilitator is a barrier: the editor's lock never came before it.
    const note = createNote(facilitator.doc, { x: 100, y: 100, author: 'F' });
    const fresh = client('viewer');
    await fresh.synced;
    await waitFor(() => readBoard(fresh.doc).notes.has(note), 'the barrier');
    expect(readBoardLocks(fresh.doc).blocks).toEqual([]);
    expect(fresh.doc.getMap(ROOT.workshop).has(WORKSHOP_KEYS.locks)).toBe(false);
  });
});

describe('a locked board', () => {
  it("refuses an editor's change to any block and to the title, takes the facilitator's, and unlocking lets the editor write again", async () => {
    const facilitator = client('facilitator');
    const watcher = client('editor');
    await Promise.all([facilitator.synced, watcher.synced]);
    const partner = createNote(facilitator.doc, { x: 100, y: 100, author: 'F' });
    const channel = createNote(facilitator.doc, { x: 1250, y: 600, author: 'F' });
    setBoardLocked(facilitator.doc, true);
    await waitFor(
      () => readBoardLocks(watcher.doc).board && !!colorOf(watcher, channel),
      'the lock and notes to reach the watcher',
    );
    const titleBefore = titleOf(watcher);

    // Each gesture from an editor of its own: a refused editor is closed and starts over.
    const gestures: [string, (doc: Y.Doc) => void][] = [
      ['a note in key partners', (doc) => recolorNotes(doc, [partner], 'pink')],
      ['a note in channels', (doc) => recolorNotes(doc, [channel], 'pink')],
      ['a new note', (doc) => void createNote(doc, { x: 700, y: 300, author: 'E' })],
      ['the title', (doc) => setBoardTitle(doc, 'Renamed under the lock')],
    ];
    for (const [what, gesture] of gestures) {
      const editor = client('editor');
      await editor.synced;
      await waitFor(() => readBoardLocks(editor.doc).board, 'the lock to reach the editor');
      const closed = nextClose(editor);
      gesture(editor.doc);
      expect(await closed, what).toBe(CLOSE.refusedLocked);
    }

    // A later change of the facilitator is a barrier: every refused one came before it.
    recolorNotes(facilitator.doc, [partner], 'green');
    await waitFor(() => colorOf(watcher, partner) === 'green', "the facilitator's change");
    expect(colorOf(watcher, channel)).not.toBe('pink');
    expect(watcher.noteIds().sort()).toEqual([partner, channel].sort());
    expect(titleOf(watcher)).toBe(titleBefore);
    // The facilitator renames the locked board too.
    setBoardTitle(facilitator.doc, 'Set by the facilitator');
    await waitFor(() => titleOf(watcher) === 'Set by the facilitator', "the facilitator's title");

    setBoardLocked(facilitator.doc, false);
    const editor = client('editor');
    await editor.synced;
    await waitFor(() => !readBoardLocks(editor.doc).board, 'the unlock to reach the editor');
    recolorNotes(editor.doc, [channel], 'blue');
    setBoardTitle(editor.doc, 'Renamed by the editor');
    await waitFor(
      () => colorOf(watcher, channel) === 'blue' && titleOf(watcher) === 'Renamed by the editor',
      "the editor's changes after the unlock",
    );
    expect(editor.provider.wsconnected).toBe(true);
  });
});

describe('the server clock for the timer', () => {
  it('GET /api/health carries the server time', async () => {
    const before = Date.now();
    const response = await fetch(`${server.url}/api/health`);
    const time = Number(response.headers.get(SERVER_TIME_HEADER));
    expect(time).toBeGreaterThanOrEqual(before);
    expect(time).toBeLessThanOrEqual(Date.now());
  });
});
