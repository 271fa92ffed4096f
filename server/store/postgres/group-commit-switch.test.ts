import { afterEach, describe, expect, it } from 'vitest';
import { newBoardId } from '../../../lib/model';
import { issueTokens } from '../../auth/tokens';
import { usePostgres } from '../../../test/helpers/engines/postgres';
import { recordingLogger } from '../../../test/helpers/logger';
import { PostgresStore } from './postgres-store';

const postgres = usePostgres();
const opened: PostgresStore[] = [];

afterEach(async () => {
  for (const store of opened.splice(0)) await store.close();
});

/** Appends called together on one board without awaiting each other, as a busy room does. */
const APPENDS = 20;

/**
 * The seq each of APPENDS concurrent one-update appends answers: the log's seq after the
 * transaction that carried it, so appends that shared a transaction answer the same seq.
 */
async function seqsOfConcurrentAppends(groupCommit: boolean): Promise<number[]> {
  const store = await PostgresStore.open(postgres.url, { logger: recordingLogger(), groupCommit });
  opened.push(store);
  const id = newBoardId();
  await store.createBoard(
    id,
    { createdAt: 1, docSchema: 3 },
    { format: 'v2', data: new Uint8Array([0]) },
    issueTokens().stored,
  );
  return Promise.all(
    Array.from({ length: APPENDS }, (_, n) =>
      store.appendSequenced({ board: id }, [new Uint8Array([n])]),
    ),
  );
}

// The bench's switch (bench/pg-throughput.ts measures what group commit is worth).
describe('group commit can be switched off (PostgreSQL)', () => {
  it('on (the default): appends waiting behind a transaction share the next one', async () => {
    const seqs = await seqsOfConcurrentAppends(true);
    expect(new Set(seqs).size).toBeLessThan(APPENDS);
    expect(Math.max(...seqs)).toBe(APPENDS);
  });

  it('off: every append is a transaction of its own, still in call order', async () => {
    const seqs = await seqsOfConcurrentAppends(false);
    expect(seqs).toEqual(Array.from({ length: APPENDS }, (_, n) => n + 1));
  });
});
