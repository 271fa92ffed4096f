import * as decoding from 'lib0/decoding';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { hashToken } from '../../server/auth/tokens';
import { FRAME } from '../../server/cluster/frames';
import { useCluster } from '../helpers/cluster-harness';
import { waitFor } from '../helpers/wait';

/**
 * Awareness and socket commands across two processes on one real Redis (started on loopback
 * by the test, no persistence). Each "process" is a Cluster in this test process, but for the
 * one killed with -9, a child process (test/fixtures/cluster-process.ts).
 */
const cluster = useCluster();
const node = cluster.node;
const CLUSTER_PROCESS = fileURLToPath(new URL('../fixtures/cluster-process.ts', import.meta.url));
const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** The client ids in every awareness frame `sender` publishes on `board`'s channel. */
async function awarenessFrom(sender: string, board: string) {
  const listener = await cluster.listen(cluster.channels.board(board));
  const clientIds = () => {
    const ids = new Set<number>();
    for (const frame of listener.frames) {
      if (frame.kind !== FRAME.awareness || frame.sender !== sender) continue;
      const decoder = decoding.createDecoder(frame.update);
      const count = decoding.readVarUint(decoder);
      for (let i = 0; i < count; i++) {
        ids.add(decoding.readVarUint(decoder));
        decoding.readVarUint(decoder);
        decoding.readVarString(decoder);
      }
    }
    return [...ids];
  };
  return { clientIds, close: listener.close };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

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
        LIENZO_REDIS_URL: cluster.redis.url,
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

  it('after a Redis outage long enough to drop everyone, the states come back both ways', async () => {
    const fast = { heartbeatMs: 200, peerTimeoutMs: 1_000 };
    const a = await node('a', fast);
    const b = await node('b', fast);
    await a.open('outage');
    await b.open('outage');
    const roomA = a.presence('outage');
    const roomB = b.presence('outage');
    roomA.connect(501, user('ed'));
    roomB.connect(502, user('flo'));
    await waitFor(
      () => roomB.room.getStates().has(501) && roomA.room.getStates().has(502),
      'both states across',
    );
    await cluster.redis.stop();
    await waitFor(
      () => !roomB.room.getStates().has(501) && !roomA.room.getStates().has(502),
      'each dropping the silent peer',
    );
    await cluster.redis.start();
    await waitFor(
      () => roomB.room.getStates().has(501) && roomA.room.getStates().has(502),
      'both states back after the outage',
    );
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
    await waitFor(() => b.revoked.length > 0, 'the command on b', 1_000);
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(Buffer.from(b.revoked[0]!.digest).equals(hashToken('old editor token'))).toBe(true);
    expect(b.cluster.commands.isRevoked('k', hashToken('old editor token'))).toBe(true);
    expect(b.cluster.commands.isRevoked('k', hashToken('new editor token'))).toBe(false);
  });

  it('a process whose subscription was cut when the command went out gets it when it is back', async () => {
    const a = await node('a');
    const b = await node('b');
    const clients = String(await cluster.raw.sendCommand(['CLIENT', 'LIST']));
    const id = /id=(\d+) [^\n]* name=lienzo:b:sub /.exec(clients)![1]!;
    await cluster.raw.sendCommand(['CLIENT', 'KILL', 'ID', id]);
    // b reconnects after its first back-off (100 ms); the command goes out before that.
    expect(await a.cluster.commands.revokeLink(command())).toBe(true);
    await waitFor(() => b.revoked.length > 0, 'the command on b once it is back', 3_000);
  });

  it('one given while Redis is away is sent when it is back', async () => {
    const a = await node('a');
    const b = await node('b');
    await cluster.redis.stop();
    await waitFor(() => !a.cluster.reachable, 'a seeing Redis gone');
    expect(await a.cluster.commands.revokeLink(command())).toBe(false);
    expect(a.revoked).toHaveLength(1);
    await cluster.redis.start();
    await waitFor(() => b.revoked.length > 0, 'the command on b after the outage', 5_000);
  });
});
