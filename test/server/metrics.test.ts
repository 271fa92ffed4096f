import { networkInterfaces } from 'node:os';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { readBoard, setBoardTitle } from '../../lib/doc';
import { startLienzoServer, type LienzoServer } from '../../server/app-server';
import { connectClient } from '../helpers/clients';
import { recordingLogger } from '../helpers/logger';
import { rawRequest } from '../helpers/raw-http';
import { makeTempDir } from '../helpers/temp-dir';
import { startTestServer, type TestServer } from '../helpers/test-server';
import { waitFor } from '../helpers/wait';
import { sample } from '../helpers/metrics-text';

/** The operator's scrape, as Prometheus sends it: a raw HTTP GET on its own connection. */
async function scrape(url: string, headers: Record<string, string> = {}, path = '/metrics') {
  const host = new URL(url).host;
  const extra = Object.entries(headers).map(([name, value]) => `${name}: ${value}\r\n`);
  const answer = await rawRequest(
    url,
    `GET ${path} HTTP/1.1\r\nHost: ${host}\r\n${extra.join('')}Connection: close\r\n\r\n`,
    { giveUpMs: 5_000 },
  );
  const [head = '', body = ''] = answer.text.split('\r\n\r\n');
  return { status: answer.status, head, body };
}

/** This machine's first address that is not loopback: a peer from it is not "local". */
function outsideAddress(): string {
  for (const entries of Object.values(networkInterfaces()))
    for (const entry of entries ?? [])
      if (entry.family === 'IPv4' && !entry.internal) return entry.address;
  throw new Error('this machine has no non-loopback IPv4 address to test from');
}

const BOARD_SOCKETS = 'lienzo_open_sockets';
const LOADED_BOARDS = 'lienzo_loaded_rooms{kind="board"}';

describe('GET /metrics', () => {
  let server: TestServer | undefined;
  let other: LienzoServer | undefined;
  const temp = makeTempDir();
  afterEach(async () => {
    await server?.stop();
    await other?.close();
    server = other = undefined;
  });
  afterAll(() => temp.remove());

  it('counts a stock client socket and its loaded board while it is connected, and not after', async () => {
    server = await startTestServer();
    const id = await server.createBoard();
    const before = await scrape(server.url);
    expect(before.status).toBe(200);
    expect(before.head).toMatch(/content-type: text\/plain; version=0\.0\.4/i);
    expect(sample(before.body, BOARD_SOCKETS)).toBe(0);
    expect(sample(before.body, LOADED_BOARDS)).toBe(0);

    const client = connectClient(server.url, id, server.token(id));
    await client.synced;
    const during = await scrape(server.url);
    expect(sample(during.body, BOARD_SOCKETS)).toBe(1);
    expect(sample(during.body, LOADED_BOARDS)).toBe(1);

    client.destroy();
    let after = during;
    const deadline = Date.now() + 5_000;
    while (sample(after.body, BOARD_SOCKETS) !== 0 && Date.now() < deadline)
      after = await scrape(server.url);
    expect(sample(after.body, BOARD_SOCKETS)).toBe(0);
    await waitFor(() => server!.server.loadedBoards().length === 0, 'the board to unload');
    expect(sample((await scrape(server.url)).body, LOADED_BOARDS)).toBe(0);
  });

  it('shows the process default metrics, the store and relay series and the API requests', async () => {
    server = await startTestServer();
    await server.createBoard();
    const { body } = await scrape(server.url);
    expect(body).toMatch(/^process_cpu_user_seconds_total /m);
    expect(body).toMatch(/^nodejs_eventloop_lag_seconds /m);
    expect(body).toMatch(/^# TYPE lienzo_updates_applied_total counter$/m);
    expect(body).toMatch(/^# TYPE lienzo_store_write_seconds histogram$/m);
    expect(body).toMatch(/^# TYPE lienzo_relay_seconds histogram$/m);
    expect(sample(body, 'lienzo_store_queue_depth')).toBe(0);
    expect(sample(body, 'lienzo_http_requests_total{kind="api",status="2xx"}')).toBe(1);
    // No Redis or PostgreSQL here: "not configured", and no up/down series to alert on.
    expect(sample(body, 'lienzo_dependency_configured{dependency="redis"}')).toBe(0);
    expect(sample(body, 'lienzo_dependency_configured{dependency="postgres"}')).toBe(0);
    expect(body).not.toMatch(/^lienzo_dependency_up/m);
  });

  it("counts a stock client's stored and relayed updates and times their store writes", async () => {
    server = await startTestServer();
    const id = await server.createBoard();
    const writer = connectClient(server.url, id, server.token(id));
    const reader = connectClient(server.url, id, server.token(id));
    await Promise.all([writer.synced, reader.synced]);
    setBoardTitle(writer.doc, 'Counted');
    await waitFor(() => readBoard(reader.doc).meta.title === 'Counted', 'the relay');
    const { body } = await scrape(server.url);
    writer.destroy();
    reader.destroy();
    expect(sample(body, 'lienzo_updates_applied_total')).toBeGreaterThanOrEqual(1);
    expect(sample(body, 'lienzo_store_write_seconds_count')).toBeGreaterThanOrEqual(1);
    expect(sample(body, 'lienzo_relay_seconds_count')).toBeGreaterThanOrEqual(1);
  });

  it('keeps each server of a process to its own numbers', async () => {
    server = await startTestServer();
    other = await startLienzoServer({
      port: 0,
      host: '127.0.0.1',
      dataDir: temp.path,
      logger: recordingLogger(),
    });
    const id = await server.createBoard();
    const client = connectClient(server.url, id, server.token(id));
    await client.synced;
    expect(sample((await scrape(server.url)).body, BOARD_SOCKETS)).toBe(1);
    expect(sample((await scrape(other.url)).body, BOARD_SOCKETS)).toBe(0);
    client.destroy();
  });

  it('refuses a scrape that a proxy on this machine forwarded for an outsider', async () => {
    server = await startTestServer();
    const forwarded = await scrape(server.url, { 'X-Forwarded-For': '203.0.113.9' });
    expect(forwarded.status).toBe(403);
    expect(forwarded.body).not.toMatch(/lienzo_/);
    expect((await scrape(server.url, { Forwarded: 'for=203.0.113.9' })).status).toBe(403);
  });

  it('refuses a peer from another address when no token is set', async () => {
    other = await startLienzoServer({
      port: 0,
      host: '0.0.0.0',
      dataDir: temp.path,
      logger: recordingLogger(),
    });
    const outside = await scrape(`http://${outsideAddress()}:${other.port}`);
    expect(outside.status).toBe(403);
    expect(outside.body).not.toMatch(/lienzo_/);
    expect((await scrape(`http://127.0.0.1:${other.port}`)).status).toBe(200);
  });

  it('with LIENZO_METRICS_TOKEN, serves only its bearer, from any address', async () => {
    const metricsToken = 'operator-secret-0123456789';
    other = await startLienzoServer({
      port: 0,
      host: '0.0.0.0',
      dataDir: temp.path,
      logger: recordingLogger(),
      metricsToken,
    });
    const local = `http://127.0.0.1:${other.port}`;
    const created = await fetch(`${local}/api/boards`, { method: 'POST' });
    const { links } = (await created.json()) as { links: { facilitator: string } };
    const boardToken = new URL(links.facilitator).searchParams.get('t')!;

    const none = await scrape(local);
    expect(none.status).toBe(401);
    expect(none.head).toMatch(/www-authenticate: Bearer/i);
    expect(none.body).not.toMatch(/lienzo_/);
    expect((await scrape(local, { Authorization: 'Bearer wrong-secret-0123456789' })).status).toBe(
      401,
    );
    // A board link holder's token opens the board, never the operator's endpoint.
    expect((await scrape(local, { Authorization: `Bearer ${boardToken}` })).status).toBe(401);
    // Not in the query: it would land in access logs.
    expect((await scrape(local, {}, `/metrics?t=${metricsToken}`)).status).toBe(401);

    const bearer = { Authorization: `Bearer ${metricsToken}` };
    expect((await scrape(local, bearer)).status).toBe(200);
    const outside = await scrape(`http://${outsideAddress()}:${other.port}`, bearer);
    expect(outside.status).toBe(200);
    expect(outside.body).toMatch(/^lienzo_open_sockets 0$/m);
  });
});
