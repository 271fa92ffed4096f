import { describe, expect, it } from 'vitest';
import { fetchVersionState, listVersions, saveVersion } from './snapshots';

const VERSION = { id: 'snap_AAAAAAAAAAAAAAAA', name: 'Draft', kind: 'manual', createdAt: 1 };

function recording(status: number, body: unknown) {
  const calls: { url: string; init: RequestInit | undefined }[] = [];
  const fetchImpl = (async (url: string, init?: RequestInit) => {
    calls.push({ url, init });
    return new Response(JSON.stringify(body), { status });
  }) as typeof fetch;
  return { calls, fetchImpl };
}

describe('versions API', () => {
  it('lists versions with the token in a Bearer header, dropping malformed entries', async () => {
    const { calls, fetchImpl } = recording(200, { snapshots: [VERSION, { id: 3 }] });
    expect(await listVersions('board', 'tok', fetchImpl)).toEqual([VERSION]);
    expect(calls[0]?.url).toBe('/api/boards/board/snapshots');
    expect(new Headers(calls[0]?.init?.headers).get('authorization')).toBe('Bearer tok');
    expect(await listVersions('board', 'tok', recording(403, {}).fetchImpl)).toBeNull();
  });

  it('posts a name to save, and answers null when refused', async () => {
    const { calls, fetchImpl } = recording(201, VERSION);
    expect(await saveVersion('board', 'tok', 'Draft', fetchImpl)).toEqual(VERSION);
    expect(calls[0]?.init?.method).toBe('POST');
    expect(calls[0]?.init?.body).toBe(JSON.stringify({ name: 'Draft' }));
    expect(await saveVersion('b', 't', 'x', recording(403, { error: 'no' }).fetchImpl)).toBeNull();
  });

  it('decodes a version’s base64 state', async () => {
    const { calls, fetchImpl } = recording(200, { ...VERSION, state: btoa('\x01\x02\xff') });
    expect(await fetchVersionState('board', 'tok', VERSION.id, fetchImpl)).toEqual(
      new Uint8Array([1, 2, 255]),
    );
    expect(calls[0]?.url).toBe(`/api/boards/board/snapshots/${VERSION.id}`);
    expect(await fetchVersionState('b', 't', 'x', recording(404, {}).fetchImpl)).toBeNull();
  });
});
