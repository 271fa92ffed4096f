/**
 * The update bus: how a process learns of the updates other processes STORED for a board it
 * holds, in the board's sequence order, each once. Redis only says "something new"; the store
 * is the truth, and anything Redis lost is read back from it (board-feed.ts holds the rule).
 * The Redis implementation is redis-update-bus.ts.
 */

/** One stored update of a board and its place in the board's sequence (the store's). */
export interface SequencedUpdate {
  seq: number;
  /** A Yjs v1 update. */
  update: Uint8Array;
  /**
   * Set on a read-back entry that is the board's snapshot: `update` holds every seq up to
   * `seq`. A read-back from before the last compaction starts with it, since the rows it
   * replaced are gone.
   */
  snapshot?: boolean;
}

/** What a feed needs from the room it feeds (the lead connects these to the room and store). */
export interface BoardFeedHandlers {
  /**
   * The store's updates of this board with seq > `afterSeq`, in seq order (the store's
   * "updates after seq N"); when compaction removed some of them, first the snapshot that
   * replaced them (`snapshot: true`, its `seq` the last one it holds). May reject: the feed
   * retries later.
   */
  readBack(afterSeq: number): Promise<readonly SequencedUpdate[]>;
  /**
   * Applies one update another process stored, to the room's document and its clients, and
   * NOT to the store again (it is there). Called in seq order, never twice for one seq.
   */
  deliver(update: SequencedUpdate): void;
}

/** A process's subscription to one board, from load to unload. */
export interface BoardFeed {
  /**
   * Call once, after reading the board from the store: `seq` is the last one that read
   * included. What arrived since `open` with a higher seq is delivered now, in order.
   */
  loaded(seq: number): void;
  /**
   * Call after this process STORED `update` as `seq`: tells the other processes (false when
   * Redis did not take it; nothing is lost, they read it back when they notice). Never throws.
   */
  publish(seq: number, update: Uint8Array): Promise<boolean>;
  /** The highest seq this process knows the board's store holds (for the heartbeat). */
  readonly latestSeq: number;
  /** Unsubscribes (the board is unloaded); nothing is delivered after this. */
  close(): Promise<void>;
}

export interface UpdateBus {
  /** False while Redis is unreachable: publishes fail, feeds poll the store instead. */
  readonly reachable: boolean;
  /**
   * Subscribes to a board. Resolves once the subscription is confirmed (or at once while
   * Redis is unreachable), so the caller reads the store after it: nothing published after
   * that read can be missed. Then call `loaded(seq)`.
   */
  open(board: string, handlers: BoardFeedHandlers): Promise<BoardFeed>;
}
