import { afterEach, describe, expect, it } from 'vitest';
import { createNote } from '../../lib/doc';
import { connectClient, openSocket, waitForNotes, type TestClient } from '../helpers/clients';
import { usePostgres } from '../helpers/engines/postgres';
import { useRedis } from '../helpers/engines/redis';
import { awarenessFrame, presence } from '../helpers/presence';
import { startTestServer, type TestServer } from '../helpers/test-server';
import { waitFor } from '../helpers/wait';

// Two Lienzo processes (in-process servers) on one PostgreSQL and one Redis, each with its
// own rooms: what a client stores on A reaches a client on B, and back.
const postgres = usePostgres();
const redis = useRedis();
const servers: TestServer[] = [];
const clients: TestClient[] = [];

afterEach(async () => {
  for (const client of clients.splice(0)) client.destroy();
  for (const server of servers.splice(0)) await server.stop();
});

async function twoProcesses(): Promise<[TestServer, TestServer]> {
  const options = { databaseUrl: postgres.url, redisUrl: redis.engine.url };
  const a = await startTestServer(options);
  servers.push(a);
  const b = await startTestServer(options);
  servers.push(b);
  return [a, b];
}

function client(server: TestServer, board: string, token: string): TestClient {
  const made = connectClient(server.url, board, token);
  clients.push(made);
  return made;
}

describe('two processes on PostgreSQL + Redis', () => {
  it('two stock clients on two processes converge both ways', async () => {
    const [a, b] = await twoProcesses();
    const board = await a.createBoard();
    const token = a.token(board);
    const onA = client(a, board, token);
    const onB = client(b, board, token);
    await Promise.all([onA.synced, onB.synced]);
    const fromA = createNote(onA.doc, { x: 1, y: 1, author: 'Ana', text: 'from A' });
    await waitForNotes([onA, onB], [fromA]);
    const fromB = createNote(onB.doc, { x: 2, y: 2, author: 'Bo', text: 'from B' });
    await waitForNotes([onA, onB], [fromA, fromB]);
  });

  it('a board loaded on B while A writes loses nothing', async () => {
    const [a, b] = await twoProcesses();
    const board = await a.createBoard();
    const token = a.token(board);
    const onA = client(a, board, token);
    await onA.synced;
    const ids: string[] = [];
    const writing = (async () => {
      for (let n = 0; n < 40; n += 1) {
        ids.push(createNote(onA.doc, { x: n, y: n, author: 'Ana', text: `n${n}` }));
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
    })();
    const onB = client(b, board, token);
    await onB.synced;
    await writing;
    await waitForNotes([onA, onB], ids);
  });

  it('presence crosses processes, leaves are removed there, and B never lets a socket claim an id of A', async () => {
    const [a, b] = await twoProcesses();
    const board = await a.createBoard();
    const token = a.token(board);
    const onA = client(a, board, token);
    const onB = client(b, board, token);
    onA.provider.awareness.setLocalState(presence('u_ana', 'Ana'));
    await Promise.all([onA.synced, onB.synced]);
    const anaId = onA.doc.clientID;
    const nameOnB = (id: number) => onB.provider.awareness.getStates().get(id)?.user?.name;
    await waitFor(() => nameOnB(anaId) === 'Ana', "Ana's presence to reach B");

    // A raw socket on B sends Ana's id with a newer clock, then a marker of its own.
    const { socket } = await openSocket(b.url, `/sync/${board}?t=${token}`);
    if (!socket) throw new Error('upgrade refused');
    const markerId = 424_242;
    socket.send(
      awarenessFrame([{ clientId: anaId, clock: 1_000, state: presence('u_m', 'Mallory') }]),
    );
    socket.send(
      awarenessFrame([{ clientId: markerId, clock: 1, state: presence('u_m', 'marker') }]),
    );
    await waitFor(() => nameOnB(markerId) === 'marker', 'the marker to reach B');
    expect(nameOnB(anaId)).toBe('Ana');
    socket.terminate();

    onA.destroy();
    await waitFor(() => nameOnB(anaId) === undefined, "Ana's removal to reach B");
  });

  it('changes A kept in memory while PostgreSQL was stopped reach B once A stores them again', async () => {
    const [a, b] = await twoProcesses();
    const board = await a.createBoard();
    const token = a.token(board);
    const onA = client(a, board, token);
    const onB = client(b, board, token);
    await Promise.all([onA.synced, onB.synced]);
    await postgres.engine.stop();
    let note = '';
    try {
      note = createNote(onA.doc, { x: 5, y: 5, author: 'Ana', text: 'kept in memory' });
      // A's write fails: the note lives only in A's room (and A's client), B has none of it.
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(onB.noteIds()).toEqual([]);
    } finally {
      await postgres.engine.start();
    }
    // A's retry (every 5 s) stores a snapshot; its changes take a seq and are published.
    await waitFor(() => onB.noteIds().includes(note), 'the recovered note to reach B', 20_000);
  }, 30_000);
});
