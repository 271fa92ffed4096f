import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterEach, expect, it } from 'vitest';
import { newBoardId } from '../../../lib/model';
import { issueTokens } from '../../auth/tokens';
import { usePostgres } from '../../../test/helpers/engines/postgres';
import { recordingLogger } from '../../../test/helpers/logger';
import type { Store } from '../store';
import { PostgresStore } from './postgres-store';

const LOOP = fileURLToPath(
  new URL('../../../test/fixtures/postgres-append-loop.ts', import.meta.url),
);
/** Resolved writes to wait for before the kill: well into a stream of group commits. */
const STORED_BEFORE_KILL = 300;

const postgres = usePostgres();
const opened: Store[] = [];
afterEach(async () => {
  for (const store of opened.splice(0)) await store.close();
});

const numberOf = (update: Uint8Array) => update[0]! + (update[1]! << 8) + (update[2]! << 16);

it('kill -9 of a process mid-stream loses no write it had seen resolve', async () => {
  const store = await PostgresStore.open(postgres.url, { logger: recordingLogger() });
  opened.push(store);
  const board = newBoardId();
  await store.createBoard(
    board,
    { createdAt: 1, docSchema: 3 },
    { format: 'v2', data: new Uint8Array([0]) },
    issueTokens().stored,
  );
  const child = spawn(process.execPath, ['--import', 'tsx', LOOP], {
    env: { ...process.env, LIENZO_DATABASE_URL: postgres.url, BOARD_ID: board },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const seen = new Set<number>();
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  await new Promise<void>((resolve, reject) => {
    let buffered = '';
    child.stdout.on('data', (chunk: Buffer) => {
      buffered += chunk.toString();
      const lines = buffered.split('\n');
      buffered = lines.pop()!;
      for (const line of lines) seen.add(Number(line.slice('stored '.length)));
      if (seen.size >= STORED_BEFORE_KILL) {
        child.kill('SIGKILL');
        resolve();
      }
    });
    child.once('exit', () => reject(new Error(`the writer exited by itself:\n${stderr}`)));
  });
  await exited;
  const stored = new Set(((await store.loadLog({ board }))?.updates ?? []).map(numberOf));
  const lost = [...seen].filter((n) => !stored.has(n));
  expect(lost).toEqual([]);
  expect(stored.size).toBeGreaterThanOrEqual(seen.size);
});
