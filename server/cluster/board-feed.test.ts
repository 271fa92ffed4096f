import { describe, expect, it } from 'vitest';
import { recordingLogger } from '../../test/helpers/logger';
import { waitFor } from '../../test/helpers/wait';
import { BoardCatchUp } from './board-feed';
import type { SequencedUpdate } from './update-bus';

/** The board's store as the feed sees it: every stored update, by seq (the truth). */
function harness(options: { failReads?: number } = {}) {
  const store: SequencedUpdate[] = [];
  const delivered: number[] = [];
  const reads: number[] = [];
  const readTimes: number[] = [];
  let failures = options.failReads ?? 0;
  const feed = new BoardCatchUp(
    {
      readBack: async (afterSeq) => {
        reads.push(afterSeq);
        readTimes.push(Date.now());
        if (failures-- > 0) throw new Error('store unreachable');
        return store.filter(({ seq }) => seq > afterSeq);
      },
      deliver: ({ seq }) => delivered.push(seq),
    },
    { board: 'b', logger: recordingLogger(), gapGraceMs: 5, retryMs: 20 },
  );
  const storeUpdate = (seq: number) => {
    const entry = { seq, update: new Uint8Array([seq]) };
    store.push(entry);
    return entry;
  };
  return { feed, store, delivered, reads, readTimes, storeUpdate };
}

describe('BoardCatchUp', () => {
  it('delivers in seq order, each once, and ignores what the load already held', () => {
    const { feed, delivered, storeUpdate } = harness();
    feed.received(3, storeUpdate(3).update); // arrived while the room was loading
    feed.loaded(2);
    feed.received(4, storeUpdate(4).update);
    feed.received(4, new Uint8Array([4]));
    feed.received(2, new Uint8Array([2]));
    expect(delivered).toEqual([3, 4]);
  });

  it('reads a gap back from the store and delivers it before what followed it', async () => {
    const { feed, delivered, reads, storeUpdate } = harness();
    feed.loaded(0);
    feed.received(1, storeUpdate(1).update);
    storeUpdate(2); // Redis dropped this one
    feed.received(3, storeUpdate(3).update);
    await waitFor(() => delivered.length === 3, 'the gap read back');
    expect(delivered).toEqual([1, 2, 3]);
    expect(reads).toEqual([1]);
  });

  it('waits out a reordering instead of reading the store', async () => {
    const { feed, delivered, reads, storeUpdate } = harness();
    feed.loaded(0);
    const first = storeUpdate(1);
    feed.received(2, storeUpdate(2).update);
    feed.received(1, first.update);
    expect(delivered).toEqual([1, 2]);
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(reads).toEqual([]);
  });

  it('skips what this process stored itself, even ahead of a gap, without hiding the gap', async () => {
    const { feed, delivered, storeUpdate } = harness();
    feed.loaded(0);
    storeUpdate(1); // another process stored 1; its message is on the way, or lost
    storeUpdate(2);
    feed.stored(2); // this process stored 2
    feed.received(2, new Uint8Array([2])); // and hears its own publish back
    await waitFor(() => delivered.length === 1, 'seq 1 read back');
    feed.received(3, storeUpdate(3).update);
    expect(delivered).toEqual([1, 3]);
  });

  it('notices a missed LAST update from a heartbeat', async () => {
    const { feed, delivered, storeUpdate } = harness();
    feed.loaded(0);
    storeUpdate(1); // published, and lost: nothing follows it
    feed.heard(1);
    await waitFor(() => delivered.length === 1, 'the last update read back');
    expect(delivered).toEqual([1]);
  });

  it('retries a read-back that failed, and loses nothing', async () => {
    const { feed, delivered, reads, readTimes, storeUpdate } = harness({ failReads: 2 });
    feed.loaded(0);
    storeUpdate(1);
    feed.received(2, storeUpdate(2).update);
    await waitFor(() => delivered.length === 2, 'the gap read back after failures');
    expect(delivered).toEqual([1, 2]);
    expect(reads).toEqual([0, 0, 0]);
    // Each retry waits retryMs (20 ms here), not the 5 ms grace: a down store is not hammered.
    for (let i = 1; i < readTimes.length; i++)
      expect(readTimes[i]! - readTimes[i - 1]!).toBeGreaterThanOrEqual(18);
  });

  it('reads back across a compaction: the snapshot that replaced the rows closes the gap', async () => {
    const { feed, store, delivered, storeUpdate } = harness();
    feed.loaded(0);
    feed.received(1, storeUpdate(1).update);
    storeUpdate(2);
    storeUpdate(3);
    // Another process compacted rows 1 to 3 into one snapshot; this one missed 2 and 3.
    store.splice(0, 3, { seq: 3, update: new Uint8Array([1, 2, 3]), snapshot: true });
    feed.received(4, storeUpdate(4).update);
    await waitFor(() => delivered.length === 3, 'the snapshot and seq 4');
    expect(delivered).toEqual([1, 3, 4]);
  });

  it('delivers nothing after close', async () => {
    const { feed, delivered, storeUpdate } = harness();
    feed.loaded(0);
    storeUpdate(1);
    feed.heard(1);
    feed.close();
    feed.received(2, storeUpdate(2).update);
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(delivered).toEqual([]);
  });
});
