import { afterEach, describe, expect, it } from 'vitest';
import { openSocket } from '../helpers/clients';
import { startTestServer, type TestServer } from '../helpers/test-server';

/** Small limits, so a test reaches each in a few requests. */
const QUOTAS = { boardsPerHour: 2, importsPerHour: 1, socketsPerMinute: 3 };
const SECONDS_PER_HOUR = 3_600;

let server: TestServer;

afterEach(async () => {
  await server.stop();
});

function post(path: string, body: string, headers: Record<string, string> = {}) {
  return fetch(`${server.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body,
  });
}

async function expectTooMany(response: Response, what: RegExp, withinSeconds: number) {
  expect(response.status).toBe(429);
  expect(((await response.json()) as { error: string }).error).toMatch(what);
  const retryAfter = Number(response.headers.get('retry-after'));
  expect(retryAfter).toBeGreaterThanOrEqual(1);
  expect(retryAfter).toBeLessThanOrEqual(withinSeconds);
}

describe('per-address quotas', () => {
  it('creating boards: the third in an hour is a 429 with Retry-After', async () => {
    server = await startTestServer({ quotas: QUOTAS });
    expect((await post('/api/boards', '{}')).status).toBe(201);
    expect((await post('/api/boards', '{"example":true}')).status).toBe(201);
    const refused = await post('/api/boards', '{}');
    // The bucket refills at 2 an hour: one more board in half an hour.
    await expectTooMany(refused, /too many boards created/, SECONDS_PER_HOUR / 2);
  });

  it('importing boards: refused files count, the next import is a 429', async () => {
    server = await startTestServer({ quotas: QUOTAS });
    expect((await post('/api/boards/import', '{"format":"nonsense"}')).status).toBe(400);
    await expectTooMany(
      await post('/api/boards/import', '{}'),
      /too many boards imported/,
      SECONDS_PER_HOUR,
    );
    // Creating a board is a quota of its own.
    expect((await post('/api/boards', '{}')).status).toBe(201);
  });

  it('sync sockets: past the limit the upgrade is an HTTP 429, refused attempts included', async () => {
    server = await startTestServer({ quotas: QUOTAS });
    const id = await server.createBoard();
    const path = `/sync/${id}?t=${server.token(id)}`;
    const first = await openSocket(server.url, path);
    expect((await openSocket(server.url, `/sync/${id}?t=wrong`)).status).toBe(403);
    const third = await openSocket(server.url, path);
    expect(first.socket && third.socket).toBeTruthy();
    const refused = await openSocket(server.url, path);
    expect(refused.status).toBe(429);
    expect(JSON.parse(refused.body ?? '{}')).toEqual({
      error: expect.stringMatching(/too many sync connections/),
    });
    first.socket?.terminate();
    third.socket?.terminate();
  });

  it('X-Forwarded-For is ignored unless a trusted proxy is configured', async () => {
    server = await startTestServer({ quotas: QUOTAS });
    for (const client of ['203.0.113.1', '203.0.113.2'])
      expect((await post('/api/boards', '{}', { 'x-forwarded-for': client })).status).toBe(201);
    // Same socket address: a third "client" is the same address, over its quota.
    expect((await post('/api/boards', '{}', { 'x-forwarded-for': '203.0.113.3' })).status).toBe(
      429,
    );
  });

  it('behind a trusted proxy, the address it appended is the client', async () => {
    server = await startTestServer({ quotas: QUOTAS, trustProxy: true });
    const from = (address: string) => ({ 'x-forwarded-for': `10.9.9.9, ${address}` });
    expect((await post('/api/boards', '{}', from('203.0.113.1'))).status).toBe(201);
    expect((await post('/api/boards', '{}', from('203.0.113.1'))).status).toBe(201);
    expect((await post('/api/boards', '{}', from('203.0.113.1'))).status).toBe(429);
    // Another client behind the same proxy keeps its own quota; the spoofable first entry
    // (written by the client itself) changes nothing.
    expect((await post('/api/boards', '{}', from('203.0.113.2'))).status).toBe(201);
  });
});
