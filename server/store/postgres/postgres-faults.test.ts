import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { newBoardId, type BoardId } from '../../../lib/model';
import { issueTokens } from '../../auth/tokens';
import { freePort } from '../../../test/helpers/engines/free-port';
import { accountToRunAs, usePostgres } from '../../../test/helpers/engines/postgres';
import { mountTinyDisk, type TinyDisk } from '../../../test/helpers/engines/tiny-disk';
import { recordingLogger } from '../../../test/helpers/logger';
import { waitFor } from '../../../test/helpers/wait';
import { StoreOpenError } from '../store';
import type { Store } from '../store';
import { CONNECT_TIMEOUT_MS } from './pool';
import { PostgresStore, PROBE_DEADLINE_MS } from './postgres-store';

/**
 * Store faults on PostgreSQL (issue 10 part 6), against the real engine: what the operator
 * meets when PostgreSQL stops, or is not there when Lienzo starts.
 */
const postgres = usePostgres();
const opened: Store[] = [];

afterEach(async () => {
  if (!postgres.engine.running) await postgres.engine.start();
  for (const store of opened.splice(0)) await store.close();
});

async function open(url = postgres.url) {
  const logger = recordingLogger();
  const store = await PostgresStore.open(url, { logger });
  opened.push(store);
  return { store, logger };
}

async function newBoard(store: Store): Promise<BoardId> {
  const id = newBoardId();
  await store.createBoard(
    id,
    { createdAt: 1, docSchema: 3 },
    { format: 'v2', data: new Uint8Array([0]) },
    issueTokens().stored,
  );
  return id;
}

const update = (n: number) => new Uint8Array([n]);

/** How long `work` took, in ms, and what it gave. */
async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const start = performance.now();
  const value = await work();
  return { ms: performance.now() - start, value };
}

describe('PostgreSQL stopped', () => {
  for (const mode of ['clean', 'crash'] as const) {
    it(`(${mode}): health says why at once, writes reject, and after the restart writes go on in order`, async () => {
      const { store, logger } = await open();
      const id = await newBoard(store);
      const log = { board: id };
      await store.appendUpdates(log, [update(1)]);
      expect(await store.probeWrite()).toEqual({ ok: true });

      await postgres.engine.stop(mode);
      const health = await timed(() => store.probeWrite());
      expect(health.value.ok).toBe(false);
      expect(health.value).toMatchObject({ reason: expect.stringMatching(/^PostgreSQL/) });
      expect(health.ms).toBeLessThan(PROBE_DEADLINE_MS + 500);
      const write = await timed(() =>
        store.appendUpdates(log, [update(2)]).then(
          () => 'stored',
          (error: Error) => error.message,
        ),
      );
      expect(write.value).toMatch(/^PostgreSQL appending updates failed: /);
      expect(write.ms).toBeLessThan(CONNECT_TIMEOUT_MS);
      // A fast shutdown tells idle connections it ends them: the pool notes it in the log
      // rather than throwing at the process. (An immediate one just closes their sockets, which
      // the next query on them finds: nothing to assert there but the rejections above.)
      if (mode === 'clean')
        await waitFor(
          () => logger.lines.some((line) => line.message.startsWith('PostgreSQL connection lost')),
          'the pool to log its lost connections',
        );

      await postgres.engine.start();
      expect(await store.probeWrite()).toEqual({ ok: true });
      await store.appendUpdates(log, [update(3)]);
      await store.appendUpdates(log, [update(4)]);
      // Nothing from the failed write; everything else in the order written.
      expect((await store.loadLog(log))?.updates).toEqual([update(1), update(3), update(4)]);
    });
  }

  it('writes queued behind one that fails are each answered, and the log keeps its order', async () => {
    const { store } = await open();
    const id = await newBoard(store);
    const log = { board: id };
    await postgres.engine.stop('clean');
    const outcomes = await Promise.allSettled(
      [1, 2, 3].map((n) => store.appendUpdates(log, [update(n)])),
    );
    expect(outcomes.map((outcome) => outcome.status)).toEqual(['rejected', 'rejected', 'rejected']);
    await postgres.engine.start();
    await store.appendUpdates(log, [update(4)]);
    expect((await store.loadLog(log))?.updates).toEqual([update(4)]);
  });
});

/** Runs statements as the cluster's superuser. */
async function asAdmin(...statements: string[]): Promise<void> {
  const admin = new pg.Client(postgres.engine.adminUrl);
  await admin.connect();
  try {
    for (const sql of statements) await admin.query(sql);
  } finally {
    await admin.end();
  }
}

describe('PostgreSQL read-only (a standby, or default_transaction_read_only)', () => {
  it('health says so and writes reject; both recover when it is writable again', async () => {
    const url = await postgres.engine.createDatabase();
    const database = new URL(url).pathname.slice(1);
    const { store } = await open(url);
    const id = await newBoard(store);
    await asAdmin(
      `ALTER DATABASE ${database} SET default_transaction_read_only = on`,
      // The store's pooled connections go; the ones it opens next are read-only.
      `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '${database}'`,
    );
    expect(await store.probeWrite()).toEqual({
      ok: false,
      reason: expect.stringMatching(/read-only transaction/),
    });
    await expect(store.appendUpdates({ board: id }, [update(1)])).rejects.toThrow(
      /^PostgreSQL appending updates failed: .*read-only transaction/,
    );
    await asAdmin(`ALTER DATABASE ${database} RESET default_transaction_read_only`);
    await asAdmin(
      `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '${database}'`,
    );
    expect(await store.probeWrite()).toEqual({ ok: true });
    await store.appendUpdates({ board: id }, [update(2)]);
    expect((await store.loadLog({ board: id }))?.updates).toEqual([update(2)]);
  });
});

describe('PostgreSQL hung (every process of it paused)', () => {
  it('health answers within its deadline, and writes go on once it runs again', async () => {
    const { store } = await open();
    const id = await newBoard(store);
    expect(await store.probeWrite()).toEqual({ ok: true });
    postgres.engine.pause();
    try {
      const health = await timed(() => store.probeWrite());
      expect(health.value).toEqual({
        ok: false,
        reason: `PostgreSQL did not answer within ${PROBE_DEADLINE_MS} ms`,
      });
      expect(health.ms).toBeLessThan(PROBE_DEADLINE_MS + 500);
      const write = store.appendUpdates({ board: id }, [update(1)]);
      postgres.engine.resume();
      // A write that waited for the hung server completes once it answers again.
      await write;
    } finally {
      postgres.engine.resume();
    }
    expect(await store.probeWrite()).toEqual({ ok: true });
    expect((await store.loadLog({ board: id }))?.updates).toEqual([update(1)]);
  });
});

describe('PostgreSQL unreachable at start', () => {
  it('refuses to open in one line, naming the address without its password', async () => {
    const port = await freePort();
    const url = `postgres://lienzo:secret@127.0.0.1:${port}/lienzo`;
    const attempt = await timed(() =>
      PostgresStore.open(url, { logger: recordingLogger() }).then(
        () => null,
        (error: unknown) => error,
      ),
    );
    expect(attempt.value).toBeInstanceOf(StoreOpenError);
    const message = (attempt.value as Error).message;
    expect(message).toMatch(
      new RegExp(`^cannot use PostgreSQL at postgres://lienzo@127\\.0\\.0\\.1:${port}/lienzo: `),
    );
    expect(message).toMatch(/ECONNREFUSED/);
    expect(message).not.toMatch(/secret|\n/);
    expect(attempt.ms).toBeLessThan(CONNECT_TIMEOUT_MS);
  });

  it('refuses a database that does not exist, in one line', async () => {
    const url = postgres.url.replace(/\/[^/]+$/, '/no_such_database');
    await expect(PostgresStore.open(url, { logger: recordingLogger() })).rejects.toThrow(
      /^cannot use PostgreSQL at .*: database "no_such_database" does not exist$/,
    );
  });
});

describe('PostgreSQL out of disk (a tablespace on a 12 MiB tmpfs)', () => {
  let disk: TinyDisk | undefined;
  afterAll(() => disk?.remove());

  it('health says so, a write needing space rejects, and both recover once space is freed', async () => {
    const account = accountToRunAs() ?? { uid: process.getuid!(), gid: process.getgid!() };
    disk = mountTinyDisk(TINY_DISK_MIB, account);
    const admin = new pg.Client(postgres.engine.adminUrl);
    await admin.connect();
    try {
      await admin.query(`CREATE TABLESPACE tiny LOCATION '${disk.path}'`);
      await admin.query('CREATE DATABASE on_tiny TABLESPACE tiny');
    } finally {
      await admin.end();
    }
    const url = postgres.url.replace(/\/[^/]+$/, '/on_tiny');
    const { store } = await open(url);
    const id = await newBoard(store);
    const log = { board: id };
    await store.appendUpdates(log, [update(1)]);
    expect(await store.probeWrite()).toEqual({ ok: true });

    // Another tenant of the disk fills it (here: a table of incompressible text).
    const filler = new pg.Client(url);
    // Should the test fail before it ends this client, the cluster's stop must not crash it.
    filler.on('error', () => {});
    await filler.connect();
    await filler.query('CREATE TABLE filler (data text)');
    await filler.query('ALTER TABLE filler ALTER data SET STORAGE EXTERNAL');
    const full = await fillUntilFull(filler);
    expect(full).toMatch(/No space left on device/);

    const health = await store.probeWrite();
    expect(health).toEqual({ ok: false, reason: expect.stringMatching(/No space left on device/) });
    // An update that needs new pages (a large paste) fails, saying why.
    await expect(store.appendUpdates(log, [randomBytes(LARGE_UPDATE_BYTES)])).rejects.toThrow(
      /^PostgreSQL appending updates failed: could not extend file .*No space left on device/,
    );

    await filler.query('DROP TABLE filler');
    await filler.end();
    expect(await store.probeWrite()).toEqual({ ok: true });
    await store.appendUpdates(log, [update(3)]);
    expect((await store.loadLog(log))?.updates).toEqual([update(1), update(3)]);
    await store.close();
    opened.splice(opened.indexOf(store), 1);
    const cleanup = new pg.Client(postgres.engine.adminUrl);
    await cleanup.connect();
    await cleanup.query('DROP DATABASE on_tiny');
    await cleanup.query('DROP TABLESPACE tiny');
    await cleanup.end();
  });
});

/** The tmpfs size: a fresh database takes about 8 MiB of it (template1's copy). */
const TINY_DISK_MIB = 12;
/** Past PostgreSQL's TOAST threshold and incompressible: it needs pages of its own. */
const LARGE_UPDATE_BYTES = 256 * 1024;
/** What one filler row holds: 8,000 md5 hex digests, 256 KB. */
const FILL_ROW = `INSERT INTO filler SELECT string_agg(md5(random()::text), '') FROM generate_series(1, 8000)`;
/** More rows than a 12 MiB disk can take (256 KB each), so the loop ends by the disk. */
const MAX_FILL_ROWS = 200;

/** Inserts filler rows until PostgreSQL says the disk is full; its message. */
async function fillUntilFull(client: pg.Client): Promise<string> {
  for (let row = 0; row < MAX_FILL_ROWS; row++) {
    try {
      await client.query(FILL_ROW);
    } catch (error) {
      return (error as Error).message;
    }
  }
  return 'the disk never filled';
}
