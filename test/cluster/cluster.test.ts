import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNote } from '../../lib/doc';
import { startCluster, type RunningCluster } from '../../scripts/cluster-run';
import { burst, Clients, converge, createBoard, lost, type Board } from './board-clients';
import { storedNoteIds } from './stored-board';

// `npm run cluster`'s engines, started as the script starts them (scripts/cluster-run.ts),
// with the sync server alone in each process (no Next build needed): stock clients straight
// to a process and through HAProxy (deploy/haproxy.cfg).
const SYNC_SERVER = fileURLToPath(new URL('../fixtures/sync-server-process.ts', import.meta.url));
/** Clients reconnect through HAProxy on their own and converge within this after a kill (ms). */
const RECONVERGE_MS = 5_000;
/** Writers and notes each writes in the kill -9 burst. */
const WRITERS = 3;
const NOTES_PER_WRITER = 30;
/** Between two notes of one writer (ms). */
const WRITE_GAP_MS = 10;

let cluster: RunningCluster;
const clients = new Clients();

beforeAll(async () => {
  cluster = await startCluster({ entry: SYNC_SERVER });
}, 60_000);
afterAll(async () => {
  clients.destroyAll();
  await cluster?.stop();
});

const processUrl = (index: number) => `http://127.0.0.1:${cluster.lienzo[index]!.port}`;
const client = (url: string, board: Board) => clients.connect(url, board);

describe('npm run cluster: PostgreSQL, Redis, 3 Lienzo processes, HAProxy', () => {
  it('two stock clients on different processes converge, straight and through HAProxy', async () => {
    const board = await createBoard(processUrl(0));
    const onA = client(processUrl(0), board);
    const onB = client(processUrl(1), board);
    const viaProxy = client(cluster.url, board);
    await Promise.all([onA.synced, onB.synced, viaProxy.synced]);
    const fromA = createNote(onA.doc, { x: 1, y: 1, author: 'Ana', text: 'from process 1' });
    const fromB = createNote(onB.doc, { x: 2, y: 2, author: 'Bo', text: 'from process 2' });
    const fromProxy = createNote(viaProxy.doc, { x: 3, y: 3, author: 'Cy', text: 'via HAProxy' });
    await converge(
      [onA, onB, viaProxy],
      [fromA, fromB, fromProxy],
      RECONVERGE_MS,
      'an update across processes',
    );
  });

  it('kill -9 of the process holding a board mid-burst: what any client saw survives, clients reconnect through HAProxy and converge within 5 s', async () => {
    const board = await createBoard(cluster.url);
    const writers = Array.from({ length: WRITERS }, () => client(cluster.url, board));
    await Promise.all(writers.map((w) => w.synced));
    // The process HAProxy sent this board to: the one with the board's sockets.
    const holder = await holderOf();
    const all: string[] = [];
    const writing = burst(writers, NOTES_PER_WRITER, WRITE_GAP_MS, all);
    await new Promise((resolve) => setTimeout(resolve, (NOTES_PER_WRITER * WRITE_GAP_MS) / 2));
    await cluster.lienzo[holder]!.stop('crash');
    // What a client had seen of another's writing when the process died: all must be stored.
    const seenAtKill = new Set(
      writers.flatMap((w, i) =>
        w.noteIds().filter((id) => writers.some((o, j) => j !== i && o.noteIds().includes(id))),
      ),
    );
    await writing;
    // A client's own notes reach the new process when its provider resyncs (y-websocket
    // sends its whole state on reconnect), so every note converges.
    await converge(writers, all, RECONVERGE_MS, 'after kill -9, the clients (through HAProxy)');
    // And a fresh client, loading from PostgreSQL, sees them all.
    const late = client(cluster.url, board);
    await late.synced;
    await converge([late], all, RECONVERGE_MS, 'a newcomer reading PostgreSQL');
    const stored = await storedNoteIds(cluster.databaseUrl, board.id);
    expect(
      lost(seenAtKill, stored),
      'seen by another client at the kill, not in PostgreSQL',
    ).toEqual([]);
    expect(seenAtKill.size, 'the kill came before any note crossed').toBeGreaterThan(0);
    expect(lost(all, stored), 'written, not in PostgreSQL after the reconnect').toEqual([]);
    await cluster.lienzo[holder]!.start();
  }, 60_000);
});

/** The process HAProxy routed the board's sockets to: the one with sockets open (/metrics). */
async function holderOf(): Promise<number> {
  for (let i = 0; i < cluster.lienzo.length; i++) {
    const text = await (await fetch(`${processUrl(i)}/metrics`)).text();
    const open = /^lienzo_open_sockets\s+(\d+)/m.exec(text);
    if (open && Number(open[1]) > 0) return i;
  }
  throw new Error('no process holds the board');
}

describe('stop', () => {
  it('leaves nothing running and no folder behind', async () => {
    const own = await startCluster({
      entry: SYNC_SERVER,
      postgres: cluster.postgres,
      redis: cluster.redis,
    });
    const pids = own.lienzo.map((node) => node.pid).concat(own.haproxy.pid);
    const folders = [...own.lienzo, own.haproxy].map((engine) => engine.folder);
    await own.stop();
    for (const pid of pids) expect(alive(pid), `pid ${pid} still running`).toBe(false);
    for (const folder of folders) expect(existsSync(folder), `${folder} left behind`).toBe(false);
  }, 60_000);
});

function alive(pid: number | undefined): boolean {
  if (pid === undefined) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
