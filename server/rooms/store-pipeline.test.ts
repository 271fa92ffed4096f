import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { Logger } from '../log';
import type { LogRef, StoredSnapshot } from '../store/store';
import { StorePipeline, type Sender } from './store-pipeline';

const quiet: Logger = { info: () => {}, warn: () => {}, error: () => {} };

/** A store whose writes resolve (or fail) when the test says, recording what each held. */
function heldStore() {
  const writes: {
    kind: 'append' | 'snapshot';
    updates: (number | 'merged')[];
    settle(ok: boolean): void;
  }[] = [];
  const write = (kind: 'append' | 'snapshot', updates: (number | 'merged')[]) =>
    new Promise<void>((resolve, reject) =>
      writes.push({
        kind,
        updates,
        settle: (ok) => (ok ? resolve() : reject(new Error('disk full (simulated)'))),
      }),
    );
  return {
    writes,
    store: {
      appendUpdates: (_log: LogRef, updates: readonly Uint8Array[]) =>
        write(
          'append',
          updates.map((u) => numberOf(u) as number),
        ),
      compact: (_log: LogRef, _snapshot: StoredSnapshot) => write('snapshot', []),
    },
  };
}

const turn = () => new Promise((resolve) => setImmediate(resolve));

/** Real Yjs updates (merged after a failure), each known by its number. */
const numbers = new Map<Uint8Array, number>();
const source = new Y.Doc();
function update(n: number): Uint8Array {
  let bytes: Uint8Array | null = null;
  source.once('update', (u: Uint8Array) => (bytes = u));
  source.getMap('m').set(String(n), n);
  numbers.set(bytes!, n);
  return bytes!;
}
const numberOf = (bytes: Uint8Array): number | 'merged' => numbers.get(bytes) ?? 'merged';

function pipeline() {
  const held = heldStore();
  const relayed: { update: number | 'merged'; except: Sender | null }[] = [];
  const refused: Sender[] = [];
  const doc = new Y.Doc();
  const stored: (number | 'merged' | 'snapshot')[] = [];
  const queue = new StorePipeline({
    id: 'board',
    log: { board: 'board' as never },
    store: held.store,
    logger: quiet,
    snapshot: () => ({ format: 'v2', data: Y.encodeStateAsUpdateV2(doc) }),
    relay: (bytes, except) => relayed.push({ update: numberOf(bytes), except }),
    refuse: (sender) => refused.push(sender),
    stored: (appended) =>
      appended === 'snapshot' ? stored.push('snapshot') : stored.push(...appended.map(numberOf)),
    compactionFailed: () => {},
  });
  return { queue, writes: held.writes, relayed, refused, stored };
}

const sender = (): Sender => ({ close: () => {} });

describe('StorePipeline', () => {
  it('writes a change alone at once, and the ones that came meanwhile together in the next write', async () => {
    const { queue, writes, relayed } = pipeline();
    const [a, b] = [sender(), sender()];
    queue.submit(update(1), a);
    expect(writes.map((w) => w.updates)).toEqual([[1]]);
    queue.submit(update(2), b);
    queue.submit(update(3), a);
    queue.submit(update(4), null);
    // While the first write is in flight, nothing else is written and nothing is relayed.
    expect(writes).toHaveLength(1);
    expect(relayed).toEqual([]);
    expect(queue.depth).toBe(4);

    writes[0]!.settle(true);
    await turn();
    expect(relayed).toEqual([{ update: 1, except: a }]);
    // One write, one transaction, for everything that queued: group commit, no delay.
    expect(writes.map((w) => w.updates)).toEqual([[1], [2, 3, 4]]);
    writes[1]!.settle(true);
    await turn();
    expect(relayed).toEqual([
      { update: 1, except: a },
      { update: 2, except: b },
      { update: 3, except: a },
      { update: 4, except: null },
    ]);
    expect(queue.depth).toBe(0);
  });

  it('relays nothing of a failed write, closes its senders, and stores it all as one snapshot next', async () => {
    const { queue, writes, relayed, refused, stored } = pipeline();
    const [a, b] = [sender(), sender()];
    queue.submit(update(1), a);
    queue.submit(update(2), b);
    writes[0]!.settle(true);
    await turn();
    writes[1]!.settle(false);
    await turn();
    expect(refused).toEqual([b]);
    expect(relayed.map((r) => r.update)).toEqual([1]);
    expect(queue.hasUnstored).toBe(true);

    // The next change is written as a snapshot holding it and what failed, then both go to all.
    queue.submit(update(3), a);
    expect(writes[2]!.kind).toBe('snapshot');
    writes[2]!.settle(true);
    await turn();
    expect(queue.hasUnstored).toBe(false);
    expect(stored).toEqual([1, 'snapshot']);
    // What failed and what came after, merged, to everyone (the failed sender included).
    expect(relayed).toEqual([
      { update: 1, except: a },
      { update: 'merged', except: null },
    ]);
  });

  it('runs afterStored callbacks once everything submitted before them is stored', async () => {
    const { queue, writes } = pipeline();
    const calls: string[] = [];
    queue.afterStored(() => calls.push('idle'));
    expect(calls).toEqual(['idle']);
    queue.submit(update(1), null);
    queue.afterStored(() => calls.push('after 1'));
    queue.submit(update(2), null);
    queue.afterStored(() => calls.push('after 2'));
    writes[0]!.settle(true);
    await turn();
    expect(calls).toEqual(['idle', 'after 1']);
    writes[1]!.settle(false);
    await turn();
    // Its write failed: it waits for the snapshot that stores it.
    expect(calls).toEqual(['idle', 'after 1']);
    const drained = queue.drain();
    writes[2]!.settle(true);
    expect(await drained).toBe(true);
    expect(calls).toEqual(['idle', 'after 1', 'after 2']);
  });

  it('queues a compaction behind the updates before it', async () => {
    const { queue, writes } = pipeline();
    queue.submit(update(1), null);
    queue.submit(update(2), null);
    queue.requestSnapshot();
    writes[0]!.settle(true);
    await turn();
    writes[1]!.settle(true);
    await turn();
    expect(writes.map((w) => w.kind)).toEqual(['append', 'append', 'snapshot']);
  });
});
