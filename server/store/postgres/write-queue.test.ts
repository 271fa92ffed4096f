import { describe, expect, it } from 'vitest';
import { WriteQueue } from './write-queue';

/** A flush whose transactions end when the test says, recording what each one carried. */
function controlledFlush() {
  const batches: { key: string; items: number[]; finish(error?: Error): void }[] = [];
  const flush = (key: string, items: readonly number[]) =>
    new Promise<number[]>((resolve, reject) => {
      batches.push({
        key,
        items: [...items],
        finish: (error) => (error ? reject(error) : resolve(items.map((item) => item * 10))),
      });
    });
  return { batches, flush };
}

/** In these tests, items under 10 are appends (they join); larger ones run alone. */
const joins = (item: number) => item < 10;

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('WriteQueue (group commit)', () => {
  it('writes a lone item at once, and what arrives meanwhile in the next transaction', async () => {
    const { batches, flush } = controlledFlush();
    const queue = new WriteQueue(flush, { maxBatch: 100, joins });
    const first = queue.push('a', 1);
    await tick();
    expect(batches.map((batch) => batch.items)).toEqual([[1]]);
    const rest = [queue.push('a', 2), queue.push('a', 3), queue.push('a', 4)];
    expect(queue.depth('a')).toBe(3);
    await tick();
    expect(batches).toHaveLength(1);
    batches[0]!.finish();
    expect(await first).toBe(10);
    await tick();
    expect(batches.map((batch) => batch.items)).toEqual([[1], [2, 3, 4]]);
    batches[1]!.finish();
    expect(await Promise.all(rest)).toEqual([20, 30, 40]);
    await queue.idle();
  });

  it('keeps keys apart: one board waiting does not hold another', async () => {
    const { batches, flush } = controlledFlush();
    const queue = new WriteQueue(flush, { maxBatch: 100, joins });
    void queue.push('a', 1);
    const b = queue.push('b', 2);
    await tick();
    expect(batches.map((batch) => batch.key)).toEqual(['a', 'b']);
    batches[1]!.finish();
    expect(await b).toBe(20);
  });

  it('fails only the batch whose transaction failed, then goes on in order', async () => {
    const { batches, flush } = controlledFlush();
    const queue = new WriteQueue(flush, { maxBatch: 100, joins });
    const failed = queue.push('a', 1);
    await tick();
    const later = queue.push('a', 2);
    batches[0]!.finish(new Error('PostgreSQL is down'));
    await expect(failed).rejects.toThrow('PostgreSQL is down');
    await tick();
    expect(batches[1]!.items).toEqual([2]);
    batches[1]!.finish();
    expect(await later).toBe(20);
  });

  it('splits a long wait into batches of at most maxBatch, in order', async () => {
    const { batches, flush } = controlledFlush();
    const queue = new WriteQueue(flush, { maxBatch: 2, joins });
    const all = [1, 2, 3, 4, 5].map((item) => queue.push('a', item));
    await tick();
    for (let index = 0; index < 3; index++) {
      batches[index]!.finish();
      await tick();
    }
    expect(batches.map((batch) => batch.items)).toEqual([[1], [2, 3], [4, 5]]);
    expect(await Promise.all(all)).toEqual([10, 20, 30, 40, 50]);
  });

  it('runs an operation that does not join alone, between the batches around it', async () => {
    const { batches, flush } = controlledFlush();
    const queue = new WriteQueue(flush, { maxBatch: 100, joins });
    const all = [1, 2, 3, 20, 5, 7].map((item) => queue.push('a', item));
    await tick();
    for (let index = 0; index < 3; index++) {
      batches[index]!.finish();
      await tick();
    }
    expect(batches.map((batch) => batch.items)).toEqual([[1], [2, 3], [20], [5, 7]]);
    batches[3]!.finish();
    await Promise.all(all);
  });
});
