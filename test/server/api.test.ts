import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNote } from '../../lib/doc';
import {
  DEFAULT_TITLE,
  MAX_TITLE_LENGTH,
  SCHEMA_VERSION,
  isBoardId,
  newBoardId,
} from '../../lib/model';
import { getBoardDirectory } from '../../server/registry';
import { connectClient, waitForNotes } from '../helpers/clients';
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

function post(body: string | undefined, headers: Record<string, string> = {}) {
  return fetch(`${server.url}/api/boards`, { method: 'POST', headers, body });
}

const json = { 'content-type': 'application/json' };

describe('POST /api/boards', () => {
  it('creates a board: 201 with its id and its three links, url being the facilitator’s', async () => {
    const response = await post(JSON.stringify({ title: '  My   startup ' }), json);
    expect(response.status).toBe(201);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    const created = (await response.json()) as CreatedBoard;
    const { id, url, links } = created;
    expect(isBoardId(id)).toBe(true);
    const tokens = tokensOf(created);
    for (const role of ['facilitator', 'editor', 'viewer'] as const) {
      expect(links[role]).toBe(`${server.url}/b/${id}?t=${tokens[role]}`);
      // At least 128 random bits, base64url.
      expect(tokens[role]).toMatch(/^[A-Za-z0-9_-]{22,}$/);
    }
    expect(new Set(Object.values(tokens)).size).toBe(3);
    expect(url).toBe(links.facilitator);
    expect(response.headers.get('location')).toBe(url);

    const board = await (await fetch(`${server.url}/api/boards/${id}?t=${tokens.viewer}`)).json();
    expect(board).toMatchObject({
      id,
      title: 'My startup',
      schemaVersion: SCHEMA_VERSION,
      notes: [],
    });
  });

  it('uses the default title for {} and for an empty body', async () => {
    for (const response of [await post('{}', json), await post(undefined)]) {
      expect(response.status).toBe(201);
      const created = (await response.json()) as CreatedBoard;
      const board = (await (
        await fetch(created.links.viewer.replace('/b/', '/api/boards/'))
      ).json()) as {
        title: string;
      };
      expect(board.title).toBe(DEFAULT_TITLE);
    }
  });

  it('answers 400 with a JSON error for bad JSON, a non-object or a bad title', async () => {
    const bodies = ['{"title":', '[]', 'null', '"title"', JSON.stringify({ title: 42 })];
    bodies.push(JSON.stringify({ title: 'x'.repeat(MAX_TITLE_LENGTH + 1) }));
    for (const body of bodies) {
      const response = await post(body, json);
      expect(response.status, body).toBe(400);
      const error = (await response.json()) as { error: unknown };
      expect(typeof error.error, body).toBe('string');
    }
  });

  it('creates the example board in the chosen language, labels and links included', async () => {
    const response = await post(JSON.stringify({ example: true, locale: 'es' }), json);
    expect(response.status).toBe(201);
    const created = (await response.json()) as CreatedBoard;
    const board = (await (
      await fetch(created.links.editor.replace('/b/', '/api/boards/'))
    ).json()) as {
      title: string;
      notes: {
        block: string;
        text: string;
        relationship: Record<string, unknown>;
        links: { channels: string[]; segments: string[] };
      }[];
    };
    expect(board.title).toMatch(/^Ejemplo/);
    const relationships = board.notes.filter((n) => n.block === 'customerRelationships');
    expect(relationships.length).toBeGreaterThan(0);
    expect(relationships.every((n) => n.relationship.type && n.links.segments.length > 0)).toBe(
      true,
    );
    expect(board.notes.map((n) => n.text)).toContain('Soporte por email y chat');
  });

  it('refuses a bad example flag or locale with 400', async () => {
    for (const body of [{ example: 'yes' }, { example: true, locale: 'fr' }]) {
      const response = await post(JSON.stringify(body), json);
      expect(response.status, JSON.stringify(body)).toBe(400);
    }
  });

  it('answers 415 for a body that is not application/json', async () => {
    const response = await post('title=x', { 'content-type': 'application/x-www-form-urlencoded' });
    expect(response.status).toBe(415);
    expect(await response.json()).toEqual({ error: 'the body must be application/json' });
    const untyped = await fetch(`${server.url}/api/boards`, {
      method: 'POST',
      body: new Blob(['{}']),
    });
    expect(untyped.status).toBe(415);
  });

  it('accepts application/json with a charset', async () => {
    const response = await post('{}', { 'content-type': 'application/json; charset=utf-8' });
    expect(response.status).toBe(201);
  });

  it('answers 413 for a body over 64 KiB, declared or streamed', async () => {
    const big = JSON.stringify({ title: 'x'.repeat(64 * 1024) });
    const response = await post(big, json);
    expect(response.status).toBe(413);
    expect(((await response.json()) as { error: string }).error).toMatch(/at most 65536 bytes/);

    // Without Content-Length (chunked), the limit applies while reading.
    const status = await new Promise<number>((resolve, reject) => {
      const req = request(`${server.url}/api/boards`, { method: 'POST', headers: json }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', reject);
      for (let i = 0; i < 10; i++) req.write('x'.repeat(10 * 1024));
      req.end();
    });
    expect(status).toBe(413);
  });

  it('answers 405 with Allow for other methods', async () => {
    const response = await fetch(`${server.url}/api/boards`, { method: 'GET' });
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('POST');
    expect(((await response.json()) as { error: string }).error).toMatch(/not allowed/);
  });
});

describe('GET /api/boards/<id>', () => {
  it('answers 404 JSON for an unknown board and 400 for a malformed id', async () => {
    const unknown = await fetch(`${server.url}/api/boards/${newBoardId()}`);
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toEqual({ error: 'no such board' });
    const malformed = await fetch(`${server.url}/api/boards/nope`);
    expect(malformed.status).toBe(400);
    expect(await malformed.json()).toEqual({ error: 'malformed board id' });
  });

  it('answers 405 with Allow for other methods', async () => {
    const response = await fetch(`${server.url}/api/boards/${newBoardId()}`, { method: 'DELETE' });
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('GET, HEAD');
  });

  it('reads the live document while the board is being edited, and the store after', async () => {
    const id = await server.createBoard('Live');
    const a = connectClient(server.url, id, server.token(id));
    const b = connectClient(server.url, id, server.token(id));
    try {
      await a.synced;
      const note = createNote(a.doc, { x: 10, y: 10, author: 'Ana', text: 'Key partners' });
      await waitForNotes([b], [note]);
      const live = (await (await server.getBoard(id)).json()) as {
        notes: { id: string; text: string; author: string }[];
      };
      expect(live.notes).toMatchObject([{ id: note, text: 'Key partners', author: 'Ana' }]);
    } finally {
      a.destroy();
      b.destroy();
    }
    await expect.poll(() => server.server.loadedBoards()).toEqual([]);
    const stored = (await (await server.getBoard(id)).json()) as {
      notes: unknown[];
    };
    expect(stored.notes).toHaveLength(1);
    // Reading from the store does not load the board into memory.
    expect(server.server.loadedBoards()).toEqual([]);
  });
});

describe('other routes', () => {
  it('GET /api/health answers 200 {ok:true}', async () => {
    const response = await fetch(`${server.url}/api/health`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ok: true });
  });

  it('unknown API routes answer 404 JSON; other paths go to the app handler', async () => {
    const api = await fetch(`${server.url}/api/nothing`);
    expect(api.status).toBe(404);
    expect(((await api.json()) as { error: string }).error).toBeTypeOf('string');
    const page = await fetch(`${server.url}/b/whatever`);
    expect(page.status).toBe(404);
  });

  it('publishes the board directory for the Next pages', async () => {
    const id = await server.createBoard();
    const directory = getBoardDirectory();
    expect(await directory?.boardExists(id)).toBe(true);
    expect(await directory?.boardExists(newBoardId())).toBe(false);
    expect(await directory?.boardExists('../etc/passwd')).toBe(false);
    expect(await directory?.roleFor(id, server.token(id, 'viewer'))).toBe('viewer');
    expect(await directory?.roleFor(id, server.token(id, 'facilitator'))).toBe('facilitator');
    expect(await directory?.roleFor(id, 'wrong')).toBeNull();
    expect(await directory?.roleFor(id, null)).toBeNull();
    expect(await directory?.roleFor('../etc/passwd', server.token(id))).toBeNull();
  });
});
