import { randomUUID } from 'node:crypto';
import type { Logger } from '../log';
import { AwarenessRelay } from './awareness-relay';
import { ClusterChannels } from './channels';
import { FRAME, decodeFrame, encodeFrame } from './frames';
import { HEARTBEAT_INTERVAL_MS, PEER_TIMEOUT_MS, PeerWatch } from './process-peers';
import { RedisLink } from './redis-link';
import { RedisUpdateBus } from './redis-update-bus';
import { SocketCommands, type RevokeLinkCommand } from './socket-commands';

export interface ClusterOptions {
  /** LIENZO_REDIS_URL. */
  redisUrl: string;
  logger: Logger;
  /** The close-with-4403 hook (socket-commands.ts). */
  onRevokeLink(command: RevokeLinkCommand): void;
  /** Channel prefix (channels.ts); `lienzo:` unless two clusters share one Redis. */
  channelPrefix?: string;
  /** A random id unless a test names its processes. */
  processId?: string;
  heartbeatMs?: number;
  peerTimeoutMs?: number;
  /** How often open boards read the store while Redis is away (redis-update-bus.ts). */
  pollMs?: number;
}

/**
 * One process's membership of a Lienzo cluster: its Redis link, the update bus, the
 * awareness relay and the socket commands, and the heartbeat that ties them together. Every
 * HEARTBEAT_INTERVAL_MS it publishes its id and the latest seq of each board it holds on the
 * processes' channel; what it hears there makes the bus read back a board another process
 * is further on, and tells who is alive: a process silent for PEER_TIMEOUT_MS (or that said
 * bye) has its clients' presence removed here, and every board is read back once (it may have
 * stored an update and died before publishing it).
 */
export class Cluster {
  readonly processId: string;
  readonly bus: RedisUpdateBus;
  readonly awareness: AwarenessRelay;
  readonly commands: SocketCommands;
  private readonly link: RedisLink;
  private readonly channels: ClusterChannels;
  private readonly peers: PeerWatch;
  private readonly heartbeat: NodeJS.Timeout;
  private closed = false;

  private constructor(options: ClusterOptions) {
    const { logger } = options;
    const processId = (this.processId = options.processId ?? randomUUID());
    const link = (this.link = new RedisLink({
      url: options.redisUrl,
      logger,
      name: `lienzo:${processId}`,
    }));
    const channels = (this.channels = new ClusterChannels(options.channelPrefix));
    const base = { link, channels, processId, logger };
    this.awareness = new AwarenessRelay(base);
    this.bus = new RedisUpdateBus({
      ...base,
      pollMs: options.pollMs,
      onBoardFrame: (board, frame) => {
        // A process that spoke is alive, even before its first heartbeat reached us.
        this.peers.heard(frame.sender);
        this.awareness.received(board, frame);
      },
    });
    this.commands = new SocketCommands({ ...base, onRevokeLink: options.onRevokeLink });
    this.peers = new PeerWatch((gone) => {
      logger.warn(`cluster: process ${gone} is gone; removing its clients' presence`);
      this.awareness.peerGone(gone);
      this.bus.catchUpAll();
    }, options.peerTimeoutMs ?? PEER_TIMEOUT_MS);
    link.onReachability((reachable) => {
      if (!reachable) return;
      this.beat();
      this.awareness.resync();
    });
    this.heartbeat = setInterval(() => {
      this.beat();
      this.peers.sweep();
    }, options.heartbeatMs ?? HEARTBEAT_INTERVAL_MS);
    this.heartbeat.unref();
  }

  /** Joins the cluster: connects to Redis in the background (see `reachable`). */
  static async start(options: ClusterOptions): Promise<Cluster> {
    const cluster = new Cluster(options);
    cluster.link.start();
    await cluster.link.subscribe(cluster.channels.processes, (message) =>
      cluster.onProcessMessage(message),
    );
    return cluster;
  }

  /** Whether Redis is reachable (for /api/health: 503 while it is not). */
  get reachable(): boolean {
    return this.link.reachable;
  }

  /** Says bye (the others drop this process's presence at once) and leaves Redis. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    clearInterval(this.heartbeat);
    await this.link.publish(
      this.channels.processes,
      encodeFrame({ kind: FRAME.bye, sender: this.processId }),
    );
    this.bus.close();
    await this.link.close();
  }

  private beat(): void {
    if (this.closed) return;
    const frame = encodeFrame({
      kind: FRAME.heartbeat,
      sender: this.processId,
      boards: this.bus.heartbeatBoards(),
    });
    void this.link.publish(this.channels.processes, frame);
  }

  private onProcessMessage(message: Buffer): void {
    const frame = decodeFrame(message);
    if (!frame || frame.sender === this.processId) return;
    if (frame.kind === FRAME.heartbeat) {
      this.peers.heard(frame.sender);
      this.bus.heard(frame.boards);
    } else if (frame.kind === FRAME.bye) this.peers.left(frame.sender);
    else this.commands.received(frame);
  }
}
