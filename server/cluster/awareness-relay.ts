import type { Logger } from '../log';
import type { ClusterChannels } from './channels';
import { FRAME, encodeFrame, type Frame } from './frames';
import type { RedisLink } from './redis-link';

/**
 * The origin of the awareness changes RemotePresence makes: the room relays them to its own
 * connections (they are no participant of it), and the relay must not send them back to
 * Redis (shouldPublishAwareness).
 */
export class RemoteOrigin {
  constructor(readonly processId: string) {}
}

/** What the relay needs of a room (remote-presence.ts implements it on the room's awareness). */
export interface PresenceHost {
  /** Applies a y-protocols awareness update from `processId`'s clients, as remote peers. */
  applyRemote(update: Uint8Array, processId: string): void;
  /** Removes every state `processId`'s clients introduced (relayed locally as removals). */
  removePeer(processId: string): void;
  /** A y-protocols awareness update of every state this process's connections hold, or null. */
  localUpdate(): Uint8Array | null;
}

/**
 * Whether a change of a room's awareness, by `origin`, goes to the other processes: changes
 * by this process's connections (and their removal when one leaves, origin null) do; what
 * came from another process does not (it would echo around forever), nor y-protocols'
 * 30 s expiry ('timeout'), which every process runs on its own copy.
 */
export function shouldPublishAwareness(origin: unknown): boolean {
  return !(origin instanceof RemoteOrigin) && origin !== 'timeout';
}

export interface AwarenessRelayOptions {
  link: RedisLink;
  channels: ClusterChannels;
  processId: string;
  logger: Logger;
}

/**
 * Awareness across processes. Awareness is ephemeral: it rides Redis only, never the store.
 * A process publishes on the board's channel what its own connections changed (already
 * checked by its gate); the other processes holding the board apply it as remote peers and
 * relay it to their clients. A board opened here asks the others for their states (an
 * awareness query), and so does every board when Redis comes back, each process answering
 * with its own connections' states; a process that goes has its states removed everywhere
 * (cluster.ts: bye, or heartbeat silent for PEER_TIMEOUT_MS).
 */
export class AwarenessRelay {
  private readonly hosts = new Map<string, PresenceHost>();

  constructor(private readonly options: AwarenessRelayOptions) {}

  /** The board's room is loaded and its feed open: relay its presence from now on. */
  attach(board: string, host: PresenceHost): void {
    this.hosts.set(board, host);
    void this.send({ kind: FRAME.awarenessQuery, sender: this.options.processId, board });
  }

  /** The board is unloaded here. The others drop this process's states of it on their own
   * when its connections' removals arrive (each leaving connection publishes them). */
  detach(board: string): void {
    this.hosts.delete(board);
  }

  /**
   * Call with the y-protocols awareness update of what changed, for each change of a room's
   * awareness for which shouldPublishAwareness(origin) holds. False when Redis did not take it.
   */
  publish(board: string, update: Uint8Array): Promise<boolean> {
    if (!this.hosts.has(board)) return Promise.resolve(false);
    return this.send({ kind: FRAME.awareness, sender: this.options.processId, board, update });
  }

  /** A frame from a board's channel (the update bus hands over what is not an update). */
  received(board: string, frame: Frame): void {
    const host = this.hosts.get(board);
    if (!host || frame.sender === this.options.processId) return;
    if (frame.kind === FRAME.awareness) host.applyRemote(frame.update, frame.sender);
    else if (frame.kind === FRAME.awarenessQuery) this.sendLocal(board, host);
  }

  /** A process went: its clients' states go from every board here. */
  peerGone(processId: string): void {
    for (const host of this.hosts.values()) host.removePeer(processId);
  }

  /**
   * Redis is back: the others may have dropped our states (our heartbeat was silent) and we
   * theirs. Send ours and ask for theirs, for every board.
   */
  resync(): void {
    for (const [board, host] of this.hosts) {
      this.sendLocal(board, host);
      void this.send({ kind: FRAME.awarenessQuery, sender: this.options.processId, board });
    }
  }

  private sendLocal(board: string, host: PresenceHost): void {
    const update = host.localUpdate();
    if (update) void this.publish(board, update);
  }

  private send(frame: Frame & { board: string }): Promise<boolean> {
    const { link, channels } = this.options;
    return link.publish(channels.board(frame.board), encodeFrame(frame));
  }
}
