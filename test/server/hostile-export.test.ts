import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addComment, boardRoots, createNote, noteTextFragment } from '../../lib/doc';
import { NOTE_KEYS, ROOT, type BoardId, type NoteId } from '../../lib/model';
import { MAX_RICH_TEXT_CHARS, MAX_RICH_TEXT_DEPTH } from '../../lib/model/records';
import { docFromStored } from '../../server/rooms/stored-doc';
import { SqliteStore } from '../../server/store/sqlite-engine';
import { makeTempDir } from '../helpers/temp-dir';
import { startTestServer, type TestServer } from '../helpers/test-server';

/**
 * Every export is re-importable, whatever hostile clients wrote into a board before the server
 * checked values: such a board's stored document is written here directly (as a legacy board
 * holds it), exported through the API, and the file imported again.
 */

let temp: ReturnType<typeof makeTempDir>;
let store: SqliteStore;
let server: TestServer;

beforeEach(async () => {
  temp = makeTempDir();
  store = await SqliteStore.open(temp.path);
  server = await startTestServer({ dataDir: temp.path, openStore: () => store });
});

afterEach(async () => {
  await server.stop();
  temp.remove();
});

function run(text: string, attributes: Record<string, unknown>): Y.XmlElement {
  const xml = new Y.XmlText();
  xml.insert(0, text, attributes);
  const paragraph = new Y.XmlElement('paragraph');
  paragraph.insert(0, [xml]);
  return paragraph;
}

function nested(depth: number): Y.XmlElement {
  let node = run('deep', {});
  for (let i = 0; i < depth; i++) {
    const quote = new Y.XmlElement('blockquote');
    quote.insert(0, [node]);
    node = quote;
  }
  return node;
}

/** What hostile clients could write before values were checked, one of each. */
function writeHostileValues(doc: Y.Doc): void {
  const note = createNote(doc, { x: 1250, y: 100, author: 'Mallory' });
  const other = createNote(doc, { x: 500, y: 100, author: 'Mallory' });
  doc.transact(() => {
    boardRoots(doc).meta.set('title', `  ${'A very long title '.repeat(20)}  `);
    const map = boardRoots(doc).notes.get(note) as Y.Map<unknown>;
    map.set(NOTE_KEYS.author, 'M'.repeat(500));
    map.set('onclick', 'alert(1)');
    const rel = map.get(NOTE_KEYS.rel) as Y.Map<unknown>;
    rel.set('stage', 'nirvana');
    rel.set('costAmount', Number.NaN);
    rel.set('segments:note_AAAAAAAAAAAAAAAA', true);
    noteTextFragment(doc, note)!.insert(0, [
      run('js', { link: { href: 'javascript:alert(document.URL)' } }),
      run('tab', { link: { href: 'https://example.com', target: '_blank' } }),
      run('opener', { link: { href: 'https://example.com', target: '_blank', rel: 'opener' } }),
      run('mark', { evil: {}, bold: { onclick: 'x' } }),
      new Y.XmlElement('script'),
      nested(MAX_RICH_TEXT_DEPTH + 4),
    ]);
    const big = noteTextFragment(doc, other)!;
    big.insert(0, [run('x'.repeat(MAX_RICH_TEXT_CHARS + 500), {})]);
    const element = big.get(0) as Y.XmlElement;
    element.setAttribute('bad name', 'x');
    element.setAttribute('long', 'y'.repeat(5_000));
    (boardRoots(doc).notes.get(other) as Y.Map<unknown>).set(NOTE_KEYS.color, 'chartreuse');
  });
  addComment(doc, note, 'A fine comment', { author: 'Ana', authorId: 'u_abcdefghijklmnop' });
  doc.transact(() => {
    const comment = new Y.Map<unknown>();
    comment.set('note', note);
    comment.set('author', 'Mallory');
    comment.set('authorId', 'u_abcdefghijklmnop');
    comment.set('createdAt', 1);
    comment.set('text', '   ');
    doc.getMap(ROOT.comments).set('cmt_AAAAAAAAAAAAAAAA', comment);
  });
}

/** Appends `write`'s changes to a board's stored log, as if a client had sent them. */
async function writeStored(id: string, write: (doc: Y.Doc) => void): Promise<void> {
  const log = { board: id as BoardId };
  const doc = docFromStored(log.board, (await store.loadLog(log))!);
  const before = Y.encodeStateVector(doc);
  write(doc);
  await store.appendUpdates(log, [Y.encodeStateAsUpdate(doc, before)]);
}

describe('a board written by hostile clients', () => {
  it('exports a file that imports again as a new board', async () => {
    const id = await server.createBoard('Legacy');
    await writeStored(id, writeHostileValues);

    const exported = await fetch(
      `${server.url}/api/boards/${id}/export?format=json&t=${server.token(id)}`,
    );
    expect(exported.status).toBe(200);
    const file = await exported.text();
    const imported = await fetch(`${server.url}/api/boards/import`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: file,
    });
    const answer = (await imported.json()) as { issues?: unknown };
    expect(answer.issues).toBeUndefined();
    expect(imported.status).toBe(201);

    // What was safe is kept; the rest is gone from the file.
    expect(file).not.toContain('javascript:');
    expect(file).not.toContain('"rel": "opener"');
    expect(file).not.toContain('"target": "_blank"'); // no link kept its target without our rel
    expect(file).not.toContain('script');
    expect(file).toContain('A fine comment');
    const parsed = JSON.parse(file) as { title: string; notes: { id: NoteId }[] };
    expect(parsed.title.length).toBeLessThanOrEqual(120);
    expect(parsed.notes).toHaveLength(1); // the chartreuse note is dropped, as readers drop it
  });
});
