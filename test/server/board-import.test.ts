import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addComment,
  chooseRelationshipType,
  commentsRoot,
  createNote,
  labelRelationship,
  linkNotes,
  noteTextFragment,
  readThreads,
  replyToThread,
  resolveThread,
} from '../../lib/doc';
import { richTextContent } from '../../lib/doc/test-support';
import type { BoardFile } from '../../lib/export';
import type { NoteId } from '../../lib/model';
import { createTranslator } from '../../lib/i18n/translate';
import { issueMessage } from '../../lib/export';
import { importBoardFile } from '../../server/http/board-files';
import { DATABASE_FILE } from '../../server/store/sqlite-engine';
import { connectClient, waitForNotes } from '../helpers/clients';
import { waitFor } from '../helpers/wait';
import {
  startTestServer,
  tokensOf,
  type CreatedBoard,
  type TestServer,
} from '../helpers/test-server';

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
});

afterAll(async () => {
  await server.stop();
});

function boardCount(): number {
  const db = new Database(join(server.dataDir, DATABASE_FILE), { readonly: true });
  try {
    return (db.prepare('SELECT COUNT(*) AS n FROM boards').get() as { n: number }).n;
  } finally {
    db.close();
  }
}

function postImport(body: string) {
  return fetch(`${server.url}/api/boards/import`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body,
  });
}

async function exportOf(id: string, token: string, format = 'json', locale = 'en') {
  return fetch(
    `${server.url}/api/boards/${id}/export?format=${format}&locale=${locale}&t=${token}`,
  );
}

/**
 * A board edited through a real provider: rich text, a labelled and linked relationship, a
 * resolved thread with a reply on it and an open thread on the channel.
 */
async function editedBoard() {
  const id = await server.createBoard('Coffee for offices');
  const client = connectClient(server.url, id, server.token(id));
  await client.synced;
  const { doc } = client;
  const rel = createNote(doc, { x: 1250, y: 100, author: 'Ana' });
  doc.transact(() => noteTextFragment(doc, rel)!.insert(0, richTextContent()));
  const channel = createNote(doc, { x: 1250, y: 600, author: 'Luis', text: 'Email' });
  const segment = createNote(doc, { x: 1700, y: 100, author: 'Ana', text: 'Offices' });
  chooseRelationshipType(doc, rel, 'automated');
  labelRelationship(doc, rel, { stage: 'retention', costAmount: 30, costCurrency: 'EUR' });
  linkNotes(doc, rel, channel);
  linkNotes(doc, rel, segment);
  const thread = addComment(doc, rel, 'Monthly?', { author: 'Ana', authorId: 'u_ana' });
  replyToThread(doc, thread, 'Yes, monthly.', { author: 'Luis', authorId: 'u_luis' });
  resolveThread(doc, thread, 'Luis');
  addComment(doc, channel, 'Email only?', { author: 'Luis', authorId: 'u_luis' });
  const watcher = connectClient(server.url, id, server.token(id, 'viewer'));
  await watcher.synced;
  await waitForNotes([watcher], [rel, channel, segment]);
  await waitFor(() => commentsRoot(watcher.doc).size === 3, 'the comments');
  client.destroy();
  watcher.destroy();
  return { id, rel: rel as NoteId };
}

const stable = ({ exportedAt: _e, boardId: _b, ...rest }: BoardFile) => rest;

describe('GET /api/boards/<id>/export', () => {
  it('gives any role the board file, CSV and Markdown as downloads named after the title', async () => {
    const { id } = await editedBoard();
    const viewer = server.token(id, 'viewer');
    const json = await exportOf(id, viewer);
    expect(json.status).toBe(200);
    expect(json.headers.get('content-disposition')).toBe(
      'attachment; filename="coffee-for-offices.lienzo.json"',
    );
    const file = (await json.json()) as BoardFile;
    expect(file).toMatchObject({ format: 'lienzo-board', formatVersion: 2, boardId: id });
    expect(file.notes).toHaveLength(3);
    expect(file.comments).toHaveLength(2);

    const csv = await exportOf(id, viewer, 'csv');
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
    expect((await csv.text()).split('\r\n')).toHaveLength(1 + 3);

    const md = await (await exportOf(id, viewer, 'md', 'es')).text();
    expect(md).toContain('# Coffee for offices');
    expect(md).toContain('## Relaciones con los clientes');
  });

  it('refuses without a token, an unknown format or locale', async () => {
    const { id } = await editedBoard();
    expect((await fetch(`${server.url}/api/boards/${id}/export`)).status).toBe(403);
    expect((await exportOf(id, server.token(id), 'xml')).status).toBe(400);
    expect((await exportOf(id, server.token(id), 'json', 'fr')).status).toBe(400);
  });
});

describe('POST /api/boards/import', () => {
  it('creates a new board holding the same notes and comments; exporting it again gives the same file', async () => {
    const { id, rel } = await editedBoard();
    const exported = await (await exportOf(id, server.token(id))).text();
    const before = boardCount();
    const response = await postImport(exported);
    expect(response.status).toBe(201);
    const created = (await response.json()) as CreatedBoard;
    expect(created.id).not.toBe(id);
    expect(created.url).toBe(created.links.facilitator);
    expect(boardCount()).toBe(before + 1);

    const tokens = tokensOf(created);
    const original = await (await server.getBoard(id)).json();
    const copy = await (
      await fetch(`${server.url}/api/boards/${created.id}?t=${tokens.viewer}`)
    ).json();
    expect(copy.title).toBe('Coffee for offices');
    expect(copy.notes).toEqual(original.notes);

    const again = (await (await exportOf(created.id, tokens.viewer)).json()) as BoardFile;
    expect(stable(again)).toEqual(stable(JSON.parse(exported) as BoardFile));
    const [resolved] = again.comments;
    expect(resolved).toMatchObject({ note: rel, resolved: true, resolvedBy: 'Luis' });
    expect(resolved!.replies).toEqual([expect.objectContaining({ text: 'Yes, monthly.' })]);
    // What a new reader of the imported board sees: the threads, re-attached to their notes.
    const reader = connectClient(server.url, created.id, tokens.viewer);
    await reader.synced;
    await waitFor(() => commentsRoot(reader.doc).size === 3, 'the imported comments');
    expect(readThreads(reader.doc).get(rel)?.[0]?.replies).toHaveLength(1);
    reader.destroy();
  });

  it('still imports a version 1 file, which has no comments', async () => {
    const { id } = await editedBoard();
    const file = (await (await exportOf(id, server.token(id))).json()) as BoardFile;
    const { comments: _c, ...v1 } = { ...file, formatVersion: 1 };
    const response = await postImport(JSON.stringify(v1));
    expect(response.status).toBe(201);
    const created = (await response.json()) as CreatedBoard;
    const again = (await (
      await exportOf(created.id, tokensOf(created).viewer)
    ).json()) as BoardFile;
    expect(again.notes).toEqual(file.notes);
    expect(again.comments).toEqual([]);
  });

  it('refuses a file with a bad comment, saying which, and creates nothing', async () => {
    const { id } = await editedBoard();
    const file = (await (await exportOf(id, server.token(id))).json()) as BoardFile;
    const before = boardCount();
    const [first, second] = file.comments;
    const broken = {
      ...file,
      comments: [
        { ...first, note: 'note_AAAAAAAAAAAAAAAA' },
        { ...second, resolved: 'no' },
      ],
    };
    const response = await postImport(JSON.stringify(broken));
    expect(response.status).toBe(400);
    const body = (await response.json()) as {
      error: string;
      issues: { at: string }[];
      count: number;
    };
    expect(body.issues.map((issue) => issue.at)).toEqual([
      `comments[0] (${first!.id}).note`,
      `comments[1] (${second!.id}).resolved`,
    ]);
    expect(body.error).toBe(
      `comments[0] (${first!.id}).note: "note_AAAAAAAAAAAAAAAA" is not a note of this file. (and 1 more problem)`,
    );
    expect(boardCount()).toBe(before);
  });

  it('answers 400 with the specific problems and creates nothing', async () => {
    const { id, rel } = await editedBoard();
    const file = (await (await exportOf(id, server.token(id))).json()) as BoardFile;
    const index = file.notes.findIndex((n) => n.id === rel);
    (file.notes[index] as unknown as Record<string, unknown>).color = 'magenta';
    const before = boardCount();
    const response = await postImport(JSON.stringify(file));
    expect(response.status).toBe(400);
    const body = (await response.json()) as { error: string; issues: unknown[]; count: number };
    expect(body.error).toContain(`notes[${index}] (${rel}).color`);
    expect(body.issues).toEqual([
      {
        at: `notes[${index}] (${rel}).color`,
        problem: 'invalid',
        expected: 'color',
        params: { value: '"magenta"' },
        detail: `notes[${index}] (${rel}).color: "magenta" is not valid; it must be a palette colour name.`,
      },
    ]);
    expect(body.count).toBe(1);

    const notJson = await postImport('{"format": "lienzo-board",');
    expect(notJson.status).toBe(400);
    expect(((await notJson.json()) as { issues: { problem: string }[] }).issues[0]!.problem).toBe(
      'notJson',
    );
    const other = await postImport(JSON.stringify({ hello: 'world' }));
    expect(other.status).toBe(400);
    expect(boardCount()).toBe(before);
  });

  it('takes a 2,000-note board file, far above the 64 KiB limit of other routes', async () => {
    const notes = Array.from({ length: 2000 }, (_, i) => ({
      id: `note_${String(i).padStart(16, '0')}`,
      block: 'valuePropositions',
      x: 850,
      y: 100 + (i % 600),
      width: 160,
      height: 110,
      color: 'yellow',
      z: i + 1,
      author: 'Ana',
      createdAt: 1_700_000_000_000 + i,
      text: {
        type: 'doc',
        content: [
          {
            type: 'paragraph',
            content: [
              { type: 'text', text: `Idea number ${i} about `, marks: [{ type: 'bold' }] },
              { type: 'text', text: 'what customers want from us, written at some length' },
            ],
          },
        ],
      },
      relationship: {},
      links: { channels: [], segments: [] },
    }));
    const body = JSON.stringify({ format: 'lienzo-board', formatVersion: 1, title: 'Big', notes });
    expect(body.length).toBeGreaterThan(64 * 1024 * 10);
    const response = await postImport(body);
    expect(response.status).toBe(201);
    const { id, links } = (await response.json()) as CreatedBoard;
    const token = new URL(links.viewer).searchParams.get('t');
    const board = await (await fetch(`${server.url}/api/boards/${id}?t=${token}`)).json();
    expect(board.notes).toHaveLength(2000);
  });

  it('words a body too large to read in each language, keeping the reader’s words for the API', async () => {
    const store = null as never; // a refused body never reaches the store
    const outcome = await importBoardFile(
      { ok: false, status: 413, error: 'at most 16 MiB' },
      store,
    );
    expect(outcome).toMatchObject({ ok: false, status: 413, error: 'at most 16 MiB', count: 1 });
    if (outcome.ok) return;
    expect(issueMessage(outcome.issues[0]!, createTranslator('es'))).toBe(
      'El archivo pesa más de 16 MiB, el máximo de un archivo de tablero.',
    );
  });
});
