import type { Logger } from '../log';
import { BoardCatchUp } from './board-feed';
import type { ClusterChannels } from './channels';
import { FRAME, decodeFrame, encodeFrame, type Frame } from './frames';
import type { RedisLink } from './redis-link';
import type { BoardFeed, BoardFeedHandlers, UpdateBus } from './update-bus';

/**
 * While Redis is unreachable, every open board reads the store this often (ms): the
 * processes keep converging through the store, one second behind, instead of waiting for
 * Redis to come back.
 */
export const POLL_WHILE_UNREACHABLE_MS = 1_000;

/** A frame on a board's channel that is not an update (awareness, awareness query). */
export type BoardFrameListener = (board: string, frame: Frame) => void;

export interface RedisUpdateBusOptions {
  link: RedisLink;
  channels: ClusterChannels;
  /** This process's id in the cluster (frames it sent itself are skipped). */
  processId: string;
  logger: Logger;
  /** Awareness frames arrive on the board's channel too; they are handed here. */
  onBoardFrame?: BoardFrameListener;
  pollMs?: number;
}

/**
 * The update bus on Redis pub/sub: one channel per board, subscribed while the process holds
 * the board. Ordering, duplicates and gaps are BoardCatchUp's job; this class moves frames,
 * feeds the heartbeat's "latest seq" into it, and reads every board back when Redis comes
 * back (and every second while it is away), so nothing waits on Redis for long.
 */
export class RedisUpdateBus implements UpdateBus {
  private readonly feeds = new Map<string, BoardCatchUp>();
  private poll: NodeJS.Timeout | null = null;

  constructor(private readonly options: RedisUpdateBusOptions) {
    options.link.onReachability((reachable) => {
      if (reachable) {
        this.stopPolling();
        this.catchUpAll();
      } else this.startPolling();
    });
    if (!options.link.reachable) this.startPolling();
  }

  get reachable(): boolean {
    return this.options.link.reachable;
  }

  /** The boards this process holds. */
  get boards(): string[] {
    return [...this.feeds.keys()];
  }

  async open(board: string, handlers: BoardFeedHandlers): Promise<BoardFeed> {
    if (this.feeds.has(board)) throw new Error(`board ${board} already has a feed`);
    const { link, channels, processId, logger } = this.options;
    const feed = new BoardCatchUp(handlers, { board, logger });
    this.feeds.set(board, feed);
    const channel = channels.board(board);
    await link.subscribe(channel, (message) => this.onMessage(board, message));
    return {
      loaded: (seq) => feed.loaded(seq),
      publish: (seq, update) => {
        feed.stored(seq);
        return link.publish(
          channel,
          encodeFrame({ kind: FRAME.update, sender: processId, board, seq, update }),
        );
      },
      get latestSeq() {
        return feed.latestSeq;
      },
      close: async () => {
        feed.close();
        if (this.feeds.get(board) === feed) this.feeds.delete(board);
        await link.unsubscribe(channel);
      },
    };
  }

  /** What this process's heartbeat says: the latest seq it knows of each board it holds. */
  heartbeatBoards(): [string, number][] {
    return [...this.feeds].map(([board, feed]) => [board, feed.latestSeq]);
  }

  /** Another process's heartbeat: a board it says is further than we are gets read back. */
  heard(boards: readonly [string, number][]): void {
    for (const [board, seq] of boards) this.feeds.get(board)?.heard(seq);
  }

  /** Reads every open board back from where it is (Redis came back, or we poll). */
  catchUpAll(): void {
    for (const feed of this.feeds.values()) feed.catchUp();
  }

  close(): void {
    this.stopPolling();
    for (const feed of this.feeds.values()) feed.close();
    this.feeds.clear();
  }

  private onMessage(board: string, message: Buffer): void {
    const frame = decodeFrame(message);
    if (!frame || frame.sender === this.options.processId) return;
    if (frame.kind === FRAME.update) {
      if (frame.board === board) this.feeds.get(board)?.received(frame.seq, frame.update);
    } else this.options.onBoardFrame?.(board, frame);
  }

  private startPolling(): void {
    if (this.poll) return;
    this.poll = setInterval(
      () => this.catchUpAll(),
      this.options.pollMs ?? POLL_WHILE_UNREACHABLE_MS,
    );
    this.poll.unref();
  }

  private stopPolling(): void {
    if (this.poll) clearInterval(this.poll);
    this.poll = null;
  }
}
