/**
 * The Redis channels of a Lienzo cluster. `prefix` (default `lienzo:`) lets two clusters
 * share one Redis; pub/sub channels are not keys, so nothing is stored under them.
 *
 *   <prefix>board:<board id>   updates, awareness and awareness queries of one board; a
 *                              process subscribes while it holds the board
 *   <prefix>processes          heartbeats, byes and socket commands; every process, always
 */
export const DEFAULT_CHANNEL_PREFIX = 'lienzo:';

export class ClusterChannels {
  constructor(readonly prefix: string = DEFAULT_CHANNEL_PREFIX) {}

  board(board: string): string {
    return `${this.prefix}board:${board}`;
  }

  get processes(): string {
    return `${this.prefix}processes`;
  }
}
