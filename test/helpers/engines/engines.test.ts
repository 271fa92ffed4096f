import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { createClient } from 'redis';
import { afterAll, describe, expect, it } from 'vitest';
import { acceptsConnections, LOOPBACK } from './free-port';
import { startHaproxy } from './haproxy';
import { usePostgres } from './postgres';
import { startRedis, useRedis } from './redis';

/** Runs one query on a fresh connection, as a server starting up would. */
async function query(url: string, sql: string): Promise<pg.QueryResult> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 1_000 });
  client.on('error', () => {});
  await client.connect();
  try {
    return await client.query(sql);
  } finally {
    await client.end();
  }
}

describe('PostgreSQL harness', () => {
  const postgres = usePostgres();

  it('answers on loopback with a fresh database per call', async () => {
    await query(postgres.url, 'CREATE TABLE t (n int)');
    const other = await postgres.engine.createDatabase();
    expect(other).not.toBe(postgres.url);
    const tables = await query(
      other,
      `SELECT count(*)::int AS n FROM pg_tables WHERE tablename = 't'`,
    );
    expect(tables.rows[0].n).toBe(0);
  });

  it('stops (fast and immediate) and starts again on the same port with the data', async () => {
    await query(postgres.url, 'CREATE TABLE kept (n int); INSERT INTO kept VALUES (1)');
    await postgres.engine.stop('clean');
    expect(postgres.engine.running).toBe(false);
    await expect(query(postgres.url, 'SELECT 1')).rejects.toThrow();
    await postgres.engine.start();
    await query(postgres.url, 'INSERT INTO kept VALUES (2)');
    // An immediate stop skips the checkpoint: what was committed comes back through recovery.
    await postgres.engine.stop('crash');
    await postgres.engine.start();
    const rows = await query(postgres.url, 'SELECT n FROM kept ORDER BY n');
    expect(rows.rows.map((row) => row.n)).toEqual([1, 2]);
  });

  it('stops for a while and comes back by itself', async () => {
    const started = Date.now();
    const back = postgres.engine.stopFor(500);
    await new Promise((resolve) => setTimeout(resolve, 200));
    await expect(query(postgres.url, 'SELECT 1')).rejects.toThrow();
    await back;
    expect(Date.now() - started).toBeGreaterThanOrEqual(500);
    expect((await query(postgres.url, 'SELECT 1 AS one')).rows[0].one).toBe(1);
  });
});

describe('Redis harness', () => {
  const redis = useRedis();

  it('answers, keeps nothing across a restart, and comes back on the same port', async () => {
    const client = createClient({ url: redis.engine.url });
    await client.connect();
    await client.set('k', 'v');
    expect(await client.get('k')).toBe('v');
    client.destroy();
    await redis.engine.stop('crash');
    expect(await acceptsConnections(redis.engine.port)).toBe(false);
    await redis.engine.start();
    const again = createClient({ url: redis.engine.url });
    await again.connect();
    expect(await again.get('k')).toBeNull();
    again.destroy();
  });
});

describe('HAProxy harness', () => {
  let backend: Server;
  afterAll(() => backend?.close());

  it('proxies to the backend the configuration names, and restarts', async () => {
    backend = createServer((_request, response) => response.end('through'));
    await new Promise<void>((resolve) => backend.listen(0, LOOPBACK, resolve));
    const address = backend.address();
    if (!address || typeof address !== 'object') throw new Error('no backend address');
    const proxy = await startHaproxy({
      config: `defaults
  mode http
  timeout connect 1s
  timeout client 5s
  timeout server 5s
frontend front
  bind ${LOOPBACK}:"$\{LIENZO_PROXY_PORT}"
  default_backend back
backend back
  server one ${LOOPBACK}:"$\{BACKEND_PORT}"
`,
      env: { BACKEND_PORT: String(address.port) },
    });
    try {
      expect(await (await fetch(proxy.url)).text()).toBe('through');
      await proxy.stop();
      await expect(fetch(proxy.url)).rejects.toThrow();
      await proxy.start();
      expect(await (await fetch(proxy.url)).text()).toBe('through');
    } finally {
      await proxy.destroy();
    }
    expect(existsSync(proxy.folder)).toBe(false);
  });
});

const LEFT_RUNNING = fileURLToPath(
  new URL('../../fixtures/engine-left-running.ts', import.meta.url),
);

/** Runs the fixture that starts Redis and ends without stopping it; what it printed. */
function runLeftRunning(how: 'exit' | 'throw'): Promise<{ port: number; folder: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', LEFT_RUNNING, how], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.once('exit', () => {
      const line = out.split('\n').find((text) => text.startsWith('{'));
      if (line) resolve(JSON.parse(line) as { port: number; folder: string });
      else reject(new Error(`the fixture printed nothing:\n${err}`));
    });
  });
}

describe('clean-up when a test process ends without stopping its engines', () => {
  for (const how of ['exit', 'throw'] as const) {
    it(`leaves no engine and no folder behind (${how})`, async () => {
      const { port, folder } = await runLeftRunning(how);
      // SIGKILL is asynchronous: give the dying engine a moment to let go of its port.
      const deadline = Date.now() + 2_000;
      while ((await acceptsConnections(port)) && Date.now() < deadline)
        await new Promise((resolve) => setTimeout(resolve, 50));
      expect(await acceptsConnections(port)).toBe(false);
      expect(existsSync(folder)).toBe(false);
    });
  }

  it('two engines started at once get different ports and folders', async () => {
    // As vitest runs files in parallel: each asks the OS for its own port.
    const [a, b] = await Promise.all([startRedis(), startRedis()]);
    try {
      expect(a.port).not.toBe(b.port);
      expect(a.folder).not.toBe(b.folder);
    } finally {
      await Promise.all([a.destroy(), b.destroy()]);
    }
  });
});
