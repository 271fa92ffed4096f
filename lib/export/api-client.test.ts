import { describe, expect, it } from 'vitest';
import { fetchExport, importBoardFile } from './api-client';

const ID = 'AAAAAAAAAAAAAAAAAAAAAA';

function answering(status: number, body: unknown): typeof fetch {
  return (async () =>
    new Response(JSON.stringify(body), {
      status,
      headers: { 'content-type': 'application/json' },
    })) as typeof fetch;
}

describe('importBoardFile', () => {
  it('gives the new board’s facilitator link as a path on this origin', async () => {
    const result = await importBoardFile(
      '{}',
      answering(201, { id: ID, url: `http://example.org:3000/b/${ID}?t=secret` }),
    );
    expect(result).toEqual({ ok: true, id: ID, path: `/b/${ID}?t=secret` });
  });

  it('passes on the problems the server found, and how many there were', async () => {
    const issue = {
      at: 'title',
      problem: 'invalid',
      expected: 'shortText',
      params: { value: '"xxxx"', max: 120 },
      detail: 'title: "xxxx" is not valid; it must be text of at most 120 characters.',
    };
    const result = await importBoardFile(
      '{}',
      answering(400, { error: 'x', issues: [issue, { bogus: true }], count: 7 }),
    );
    expect(result).toEqual({ ok: false, reason: 'refused', issues: [issue], count: 7 });
  });

  it('tells an unreachable server from a failure', async () => {
    const offline = (async () => {
      throw new TypeError('fetch failed');
    }) as typeof fetch;
    expect(await importBoardFile('{}', offline)).toMatchObject({ reason: 'unreachable' });
    expect(await importBoardFile('{}', answering(502, {}))).toMatchObject({
      reason: 'unreachable',
    });
    expect(await importBoardFile('{}', answering(201, { id: 'bad' }))).toMatchObject({
      reason: 'failed',
    });
  });
});

describe('fetchExport', () => {
  it('asks with the token as a bearer header and fails on an error status', async () => {
    let seen: [string, RequestInit | undefined] | undefined;
    const ok = (async (url: string, init?: RequestInit) => {
      seen = [url, init];
      return new Response('a,b\r\n');
    }) as typeof fetch;
    const blob = await fetchExport(ID, 'tok', 'csv', 'es', ok);
    expect(await blob.text()).toBe('a,b\r\n');
    expect(seen![0]).toBe(`/api/boards/${ID}/export?format=csv&locale=es`);
    expect(seen![1]!.headers).toEqual({ authorization: 'Bearer tok' });
    await expect(fetchExport(ID, 'tok', 'json', 'en', answering(403, {}))).rejects.toThrow(/403/);
  });
});
