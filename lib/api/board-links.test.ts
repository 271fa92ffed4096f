import { describe, expect, it } from 'vitest';
import { fetchBoardLinks, regenerateBoardLink } from './board-links';

const LINKS = {
  facilitator: 'http://h/b/AbCdEfGhIjKlMnOpQrStUv?t=f',
  editor: 'http://h/b/AbCdEfGhIjKlMnOpQrStUv?t=e',
  viewer: 'http://h/b/AbCdEfGhIjKlMnOpQrStUv?t=v',
};

function recording(status: number, body: unknown) {
  const calls: { url: string; init: RequestInit | undefined }[] = [];
  const fetchImpl = (async (url: string, init?: RequestInit) => {
    calls.push({ url, init });
    return new Response(JSON.stringify(body), { status });
  }) as typeof fetch;
  return { calls, fetchImpl };
}

describe('board links API', () => {
  it('reads the links with the token in a Bearer header, not in the URL', async () => {
    const { calls, fetchImpl } = recording(200, { role: 'facilitator', links: LINKS });
    expect(await fetchBoardLinks('AbCdEfGhIjKlMnOpQrStUv', 'tok', fetchImpl)).toEqual({
      ok: true,
      links: LINKS,
    });
    expect(calls[0]?.url).toBe('/api/boards/AbCdEfGhIjKlMnOpQrStUv/links');
    expect(new Headers(calls[0]?.init?.headers).get('authorization')).toBe('Bearer tok');
  });

  it('posts the role to regenerate', async () => {
    const { calls, fetchImpl } = recording(200, {
      role: 'viewer',
      url: LINKS.viewer,
      links: LINKS,
    });
    expect((await regenerateBoardLink('id', 'tok', 'viewer', fetchImpl)).ok).toBe(true);
    expect(calls[0]?.init?.method).toBe('POST');
    expect(JSON.parse(String(calls[0]?.init?.body))).toEqual({ role: 'viewer' });
  });

  it('reports refusals, odd bodies and network failures as not ok', async () => {
    expect(await fetchBoardLinks('id', 'x', recording(403, { error: 'no' }).fetchImpl)).toEqual({
      ok: false,
    });
    const partial = recording(200, { links: { facilitator: 'a', editor: 'b' } }).fetchImpl;
    expect(await fetchBoardLinks('id', 'x', partial)).toEqual({ ok: false });
    const failing = (async () => {
      throw new TypeError('Failed to fetch');
    }) as typeof fetch;
    expect(await regenerateBoardLink('id', 'x', 'editor', failing)).toEqual({ ok: false });
  });
});
