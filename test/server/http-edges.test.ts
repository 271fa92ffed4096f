import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSocket } from '../helpers/clients';
import { rawRequest } from '../helpers/raw-http';
import { startTestServer, type TestServer } from '../helpers/test-server';

/** Small timeouts, so a trickling client is cut off within a test's patience. */
const HEADERS_TIMEOUT_MS = 400;
const REQUEST_TIMEOUT_MS = 800;
/** Node checks timeouts on an interval and a loaded machine is late: the bound we accept. */
const CUT_OFF_MARGIN_MS = 1_500;
/** A byte every this many ms: a client that would take minutes to send a small body. */
const TRICKLE_INTERVAL_MS = 100;

let server: TestServer;
let boardId: string;

beforeAll(async () => {
  server = await startTestServer({
    headersTimeoutMs: HEADERS_TIMEOUT_MS,
    requestTimeoutMs: REQUEST_TIMEOUT_MS,
  });
  boardId = await server.createBoard('Headers');
});

afterAll(async () => {
  await server.stop();
});

describe('every response says nosniff, and non-pages allow nothing', () => {
  const expectProtected = (headers: Headers) => {
    expect(headers.get('x-content-type-options')).toBe('nosniff');
    expect(headers.get('referrer-policy')).toBe('no-referrer');
    expect(headers.get('x-frame-options')).toBe('DENY');
  };

  it('on API answers, errors and downloads', async () => {
    const token = server.token(boardId);
    const answers = await Promise.all([
      fetch(`${server.url}/api/health`),
      fetch(`${server.url}/api/boards/${boardId}?t=${token}`),
      fetch(`${server.url}/api/boards/${boardId}`), // 403
      fetch(`${server.url}/api/nothing`), // 404
      fetch(`${server.url}/api/boards/${boardId}/export?format=csv&t=${token}`),
      fetch(`${server.url}/sync/${boardId}`), // 426: not a WebSocket request
    ]);
    expect(answers.map((a) => a.status)).toEqual([200, 200, 403, 404, 200, 426]);
    for (const answer of answers) {
      expectProtected(answer.headers);
      expect(answer.headers.get('content-security-policy')).toBe(
        "default-src 'none'; frame-ancestors 'none'",
      );
    }
  });

  it('on the app (pages, files, their 404)', async () => {
    const answer = await fetch(`${server.url}/b/${boardId}`); // no Next here: the 404 default
    expectProtected(answer.headers);
  });

  it('on a refused WebSocket upgrade', async () => {
    const answer = await rawRequest(
      server.url,
      `GET /sync/${boardId} HTTP/1.1\r\nHost: x\r\nConnection: Upgrade\r\nUpgrade: websocket\r\n` +
        'Sec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n',
    );
    expect(answer.status).toBe(403);
    expect(answer.text).toMatch(/\r\nX-Content-Type-Options: nosniff\r\n/i);
    expect(answer.text).toMatch(/\r\nReferrer-Policy: no-referrer\r\n/i);
  });
});

describe('broken percent-encoding', () => {
  for (const path of ['/b/%zz', '/b/%C0%AE%C0%AE', '/api/boards/%zz', '/api/boards/%C0%AE']) {
    it(`${path} is a 400`, async () => {
      const answer = await rawRequest(
        server.url,
        `GET ${path} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`,
        {
          giveUpMs: 2_000,
        },
      );
      expect(answer.status).toBe(400);
    });
  }

  it('on the sync path too', async () => {
    expect((await openSocket(server.url, '/sync/%zz')).status).toBe(400);
  });
});

describe('a slow client is cut off', () => {
  it('headers trickled a byte at a time: 408 within the headers timeout', async () => {
    const answer = await rawRequest(server.url, 'GET /api/health HTTP/1.1\r\n', {
      trickle: 'Host: example.invalid\r\nX-Pad: '.padEnd(200, 'a'),
      byteIntervalMs: TRICKLE_INTERVAL_MS,
    });
    expect(answer.status).toBe(408);
    expect(answer.closedAfterMs).toBeLessThan(HEADERS_TIMEOUT_MS + CUT_OFF_MARGIN_MS);
  });

  for (const path of ['/api/boards', '/api/boards/import']) {
    it(`a body trickled to ${path}: 408 within the request timeout`, async () => {
      const body = JSON.stringify({ title: 'slow'.repeat(20) });
      const answer = await rawRequest(
        server.url,
        `POST ${path} HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n` +
          `Content-Length: ${body.length}\r\n\r\n`,
        { trickle: body, byteIntervalMs: TRICKLE_INTERVAL_MS },
      );
      expect(answer.status).toBe(408);
      expect(answer.text).toMatch(/"error":/);
      expect(answer.closedAfterMs).toBeLessThan(REQUEST_TIMEOUT_MS + CUT_OFF_MARGIN_MS);
    });
  }

  it('a request that arrives in time is served', async () => {
    const answer = await fetch(`${server.url}/api/boards`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ title: 'quick' }),
    });
    expect(answer.status).toBe(201);
  });
});
