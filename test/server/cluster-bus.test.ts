import * as decoding from 'lib0/decoding';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { createClient } from 'redis';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ClusterChannels } from '../../server/cluster/channels';
import { FRAME, decodeFrame, encodeFrame, type Frame } from '../../server/cluster/frames';
import { hashToken } from '../../server/auth/tokens';
import { SharedLog, binaryUpdate, startNode, type TestNode } from '../helpers/cluster-node';
import { useRedis } from '../helpers/engines/redis';
import { waitFor } from '../helpers/wait';

/**
 * The update bus, awareness relay and socket commands of two processes on one real Redis
 * (started on loopback by the test, no persistence). Each "process" is a Cluster in this test
 * process; the store is a shared log (the truth the bus reads back from).
 */
const redis = useRedis();
const CLUSTER_PROCESS = fileURLToPath(new URL('../fixtures/cluster-process.ts', import.meta.url));
const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));
const channels = new ClusterChannels();

let log: SharedLog;
let nodes: TestNode[];
/** A plain Redis client, to publish frames as a broken or foreign process would. */
let raw: ReturnType<typeof createClient>;

beforeEach(async () => {
  log = new SharedLog();
  nodes = [];
  raw = createClient({ url: redis.engine.url });
  raw.on('error', () => {});
  await raw.connect();
});

afterEach(async () => {
  await Promise.all(nodes.map((node) => node.close()));
  if (raw.isOpen) await raw.close();
});

async function node(name: string, options: Parameters<typeof startNode>[3] = {}) {
  const started = await startNode(name, redis.engine.url, log, options);
  nodes.push(started);
  return started;
}

function seqs(target: TestNode, board: string): number[] {
  return (target.delivered.get(board) ?? []).map(({ seq }) => seq);
}

/** Every update delivered, by seq, with exactly the bytes that were stored. */
function expectAllDelivered(target: TestNode, board: string): void {
  const latest = log.latest(board);
  expect(seqs(target, board)).toEqual(Array.from({ length: latest }, (_, i) => i + 1));
  for (const { seq, update } of target.delivered.get(board)!)
    expect(Buffer.from(update).equals(Buffer.from(binaryUpdate(seq)))).toBe(true);
}

function publishRaw(board: string, frame: Frame): Promise<number> {
  return raw.publish(channels.board(board), encodeFrame(frame));
}

/** The client ids in every awareness frame `sender` publishes on `board`'s channel. */
async function awarenessFrom(sender: string, board: string) {
  const ids: number[] = [];
  const listener = raw.duplicate();
  listener.on('error', () => {});
  await listener.connect();
  await listener.subscribe(
    channels.board(board),
    (message) => {
      const frame = decodeFrame(message);
      if (frame?.kind !== FRAME.awareness || frame.sender !== sender) return;
      const decoder = decoding.createDecoder(frame.update);
      const count = decoding.readVarUint(decoder);
      for (let i = 0; i < count; i++) {
        ids.push(decoding.readVarUint(decoder));
        decoding.readVarUint(decoder);
        decoding.readVarString(decoder);
      }
    },
    true,
  );
  return { clientIds: () => [...new Set(ids)], close: () => listener.close() };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('update bus on Redis', () => {
  it('delivers every update another process stored, in order, bytes intact, and none of its own', async () => {
    const a = await node('a');
    const b = await node('b');
    for (const board of ['one', 'two']) {
      await a.open(board);
      await b.open(board);
    }
    for (let i = 0; i < 100; i++) await a.write(i % 2 === 0 ? 'one' : 'two');
    await waitFor(() => seqs(b, 'one').length === 50 && seqs(b, 'two').length === 50, 'b has all');
    expectAllDelivered(b, 'one');
    expectAllDelivered(b, 'two');
    expect(seqs(a, 'one')).toEqual([]);
  });

  it('a board loaded during a burst misses nothing in flight, without reading the store again', async () => {
    const a = await node('a');
    const b = await node('b');
    await a.open('load');
    let writing = true;
    const writer = (async () => {
      // Back to back: one update in flight at any moment, as in a drag.
      while (writing) await a.write('load');
    })();
    await sleep(100);
    await b.open('load');
    await sleep(200);
    writing = false;
    await writer;
    const from = b.loadedAt.get('load')!;
    const latest = log.latest('load');
    await waitFor(() => seqs(b, 'load').length === latest - from, 'b has the rest');
    expect(from).toBeGreaterThan(0);
    expect(seqs(b, 'load')).toEqual(Array.from({ length: latest - from }, (_, i) => from + i + 1));
    expect(b.readBacks.get('load') ?? 0).toBe(0);
  });

  it('ignores a duplicate, and a message for a seq the receiver stored itself', async () => {
    const b = await node('b');
    await b.open('dup');
    const first = binaryUpdate(1);
    log.append('dup', first);
    const frame = { kind: FRAME.update, sender: 'x', board: 'dup', seq: 1, update: first } as const;
    await publishRaw('dup', frame);
    await publishRaw('dup', frame);
    await b.write('dup'); // b stores seq 2 itself
    // ... and hears of it again through another process (as a read-back would bring it).
    await publishRaw('dup', { ...frame, seq: 2, update: binaryUpdate(2) });
    log.append('dup', binaryUpdate(3));
    await publishRaw('dup', { ...frame, seq: 3, update: binaryUpdate(3) });
    await waitFor(() => seqs(b, 'dup').includes(3), 'seq 3 delivered');
    await sleep(100);
    expect(seqs(b, 'dup')).toEqual([1, 3]);
  });

  it('reads a dropped message back from the store and loses nothing', async () => {
    const b = await node('b');
    await b.open('gap');
    for (let seq = 1; seq <= 3; seq++) log.append('gap', binaryUpdate(seq));
    const frame = { kind: FRAME.update, sender: 'x', board: 'gap' } as const;
    await publishRaw('gap', { ...frame, seq: 1, update: binaryUpdate(1) });
    // seq 2 is lost on the way; seq 3 shows the gap.
    await publishRaw('gap', { ...frame, seq: 3, update: binaryUpdate(3) });
    await waitFor(() => seqs(b, 'gap').length === 3, 'the gap read back');
    expectAllDelivered(b, 'gap');
  });

  it('notices a missed LAST message from a heartbeat, and heartbeats say the latest seq', async () => {
    const a = await node('a');
    const b = await node('b');
    await a.open('last');
    await b.open('last');
    const heard: Frame[] = [];
    const listener = raw.duplicate();
    listener.on('error', () => {});
    await listener.connect();
    await listener.subscribe(
      channels.processes,
      (message) => {
        const frame = decodeFrame(message);
        if (frame) heard.push(frame);
      },
      true,
    );
    await a.write('last');
    await waitFor(
      () =>
        heard.some(
          (frame) =>
            frame.kind === FRAME.heartbeat &&
            frame.sender === 'a' &&
            frame.boards.some(([board, seq]) => board === 'last' && seq === 1),
        ),
      "a's heartbeat announcing seq 1",
    );
    await listener.close();
    // A process stored seq 2 and its message was lost; nothing follows it but heartbeats.
    log.append('last', binaryUpdate(2));
    await raw.publish(
      channels.processes,
      encodeFrame({ kind: FRAME.heartbeat, sender: 'x', boards: [['last', 2]] }),
    );
    await waitFor(() => seqs(b, 'last').length === 2, 'the last update read back');
    expectAllDelivered(b, 'last');
  });

  it('Redis restarted mid-stream: publishes fail fast, reachability drops and returns, nothing is lost', async () => {
    const a = await node('a');
    const b = await node('b');
    const reachability: boolean[] = [];
    const watch = setInterval(() => {
      if (reachability.at(-1) !== b.cluster.reachable) reachability.push(b.cluster.reachable);
    }, 5);
    for (const board of ['r1', 'r2']) {
      await a.open(board);
      await b.open(board);
    }
    let slowest = 0;
    let failed = 0;
    let writing = true;
    const writer = (async () => {
      for (let i = 0; writing; i++) {
        const started = Date.now();
        if (!(await a.write(i % 2 === 0 ? 'r1' : 'r2'))) failed++;
        slowest = Math.max(slowest, Date.now() - started);
        await sleep(10);
      }
    })();
    await sleep(300);
    await redis.engine.stop();
    await sleep(1_500);
    // While Redis is away the processes keep converging through the store.
    const duringOutage = log.latest('r1');
    await waitFor(() => seqs(b, 'r1').length >= duringOutage, 'b polling the store', 3_000);
    await redis.engine.start();
    await waitFor(() => a.cluster.reachable && b.cluster.reachable, 'both reaching Redis again');
    await sleep(300);
    writing = false;
    await writer;
    clearInterval(watch);
    await waitFor(
      () => seqs(b, 'r1').length === log.latest('r1') && seqs(b, 'r2').length === log.latest('r2'),
      'b has every update',
    );
    expectAllDelivered(b, 'r1');
    expectAllDelivered(b, 'r2');
    expect(reachability).toEqual([true, false, true]);
    expect(failed).toBeGreaterThan(0);
    // Fail fast: no publish waited for Redis to come back.
    expect(slowest).toBeLessThan(500);
  });

  it('Redis paused (SIGSTOP): reachability drops within two seconds, and returns with nothing lost', async () => {
    const a = await node('a');
    const b = await node('b');
    await a.open('pause');
    await b.open('pause');
    await a.write('pause');
    const pid = Number(/process_id:(\d+)/.exec(await raw.info('server'))![1]);
    process.kill(pid, 'SIGSTOP');
    try {
      const paused = Date.now();
      await waitFor(() => !a.cluster.reachable && !b.cluster.reachable, 'both seeing Redis stall');
      expect(Date.now() - paused).toBeLessThan(2_500);
      const started = Date.now();
      expect(await a.write('pause')).toBe(false);
      expect(Date.now() - started).toBeLessThan(100);
    } finally {
      process.kill(pid, 'SIGCONT');
    }
    await waitFor(() => a.cluster.reachable && b.cluster.reachable, 'both reaching Redis again');
    await waitFor(() => seqs(b, 'pause').length === 2, 'b has both updates');
    expectAllDelivered(b, 'pause');
  });

  it('after Redis comes back, every board is read back from its last seq', async () => {
    const a = await node('a');
    // No polling: only the read-back on reconnection can bring the update.
    const b = await node('b', { pollMs: 60_000 });
    await a.open('back');
    await b.open('back');
    await redis.engine.stop();
    await waitFor(() => !b.cluster.reachable, 'b seeing Redis gone');
    // Stored by a process while Redis was away: its publish failed. It then stops, so no
    // heartbeat of its will announce the update either.
    expect(await a.write('back')).toBe(false);
    await a.close();
    await redis.engine.start();
    await waitFor(() => seqs(b, 'back').length === 1, 'the update read back', 5_000);
    expectAllDelivered(b, 'back');
  });
});

describe('awareness across processes', () => {
  const user = (name: string) => ({ user: { id: name, name, color: '#336699' }, cursor: null });

  it('crosses to the other process, is not echoed back, and goes when its connection leaves', async () => {
    const a = await node('a');
    const b = await node('b');
    await a.open('p');
    await b.open('p');
    const fromB = await awarenessFrom('b', 'p');
    const roomA = a.presence('p');
    const roomB = b.presence('p');
    roomA.connect(101, user('ana'));
    await waitFor(() => roomB.room.getStates().has(101), 'ana on b');
    expect(roomB.room.getStates().get(101)).toMatchObject(user('ana'));
    expect(roomB.host.owns(101)).toBe(true);
    roomB.connect(202, user('bo'));
    await waitFor(() => roomA.room.getStates().has(202), 'bo on a');
    expect([...roomA.room.getStates().keys()].sort()).toEqual([101, 202]);
    roomA.disconnect(101);
    await waitFor(() => !roomB.room.getStates().has(101), 'ana gone from b');
    await sleep(100);
    // b published its own client and nothing of a's: no echo between the processes.
    expect(fromB.clientIds()).toEqual([202]);
    await fromB.close();
  });

  it('a board opened later gets the states already there', async () => {
    const a = await node('a');
    const b = await node('b');
    await a.open('late');
    a.presence('late').connect(7, user('early'));
    await b.open('late');
    const roomB = b.presence('late');
    await waitFor(() => roomB.room.getStates().has(7), 'the early state on b');
  });

  it("a stopping process's clients are removed everywhere", async () => {
    const a = await node('a');
    const b = await node('b');
    await a.open('stop');
    await b.open('stop');
    a.presence('stop').connect(303, user('cy'));
    const roomB = b.presence('stop');
    await waitFor(() => roomB.room.getStates().has(303), 'cy on b');
    await a.close();
    await waitFor(() => !roomB.room.getStates().has(303), 'cy removed after bye', 1_000);
  });

  it("a vanished process's clients (kill -9, no bye) are removed once its heartbeat is missing", async () => {
    const b = await node('b', { heartbeatMs: 200, peerTimeoutMs: 1_000 });
    await b.open('gone');
    const roomB = b.presence('gone');
    const child = spawn(process.execPath, ['--import', 'tsx', CLUSTER_PROCESS], {
      cwd: REPO_ROOT,
      env: {
        ...process.env,
        LIENZO_REDIS_URL: redis.engine.url,
        CLUSTER_PROCESS_ID: 'child',
        CLUSTER_BOARD: 'gone',
        CLUSTER_CLIENT_ID: '909',
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const exited = new Promise((resolve) => child.once('exit', resolve));
    try {
      await waitFor(() => roomB.room.getStates().has(909), "the child's client on b", 20_000);
      // Alive and beating: its client stays.
      await sleep(1_500);
      expect(roomB.room.getStates().has(909)).toBe(true);
      const killed = Date.now();
      child.kill('SIGKILL');
      await exited;
      await waitFor(() => !roomB.room.getStates().has(909), 'its client removed', 3_000);
      expect(Date.now() - killed).toBeGreaterThan(800);
    } finally {
      child.kill('SIGKILL');
    }
  });

  it('a remote id is never taken by a local connection, nor a local one by a remote process', async () => {
    const a = await node('a');
    const b = await node('b');
    await a.open('own');
    await b.open('own');
    const roomA = a.presence('own');
    const roomB = b.presence('own');
    roomB.connect(404, user('local on b'));
    // A newer clock than b's own client: only ownership keeps it out.
    roomA.connect(404, user('same id on a'), 5);
    roomA.connect(405, user('dee'));
    await waitFor(() => roomB.room.getStates().has(405), 'dee on b');
    expect(roomB.room.getStates().get(404)).toMatchObject(user('local on b'));
    expect(roomB.host.owns(404)).toBe(false);
    expect(roomB.host.owns(405)).toBe(true);
  });
});

describe('socket commands', () => {
  const command = () => ({ board: 'k', role: 'editor', digest: hashToken('old editor token') });

  it('a link revoked on one process reaches the other within a second', async () => {
    const a = await node('a');
    const b = await node('b');
    const started = Date.now();
    expect(await a.cluster.commands.revokeLink(command())).toBe(true);
    expect(a.revoked).toHaveLength(1);
    await waitFor(() => b.revoked.length === 1, 'the command on b', 1_000);
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(Buffer.from(b.revoked[0]!.digest).equals(hashToken('old editor token'))).toBe(true);
    expect(b.cluster.commands.isRevoked('k', hashToken('old editor token'))).toBe(true);
    expect(b.cluster.commands.isRevoked('k', hashToken('new editor token'))).toBe(false);
  });

  it('one given while Redis is away is sent when it is back', async () => {
    const a = await node('a');
    const b = await node('b');
    await redis.engine.stop();
    await waitFor(() => !a.cluster.reachable, 'a seeing Redis gone');
    expect(await a.cluster.commands.revokeLink(command())).toBe(false);
    expect(a.revoked).toHaveLength(1);
    await redis.engine.start();
    await waitFor(() => b.revoked.length === 1, 'the command on b after the outage', 5_000);
  });
});
