import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  addComment,
  boardRoots,
  chooseRelationshipType,
  createNote,
  deleteNotes,
  labelRelationship,
  linkNotes,
  moveNotes,
  noteTextFragment,
  openVote,
  placeDot,
  readBoard,
  recolorNotes,
  resizeNote,
  resolveThread,
  setBoardTitle,
  startFollow,
  startTimer,
  closeVote,
  replyToThread,
} from '../../lib/doc';
import { setBlockLocked } from '../../lib/doc/locks';
import { startPrivateWriting } from '../../lib/doc/private-writing';
import { NOTE_KEYS, ROOT, type NoteId, type Role } from '../../lib/model';
import { LINK_REL, LINK_TARGET } from '../../lib/model/records';
import { CLOSE } from '../../server/sync/close-codes';
import { connectClient, type TestClient } from '../helpers/clients';
import { startTestServer, type TestServer } from '../helpers/test-server';
import { waitFor } from '../helpers/wait';

/**
 * The server checks every value an update writes against the schema (lib/model/records), as a
 * stock y-websocket client sends it: a refused update closes its connection with 4422 and
 * none of it reaches the room, the store or anyone else.
 */

let server: TestServer;
let id: string;
let facilitator: TestClient;
let note: NoteId;
const clients: TestClient[] = [];

/** Long enough for a relayed update to arrive on localhost many times over. */
const NO_CLOSE_WAIT_MS = 1_500;

function client(role: Role = 'editor'): TestClient {
  const created = connectClient(server.url, id, server.token(id, role));
  clients.push(created);
  return created;
}

interface Closed {
  code: number;
  reason: string;
}

/** The next close of a client's socket, or null when none came in NO_CLOSE_WAIT_MS. */
function nextClose(c: TestClient): Promise<Closed | null> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(null), NO_CLOSE_WAIT_MS);
    c.provider.on('connection-close', (event: Closed | null) => {
      if (!event) return;
      clearTimeout(timer);
      resolve({ code: event.code, reason: event.reason });
    });
  });
}

function noteMap(doc: Y.Doc, which: NoteId = note): Y.Map<unknown> {
  return boardRoots(doc).notes.get(which) as Y.Map<unknown>;
}

/** A paragraph holding one text run with `attributes` as its formatting (marks). */
function paragraphWith(text: string, attributes: Record<string, unknown>): Y.XmlElement {
  const run = new Y.XmlText();
  run.insert(0, text, attributes);
  const paragraph = new Y.XmlElement('paragraph');
  paragraph.insert(0, [run]);
  return paragraph;
}

function writeText(doc: Y.Doc, element: Y.XmlElement): void {
  doc.transact(() => noteTextFragment(doc, note)!.insert(0, [element]));
}

/** A fresh client's view of the stored board, after a barrier write of the facilitator. */
async function storedBoard(): Promise<Y.Doc> {
  const barrier = createNote(facilitator.doc, { x: 100, y: 100, author: 'F' });
  const fresh = client('viewer');
  await fresh.synced;
  await waitFor(() => boardRoots(fresh.doc).notes.has(barrier), 'the barrier to be stored');
  return fresh.doc;
}

/**
 * An editor (or `role`) writes `attack`: its connection closes with 4422 naming `field`,
 * and the stored board shows none of it (`unchanged` is true of it).
 */
async function expectRefused(
  attack: (doc: Y.Doc) => void,
  field: string,
  unchanged: (stored: Y.Doc) => boolean,
  role: Role = 'editor',
): Promise<void> {
  const attacker = client(role);
  const watcher = client('editor');
  await Promise.all([attacker.synced, watcher.synced]);
  const closed = nextClose(attacker);
  attack(attacker.doc);
  const close = await closed;
  expect(close?.code).toBe(CLOSE.refusedValue);
  expect(close?.reason).toMatch(new RegExp(`^refused: .*${field}`));
  const stored = await storedBoard();
  expect(unchanged(stored)).toBe(true);
  expect(unchanged(watcher.doc)).toBe(true);
}

beforeEach(async () => {
  server = await startTestServer();
  id = await server.createBoard('Values');
  facilitator = client('facilitator');
  await facilitator.synced;
  note = createNote(facilitator.doc, { x: 1250, y: 100, author: 'F' });
});

afterEach(async () => {
  for (const c of clients.splice(0)) c.destroy();
  await server.stop();
});

const valueOf = (doc: Y.Doc, key: string) => noteMap(doc)?.get(key);

describe('the server refuses a value the schema does not allow', () => {
  it('an unknown colour', async () => {
    await expectRefused(
      (doc) => noteMap(doc).set(NOTE_KEYS.color, 'chartreuse'),
      'color',
      (stored) => valueOf(stored, NOTE_KEYS.color) === 'yellow',
    );
  });

  it('a NaN coordinate', async () => {
    await expectRefused(
      (doc) => noteMap(doc).set(NOTE_KEYS.x, Number.NaN),
      'x',
      (stored) => Number.isFinite(valueOf(stored, NOTE_KEYS.x)),
    );
  });

  it('an infinite coordinate', async () => {
    await expectRefused(
      (doc) => noteMap(doc).set(NOTE_KEYS.y, Number.POSITIVE_INFINITY),
      'y',
      (stored) => Number.isFinite(valueOf(stored, NOTE_KEYS.y)),
    );
  });

  it('a label outside its choices', async () => {
    const rel = (doc: Y.Doc) => noteMap(doc).get(NOTE_KEYS.rel) as Y.Map<unknown>;
    await expectRefused(
      (doc) => rel(doc).set('stage', 'nirvana'),
      'stage',
      (stored) => !rel(stored).has('stage'),
    );
  });

  it.each([
    ['a javascript: href', { href: 'javascript:alert(document.URL)' }, 'link.href'],
    ['a new tab without rel', { href: 'https://example.com', target: '_blank' }, 'link.rel'],
    ['rel="opener"', { href: 'https://example.com', target: '_blank', rel: 'opener' }, 'link.rel'],
    ['another target', { href: 'https://example.com', target: '_top' }, 'link.target'],
  ])('a link mark with %s', async (_name, link, field) => {
    await expectRefused(
      (doc) => writeText(doc, paragraphWith('site', { link })),
      field,
      (stored) => noteTextFragment(stored, note)!.length === 0,
    );
  });

  it('an unknown mark', async () => {
    await expectRefused(
      (doc) => writeText(doc, paragraphWith('site', { onclick: {} })),
      'onclick',
      (stored) => noteTextFragment(stored, note)!.length === 0,
    );
  });

  it('a title over 120 characters', async () => {
    await expectRefused(
      (doc) => boardRoots(doc).meta.set('title', 'x'.repeat(121)),
      'title',
      (stored) => readBoard(stored).meta.title === 'Values',
    );
  });

  it('an unknown note key', async () => {
    await expectRefused(
      (doc) => noteMap(doc).set('onclick', 'alert(1)'),
      'onclick',
      (stored) => !noteMap(stored).has('onclick'),
    );
  });

  it('a shared type where a number belongs', async () => {
    await expectRefused(
      (doc) => noteMap(doc).set(NOTE_KEYS.width, new Y.Map()),
      'width',
      (stored) => typeof valueOf(stored, NOTE_KEYS.width) === 'number',
    );
  });

  it.each([
    ['bytes', () => new Uint8Array([1, 2, 3])],
    ['a sub-document', () => new Y.Doc()],
  ])('%s where a plain value belongs', async (_name, make) => {
    await expectRefused(
      (doc) => noteMap(doc).set(NOTE_KEYS.z, make()),
      'z',
      (stored) => typeof valueOf(stored, NOTE_KEYS.z) === 'number',
    );
  });

  it('an unknown root, from the facilitator too', async () => {
    await expectRefused(
      (doc) => doc.getMap('scripts').set('run', 'alert(1)'),
      'scripts',
      (stored) => !stored.share.has('scripts') || stored.getMap('scripts').size === 0,
      'facilitator',
    );
  });

  it('an unknown node in the rich text', async () => {
    await expectRefused(
      (doc) => writeText(doc, new Y.XmlElement('script')),
      'script',
      (stored) => noteTextFragment(stored, note)!.length === 0,
    );
  });
});

describe("the server takes our own client's ordinary writes", () => {
  it('notes, text with bold and a link, labels, links, comments, votes and workshop tools', async () => {
    const editor = client('editor');
    const watcher = client('viewer');
    await Promise.all([editor.synced, watcher.synced]);
    const closed = nextClose(editor);
    const facilitatorClosed = nextClose(facilitator);

    const channel = createNote(editor.doc, { x: 1250, y: 600, author: 'Ana' });
    moveNotes(editor.doc, [{ id: channel, x: 1300, y: 620 }]);
    resizeNote(editor.doc, channel, { x: 1300, y: 620, width: 200, height: 150 });
    recolorNotes(editor.doc, [channel], 'teal');
    chooseRelationshipType(editor.doc, note, 'selfService');
    labelRelationship(editor.doc, note, {
      stage: 'retention',
      costAmount: 12.5,
      costCurrency: 'EUR',
      evidence: 'asked 5',
    });
    linkNotes(editor.doc, note, channel);
    setBoardTitle(editor.doc, 'Renamed board');
    // What Tiptap writes for "**Hello** site" with a link on "site" (y-prosemirror's marks).
    const run = new Y.XmlText();
    run.insert(0, 'Hello', { bold: {} });
    run.insert(5, ' site', {
      link: {
        href: 'https://example.com',
        target: LINK_TARGET,
        rel: LINK_REL,
        class: null,
        title: null,
      },
    });
    const paragraph = new Y.XmlElement('paragraph');
    paragraph.insert(0, [run]);
    writeText(editor.doc, paragraph);
    editor.doc.transact(() => run.format(0, 5, { bold: null }));
    const thread = addComment(editor.doc, note, 'Is it real?', {
      author: 'Ana',
      authorId: 'u_abcdefghijklmnop',
    });
    replyToThread(editor.doc, thread, 'Yes', { author: 'Bo', authorId: 'u_bcdefghijklmnopq' });
    resolveThread(editor.doc, thread, 'Ana');

    openVote(facilitator.doc, { dotsPerPerson: 3, block: null });
    await waitFor(() => editor.doc.getMap(ROOT.workshop).has('vote'), 'the vote to open');
    placeDot(editor.doc, 'u_abcdefghijklmnop', note);
    startTimer(facilitator.doc, Date.now());
    startFollow(facilitator.doc, { id: 'u_cdefghijklmnopqr', name: 'Facilitator' });
    setBlockLocked(facilitator.doc, 'keyPartners', true);
    startPrivateWriting(facilitator.doc);
    closeVote(facilitator.doc);
    const gone = createNote(editor.doc, { x: 1700, y: 100, author: 'Ana' });
    deleteNotes(editor.doc, [gone]);

    await waitFor(() => {
      const board = readBoard(watcher.doc);
      return (
        board.meta.title === 'Renamed board' &&
        board.notes.get(note)?.links.channels.includes(channel) === true &&
        board.notes.get(note)?.relationship.evidence === 'asked 5' &&
        board.notes.get(note)?.text === 'Hello site' &&
        board.notes.get(channel)?.color === 'teal' &&
        watcher.doc.getMap(ROOT.comments).size === 2 &&
        watcher.doc.getMap(ROOT.workshop).size === 5
      );
    }, 'every write to reach the watcher');
    expect(await closed).toBeNull();
    expect(await facilitatorClosed).toBeNull();
  });
});
