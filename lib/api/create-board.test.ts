import { describe, expect, it } from 'vitest';
import { BOARDS_ENDPOINT, createBoard } from './create-board';

const BOARD_ID = 'AbCdEfGhIjKlMnOpQrStUv';

function answering(status: number, body: unknown): typeof fetch {
  return async () =>
    new Response(typeof body === 'string' ? body : JSON.stringify(body), {
      status,
      headers: { 'content-type': 'application/json' },
    });
}

describe('createBoard', () => {
  it('posts the title as JSON and returns the new id', async () => {
    let seen: { url: string; init: RequestInit | undefined } | null = null;
    const fetchImpl: typeof fetch = async (url, init) => {
      seen = { url: String(url), init };
      const link = `http://localhost:3000/b/${BOARD_ID}?t=secret_token`;
      return new Response(JSON.stringify({ id: BOARD_ID, url: link }), { status: 201 });
    };
    expect(await createBoard('Café', fetchImpl)).toEqual({
      ok: true,
      id: BOARD_ID,
      path: `/b/${BOARD_ID}?t=secret_token`,
    });
    expect(seen).not.toBeNull();
    const { url, init } = seen!;
    expect(url).toBe(BOARDS_ENDPOINT);
    expect(init?.method).toBe('POST');
    expect(JSON.parse(String(init?.body))).toEqual({ title: 'Café' });
  });

  it('reports a network failure as unreachable', async () => {
    const failing: typeof fetch = async () => {
      throw new TypeError('Failed to fetch');
    };
    expect(await createBoard('x', failing)).toEqual({ ok: false, reason: 'unreachable' });
    expect(await createBoard('x', answering(503, 'down'))).toEqual({
      ok: false,
      reason: 'unreachable',
    });
  });

  it('recognises a rejected title', async () => {
    const tooLong = answering(400, { error: 'title must be at most 120 characters' });
    expect(await createBoard('x', tooLong)).toEqual({ ok: false, reason: 'titleTooLong' });
  });

  it('reports other failures, and odd success bodies, as failed', async () => {
    expect(await createBoard('x', answering(500, { error: 'boom' }))).toEqual({
      ok: false,
      reason: 'failed',
    });
    expect(await createBoard('x', answering(201, 'not json'))).toEqual({
      ok: false,
      reason: 'failed',
    });
    expect(await createBoard('x', answering(201, { id: '../x' }))).toEqual({
      ok: false,
      reason: 'failed',
    });
    // A link to another board, or none at all.
    const other = { id: BOARD_ID, url: '/b/BBBBBBBBBBBBBBBBBBBBBB?t=x' };
    expect(await createBoard('x', answering(201, other))).toEqual({ ok: false, reason: 'failed' });
    expect(await createBoard('x', answering(201, { id: BOARD_ID }))).toEqual({
      ok: false,
      reason: 'failed',
    });
  });
});

describe('createBoard for the example board', () => {
  it('asks the API for the example in the chosen language', async () => {
    let sent: unknown;
    const fetchImpl = (async (_url: string, init?: RequestInit) => {
      sent = JSON.parse(String(init?.body));
      const url = '/b/AAAAAAAAAAAAAAAAAAAAAA?t=tok';
      return new Response(JSON.stringify({ id: 'AAAAAAAAAAAAAAAAAAAAAA', url }), {
        status: 201,
      });
    }) as typeof fetch;
    expect(await createBoard({ example: true, locale: 'es' }, fetchImpl)).toEqual({
      ok: true,
      id: 'AAAAAAAAAAAAAAAAAAAAAA',
      path: '/b/AAAAAAAAAAAAAAAAAAAAAA?t=tok',
    });
    expect(sent).toEqual({ example: true, locale: 'es' });
  });
});
