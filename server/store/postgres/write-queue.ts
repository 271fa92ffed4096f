/**
 * One ordered queue of operations per key (a log: a board's, or one draft's), with group
 * commit: while a key's transaction is in flight, what arrives for it waits, and the waiting
 * operations that can share a transaction (appends) go in the next one together. There is
 * no timer: an update alone is written at once, and under load a transaction carries as many
 * as arrived during the one before, so a log written by many people (or by several rooms of
 * a cluster through one process) costs one round trip per batch instead of one per update.
 *
 * Operations run in the order pushed, one transaction at a time per key; each `push`
 * resolves (or rejects) when its batch's transaction has committed (or failed). A failed
 * batch fails only its own items; the next batch is tried.
 */
export type FlushBatch<T, R> = (key: string, items: readonly T[]) => Promise<readonly R[]>;

interface Pending<T, R> {
  item: T;
  resolve(result: R): void;
  reject(error: unknown): void;
}

export interface WriteQueueOptions<T> {
  /** Whether an item may share a transaction with its neighbours (appends may; others not). */
  joins(item: T): boolean;
  /**
   * The most items in one transaction: a bound on its size and on how long one batch holds
   * the board's row lock (the rest go in the next one, at once).
   */
  maxBatch: number;
}

export class WriteQueue<T, R> {
  /** Items waiting per key; a key is present while its transaction is in flight. */
  private readonly waiting = new Map<string, Pending<T, R>[]>();
  private readonly idleWaiters: (() => void)[] = [];

  constructor(
    private readonly flush: FlushBatch<T, R>,
    private readonly options: WriteQueueOptions<T>,
  ) {}

  push(key: string, item: T): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      const pending: Pending<T, R> = { item, resolve, reject };
      const queue = this.waiting.get(key);
      if (queue) {
        queue.push(pending);
        return;
      }
      this.waiting.set(key, []);
      void this.run(key, [pending]);
    });
  }

  /** Items waiting for a key's next transaction (metrics, tests). */
  depth(key: string): number {
    return this.waiting.get(key)?.length ?? 0;
  }

  /** Resolves once no transaction is in flight and nothing waits (close, tests). */
  idle(): Promise<void> {
    if (this.waiting.size === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  /** The waiting items that go together next: a run of joining ones, or one that does not. */
  private nextBatchLength(queue: readonly Pending<T, R>[]): number {
    const { joins, maxBatch } = this.options;
    if (!joins(queue[0]!.item)) return 1;
    let length = 1;
    while (length < queue.length && length < maxBatch && joins(queue[length]!.item)) length++;
    return length;
  }

  private async run(key: string, batch: Pending<T, R>[]): Promise<void> {
    for (;;) {
      try {
        const results = await this.flush(
          key,
          batch.map((pending) => pending.item),
        );
        batch.forEach((pending, index) => pending.resolve(results[index]!));
      } catch (error) {
        for (const pending of batch) pending.reject(error);
      }
      const queue = this.waiting.get(key)!;
      if (queue.length === 0) break;
      batch = queue.splice(0, this.nextBatchLength(queue));
    }
    this.waiting.delete(key);
    if (this.waiting.size === 0) for (const resolve of this.idleWaiters.splice(0)) resolve();
  }
}
