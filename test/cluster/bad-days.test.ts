import { fileURLToPath } from 'node:url';
import { createClient } from 'redis';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startCluster, type RunningCluster } from '../../scripts/cluster-run';
import type { TestClient } from '../helpers/clients';
import { waitFor } from '../helpers/wait';
import { burst, Clients, converge, createBoard, lost, type Board } from './board-clients';
import { storedNoteIds } from './stored-board';

// The bad days of docs/DEPLOY.md, each against the real engines of one cluster for this file
// (scripts/cluster-run.ts, the sync server alone in each process). Clients connect straight
// to the processes: while Redis or PostgreSQL is down every process answers health 503, so
// HAProxy would have none to send them to.
const SYNC_SERVER = fileURLToPath(new URL('../fixtures/sync-server-process.ts', import.meta.url));
/** How long an outage or a pause lasts (ms), as the issue asks. */
const OUTAGE_MS = 10_000;
/** After an engine returns, clients must agree within this (ms). */
const CONVERGE_MS = 15_000;
/** Notes per writer and the gap between two (ms): a burst of about 1.5 s. */
const NOTES = 50;
const GAP_MS = 30;
/** Time for updates stored just before an outage to be relayed (ms). */
const IN_FLIGHT_MS = 1_000;
/** The close y-websocket sees when the server could not store its update (server/rooms). */
const NOT_STORED_CLOSE = 1011;
const TEST_TIMEOUT_MS = 60_000;

let cluster: RunningCluster;
const clients = new Clients();

beforeAll(async () => {
  cluster = await startCluster({ entry: SYNC_SERVER });
}, TEST_TIMEOUT_MS);
afterEach(async () => {
  clients.destroyAll();
  // Every engine back before the next test, whatever this one did.
  for (const node of cluster.lienzo) node.resume();
  if (!cluster.postgres.running) await cluster.postgres.start();
  if (!cluster.redis.running) await cluster.redis.start();
});
afterAll(async () => {
  await cluster?.stop();
});

const processUrl = (index: number) => `http://127.0.0.1:${cluster.lienzo[index]!.port}`;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Two writers on process 1, one on process 2, synced. */
async function writersOn(board: Board): Promise<TestClient[]> {
  const writers = [
    clients.connect(processUrl(0), board),
    clients.connect(processUrl(0), board),
    clients.connect(processUrl(1), board),
  ];
  await Promise.all(writers.map((writer) => writer.synced));
  return writers;
}

async function expectAllStored(board: Board, ids: string[]): Promise<void> {
  const stored = await storedNoteIds(cluster.databaseUrl, board.id);
  expect(lost(ids, stored), 'written, not in PostgreSQL').toEqual([]);
}

describe('bad days', () => {
  it(
    'Redis restarted mid-burst: nothing lost, all converge',
    async () => {
      const board = await createBoard(processUrl(0));
      const writers = await writersOn(board);
      const ids: string[] = [];
      const writing = burst(writers, NOTES, GAP_MS, ids);
      await sleep((NOTES * GAP_MS) / 3);
      await cluster.redis.stopFor(1_000);
      await writing;
      await converge(writers, ids, CONVERGE_MS, 'after a Redis restart, writers on two processes');
      await expectAllStored(board, ids);
    },
    TEST_TIMEOUT_MS,
  );

  it(
    'Redis messages dropped (CLIENT KILL TYPE pubsub) mid-burst: nothing lost, all converge',
    async () => {
      const board = await createBoard(processUrl(0));
      const writers = await writersOn(board);
      const admin = createClient({ url: cluster.redis.url });
      admin.on('error', () => {});
      await admin.connect();
      try {
        const ids: string[] = [];
        const writing = burst(writers, NOTES, GAP_MS, ids);
        // Each kill drops what was in flight to every subscriber; they reconnect and subscribe.
        for (let kill = 0; kill < 3; kill++) {
          await sleep((NOTES * GAP_MS) / 4);
          await admin.sendCommand(['CLIENT', 'KILL', 'TYPE', 'pubsub']);
        }
        await writing;
        await converge(
          writers,
          ids,
          CONVERGE_MS,
          'with pub/sub connections killed, writers on two processes',
        );
        await expectAllStored(board, ids);
      } finally {
        await admin.close();
      }
    },
    TEST_TIMEOUT_MS,
  );

  it(
    'PostgreSQL stopped 10 s mid-burst: nothing unstored is relayed, writers are told, all converge after',
    async () => {
      const board = await createBoard(processUrl(0));
      const writer = clients.connect(processUrl(0), board);
      const observer = clients.connect(processUrl(1), board);
      await Promise.all([writer.synced, observer.synced]);
      const closes: Array<{ code: number; reason: string }> = [];
      writer.provider.on('connection-close', (event: CloseEvent | null) => {
        if (event) closes.push({ code: event.code, reason: event.reason });
      });
      const ids: string[] = [];
      const writing = burst([writer], NOTES * 3, GAP_MS * 2, ids);
      await sleep(IN_FLIGHT_MS);
      await cluster.postgres.stop('clean');
      await sleep(IN_FLIGHT_MS);
      // What the other process relayed once the store was gone: only what was stored before.
      const relayedBeforeOutage = observer.noteIds();
      await sleep(OUTAGE_MS - IN_FLIGHT_MS);
      const relayedDuringOutage = lost(observer.noteIds(), relayedBeforeOutage);
      await cluster.postgres.start();
      await writing;
      expect(relayedDuringOutage, 'relayed to process 2 while PostgreSQL was down').toEqual([]);
      expect(
        closes.some((close) => close.code === NOT_STORED_CLOSE),
        `the writer was not told its updates were not stored (closes: ${JSON.stringify(closes)})`,
      ).toBe(true);
      await converge([writer, observer], ids, CONVERGE_MS, 'after PostgreSQL returned');
      await expectAllStored(board, ids);
      expect(lost(relayedBeforeOutage, await storedNoteIds(cluster.databaseUrl, board.id))).toEqual(
        [],
      );
    },
    TEST_TIMEOUT_MS,
  );

  it(
    'a process paused (SIGSTOP) 10 s, then resumed: nothing lost, all converge',
    async () => {
      const board = await createBoard(processUrl(0));
      const writers = await writersOn(board);
      const ids: string[] = [];
      const writing = burst(writers, NOTES, GAP_MS, ids);
      await sleep((NOTES * GAP_MS) / 3);
      cluster.lienzo[1]!.pause();
      await writing;
      await sleep(OUTAGE_MS - (NOTES * GAP_MS * 2) / 3);
      cluster.lienzo[1]!.resume();
      await converge(writers, ids, CONVERGE_MS, 'after process 2 resumed');
      await expectAllStored(board, ids);
      await waitFor(
        async () => (await fetch(`${processUrl(1)}/api/health`)).status === 200,
        'process 2 healthy',
      );
    },
    TEST_TIMEOUT_MS,
  );
});
