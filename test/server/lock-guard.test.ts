import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { boardRoots, createNote, readBoard, recolorNotes, setBoardTitle } from '../../lib/doc';
import { readBoardLocks, setBlockLocked, setBoardLocked } from '../../lib/doc/locks';
import { NOTE_KEYS, ROOT, WORKSHOP_KEYS, type BlockId, type Role } from '../../lib/model';
import { SERVER_TIME_HEADER } from '../../lib/sync/server-clock';
import { CLOSE } from '../../server/sync/close-codes';
import { closeWithin, connectClient, type TestClient } from '../helpers/clients';
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

/** A note's Y.Map as a stock client holding the board sees it, for writing it by hand. */
const noteMap = (c: TestClient, note: string) => boardRoots(c.doc).notes.get(note as never)!;
const fieldsOf = (c: TestClient, note: string) => noteMap(c, note).toJSON();

/**
 * An attacker: a stock editor client, once the facilitator's notes and locks reached it,
 * writes `attack` by hand into its copy of the board. The server must close it with 4423
 * and a reason, relay nothing (a watcher sees a later change of the facilitator but not the
 * attack) and store nothing (a client connecting afterwards reads the board as it was).
 */
async function expectRefused(
  facilitator: TestClient,
  watcher: TestClient,
  attack: (attacker: TestClient) => void,
  unchanged: (reader: TestClient) => boolean,
  reason: RegExp,
): Promise<void> {
  const attacker = client('editor');
  await attacker.synced;
  const expected = JSON.stringify(facilitator.doc.getMap(ROOT.workshop).toJSON());
  await waitFor(
    () =>
      JSON.stringify(attacker.doc.getMap(ROOT.workshop).toJSON()) === expected &&
      attacker.noteIds().length === facilitator.noteIds().length,
    'the locks and notes to reach the attacker',
  );
  const closed = closeWithin(attacker);
  attack(attacker);
  const { code, reason: said } = await closed;
  expect(code).toBe(CLOSE.refusedLocked);
  expect(said).toMatch(reason);
  // A barrier: a later change of the facilitator reaches the watcher after anything relayed.
  const barrier = createNote(facilitator.doc, { x: 700, y: 300, author: 'F' });
  await waitFor(() => watcher.noteIds().includes(barrier), 'the barrier');
  expect(unchanged(watcher)).toBe(true);
  const fresh = client('viewer');
  await fresh.synced;
  await waitFor(() => fresh.noteIds().includes(barrier), 'the barrier, for a fresh client');
  expect(unchanged(fresh)).toBe(true);
}

describe('locks by where a note is, whatever its block field says', () => {
  async function lockedRoom(locked: BlockId[]) {
    const facilitator = client('facilitator');
    const watcher = client('editor');
    await Promise.all([facilitator.synced, watcher.synced]);
    const channel = createNote(facilitator.doc, { x: 1250, y: 600, author: 'F' });
    const partner = createNote(facilitator.doc, { x: 240, y: 100, author: 'F' });
    for (const block of locked) setBlockLocked(facilitator.doc, block, true);
    await waitFor(
      () =>
        watcher.noteIds().length === 2 &&
        readBoardLocks(watcher.doc).blocks.length === locked.length,
      'the notes and locks to reach the watcher',
    );
    return { facilitator, watcher, channel, partner };
  }

  it('refuses a move into a locked block by its coordinates alone', async () => {
    const { facilitator, watcher, channel } = await lockedRoom(['keyPartners']);
    const before = fieldsOf(watcher, channel);
    await expectRefused(
      facilitator,
      watcher,
      (attacker) =>
        attacker.doc.transact(() => {
          noteMap(attacker, channel).set(NOTE_KEYS.x, 100);
          noteMap(attacker, channel).set(NOTE_KEYS.y, 100);
        }),
      (reader) => JSON.stringify(fieldsOf(reader, channel)) === JSON.stringify(before),
      /locked/,
    );
  });

  it('refuses a new note whose block field names an unlocked block while it lies in a locked one', async () => {
    const { facilitator, watcher } = await lockedRoom(['keyPartners']);
    await expectRefused(
      facilitator,
      watcher,
      (attacker) =>
        attacker.doc.transact(() => {
          const note = new Y.Map<unknown>();
          const fields: Record<string, unknown> = {
            [NOTE_KEYS.x]: 100,
            [NOTE_KEYS.y]: 100,
            [NOTE_KEYS.width]: 160,
            [NOTE_KEYS.height]: 110,
            [NOTE_KEYS.block]: 'channels',
            [NOTE_KEYS.color]: 'yellow',
            [NOTE_KEYS.z]: 9,
            [NOTE_KEYS.author]: 'Mallory',
            [NOTE_KEYS.createdAt]: Date.now(),
          };
          for (const [key, value] of Object.entries(fields)) note.set(key, value);
          note.set(NOTE_KEYS.text, new Y.XmlFragment());
          boardRoots(attacker.doc).notes.set('note_lyingblock000001' as never, note);
        }),
      (reader) => reader.noteIds().length === 3, // the two notes and the barrier
      /locked/,
    );
  });

  it('refuses a resize whose centre lands in a locked block', async () => {
    // The key-partner note (x 240, 160 wide) has its centre at x 320; 400 wide, at 440,
    // past the first column (0 to 400), in key activities.
    const { facilitator, watcher, partner } = await lockedRoom(['keyActivities']);
    await expectRefused(
      facilitator,
      watcher,
      (attacker) => noteMap(attacker, partner).set(NOTE_KEYS.width, 400),
      (reader) => noteMap(reader, partner).get(NOTE_KEYS.width) === 160,
      /locked/,
    );
  });

  it('refuses, with no lock at all, a note whose block field disagrees with where it is', async () => {
    const { facilitator, watcher, channel, partner } = await lockedRoom([]);
    // The field alone, then the coordinates alone.
    await expectRefused(
      facilitator,
      watcher,
      (attacker) => noteMap(attacker, partner).set(NOTE_KEYS.block, 'channels'),
      (reader) => noteMap(reader, partner).get(NOTE_KEYS.block) === 'keyPartners',
      /block/,
    );
    await expectRefused(
      facilitator,
      watcher,
      (attacker) => noteMap(attacker, channel).set(NOTE_KEYS.y, 100),
      (reader) => noteMap(reader, channel).get(NOTE_KEYS.y) === 600,
      /block/,
    );
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
