import { afterEach, describe, it } from 'vitest';
import { createNote } from '../../lib/doc';
import { connectClient, waitForNotes, type TestClient } from '../helpers/clients';
import { usePostgres } from '../helpers/engines/postgres';
import { useRedis } from '../helpers/engines/redis';
import { startTestServer, type TestServer } from '../helpers/test-server';

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
});
