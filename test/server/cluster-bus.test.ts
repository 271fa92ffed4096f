import { describe, expect, it } from 'vitest';
import { FRAME, encodeFrame, type Frame } from '../../server/cluster/frames';
import { binaryUpdate, type TestNode } from '../helpers/cluster-node';
import { useCluster } from '../helpers/cluster-harness';
import { waitFor } from '../helpers/wait';

/**
 * The update bus of two processes on one real Redis (started on loopback by the test, no
 * persistence). Each "process" is a Cluster in this test process; the store is a shared log
 * (the truth the bus reads back from).
 */
const cluster = useCluster();
const node = cluster.node;

function seqs(target: TestNode, board: string): number[] {
  return (target.delivered.get(board) ?? []).map(({ seq }) => seq);
}

/** Every update delivered, by seq, with exactly the bytes that were stored. */
function expectAllDelivered(target: TestNode, board: string): void {
  const latest = cluster.log.latest(board);
  expect(seqs(target, board)).toEqual(Array.from({ length: latest }, (_, i) => i + 1));
  for (const { seq, update } of target.delivered.get(board)!)
    expect(Buffer.from(update).equals(Buffer.from(binaryUpdate(seq)))).toBe(true);
}

function publishRaw(board: string, frame: Frame): Promise<number> {
  return cluster.raw.publish(cluster.channels.board(board), encodeFrame(frame));
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
    const latest = cluster.log.latest('load');
    await waitFor(() => seqs(b, 'load').length === latest - from, 'b has the rest');
    expect(from).toBeGreaterThan(0);
    expect(seqs(b, 'load')).toEqual(Array.from({ length: latest - from }, (_, i) => from + i + 1));
    expect(b.readBacks.get('load') ?? 0).toBe(0);
  });

  it('ignores a duplicate, and a message for a seq the receiver stored itself', async () => {
    const b = await node('b');
    await b.open('dup');
    const first = binaryUpdate(1);
    cluster.log.append('dup', first);
    const frame = { kind: FRAME.update, sender: 'x', board: 'dup', seq: 1, update: first } as const;
    await publishRaw('dup', frame);
    await publishRaw('dup', frame);
    await b.write('dup'); // b stores seq 2 itself
    // ... and hears of it again through another process (as a read-back would bring it).
    await publishRaw('dup', { ...frame, seq: 2, update: binaryUpdate(2) });
    cluster.log.append('dup', binaryUpdate(3));
    await publishRaw('dup', { ...frame, seq: 3, update: binaryUpdate(3) });
    await waitFor(() => seqs(b, 'dup').includes(3), 'seq 3 delivered');
    await sleep(100);
    expect(seqs(b, 'dup')).toEqual([1, 3]);
  });

  it('reads a dropped message back from the store and loses nothing', async () => {
    const b = await node('b');
    await b.open('gap');
    for (let seq = 1; seq <= 3; seq++) cluster.log.append('gap', binaryUpdate(seq));
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
    const heartbeats = await cluster.listen(cluster.channels.processes);
    await a.write('last');
    await waitFor(
      () =>
        heartbeats.frames.some(
          (frame) =>
            frame.kind === FRAME.heartbeat &&
            frame.sender === 'a' &&
            frame.boards.some(([board, seq]) => board === 'last' && seq === 1),
        ),
      "a's heartbeat announcing seq 1",
    );
    await heartbeats.close();
    // A process stored seq 2 and its message was lost; nothing follows it but heartbeats.
    cluster.log.append('last', binaryUpdate(2));
    await cluster.raw.publish(
      cluster.channels.processes,
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
    await cluster.redis.stop();
    await sleep(1_500);
    // While Redis is away the processes keep converging through the store.
    const duringOutage = cluster.log.latest('r1');
    await waitFor(() => seqs(b, 'r1').length >= duringOutage, 'b polling the store', 3_000);
    await cluster.redis.start();
    await waitFor(() => a.cluster.reachable && b.cluster.reachable, 'both reaching Redis again');
    await sleep(300);
    writing = false;
    await writer;
    clearInterval(watch);
    await waitFor(
      () =>
        seqs(b, 'r1').length === cluster.log.latest('r1') &&
        seqs(b, 'r2').length === cluster.log.latest('r2'),
      'b has every update',
    );
    expectAllDelivered(b, 'r1');
    expectAllDelivered(b, 'r2');
    expect(reachability).toEqual([true, false, true]);
    expect(failed).toBeGreaterThan(0);
    // Fail fast: no publish waited for Redis to come back.
    expect(slowest).toBeLessThan(500);
  });

  it('Redis paused (SIGSTOP): reachability drops within seconds, and returns with nothing lost', async () => {
    const a = await node('a');
    const b = await node('b');
    await a.open('pause');
    await b.open('pause');
    await a.write('pause');
    const pid = Number(/process_id:(\d+)/.exec(await cluster.raw.info('server'))![1]);
    process.kill(pid, 'SIGSTOP');
    try {
      const paused = Date.now();
      await waitFor(() => !a.cluster.reachable && !b.cluster.reachable, 'both seeing Redis stall');
      // A probe each second, answered within one: two seconds, and one of slack for a busy machine.
      expect(Date.now() - paused).toBeLessThan(3_000);
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

  it('a subscription Redis cut (a slow subscriber past its output buffer limit) loses nothing', async () => {
    const a = await node('a');
    const b = await node('b');
    await a.open('cut');
    await b.open('cut');
    await a.write('cut');
    const clients = String(await cluster.raw.sendCommand(['CLIENT', 'LIST']));
    const id = /id=(\d+) [^\n]* name=lienzo:b:sub /.exec(clients)![1]!;
    await cluster.raw.sendCommand(['CLIENT', 'KILL', 'ID', id]);
    // Published while b's subscription is down (it reconnects after 100 ms).
    await a.write('cut');
    await a.write('cut');
    await waitFor(() => seqs(b, 'cut').length === 3, 'b has all three');
    expectAllDelivered(b, 'cut');
  });

  it('after Redis comes back, every board is read back from its last seq', async () => {
    const a = await node('a');
    // No polling: only the read-back on reconnection can bring the update.
    const b = await node('b', { pollMs: 60_000 });
    await a.open('back');
    await b.open('back');
    await cluster.redis.stop();
    await waitFor(() => !b.cluster.reachable, 'b seeing Redis gone');
    // Stored by a process while Redis was away: its publish failed. It then stops, so no
    // heartbeat of its will announce the update either.
    expect(await a.write('back')).toBe(false);
    await a.close();
    await cluster.redis.start();
    await waitFor(() => seqs(b, 'back').length === 1, 'the update read back', 5_000);
    expectAllDelivered(b, 'back');
  });
});
