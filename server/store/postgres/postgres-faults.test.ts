import { afterEach, describe, expect, it } from 'vitest';
import { newBoardId, type BoardId } from '../../../lib/model';
import { issueTokens } from '../../auth/tokens';
import { freePort } from '../../../test/helpers/engines/free-port';
import { usePostgres } from '../../../test/helpers/engines/postgres';
import { recordingLogger } from '../../../test/helpers/logger';
import { StoreOpenError } from '../sqlite-file';
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
      // The pooled connections PostgreSQL dropped were noted, not thrown at the process.
      const lost = logger.lines.filter((line) =>
        line.message.startsWith('PostgreSQL connection lost'),
      );
      expect(lost.length).toBeGreaterThan(0);

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
