import { digestsEqual } from '../auth/tokens';
import { errorMessage, type Logger } from '../log';
import type { ClusterChannels } from './channels';
import { FRAME, encodeFrame, type Frame } from './frames';
import type { RedisLink } from './redis-link';

/**
 * "Close every connection to `board` opened with the link whose token digest is `digest`
 * (SHA-256, auth/tokens.ts hashToken), with 4403": a link was regenerated. The old digest,
 * not the role, names the connections: one opened with the NEW link on another process just
 * before the command arrives must stay open (4403 is final for y-websocket).
 */
export interface RevokeLinkCommand {
  board: string;
  role: string;
  digest: Uint8Array;
}

/**
 * How long (ms) a revoked digest is remembered. A connection whose token was checked just
 * before the regeneration but that registers after the command passed (the upgrade awaits the
 * store) asks `isRevoked` and is closed too. A minute covers any upgrade many times over.
 */
export const REVOKED_MEMORY_MS = 60_000;
/**
 * Commands kept while Redis is unreachable, sent when it is back (oldest dropped past this).
 * Regenerations are rare (a facilitator's click); a hundred is more than an outage will see.
 */
export const MAX_UNSENT_COMMANDS = 100;

export interface SocketCommandsOptions {
  link: RedisLink;
  channels: ClusterChannels;
  processId: string;
  logger: Logger;
  /**
   * The handler hook: close, with 4403, every connection here to `board` opened with `digest`.
   * Runs on every process, this one included.
   */
  onRevokeLink(command: RevokeLinkCommand): void;
}

/**
 * Commands that act on sockets, whichever process holds them. Each is carried out here at
 * once and published on the processes' channel for every other process. One Redis would not
 * take (it is away) is kept, within a bound, and sent when it is back; the revoked digest is
 * remembered for REVOKED_MEMORY_MS either way.
 */
export class SocketCommands {
  private readonly revoked: { command: RevokeLinkCommand; at: number }[] = [];
  private unsent: RevokeLinkCommand[] = [];

  constructor(private readonly options: SocketCommandsOptions) {
    options.link.onReachability((reachable) => {
      if (reachable) void this.sendUnsent();
    });
  }

  /** A link of `board` was regenerated on this process: cut its old holders everywhere. */
  async revokeLink(command: RevokeLinkCommand): Promise<boolean> {
    this.carryOut(command);
    const sent = await this.send(command);
    if (!sent) {
      this.unsent.push(command);
      if (this.unsent.length > MAX_UNSENT_COMMANDS) this.unsent.shift();
    }
    return sent;
  }

  /** Whether a connection to `board` opened with `digest` was revoked (see REVOKED_MEMORY_MS). */
  isRevoked(board: string, digest: Uint8Array, now: number = Date.now()): boolean {
    this.forget(now);
    return this.revoked.some(
      ({ command }) => command.board === board && digestsEqual(command.digest, digest),
    );
  }

  /** A frame from the processes' channel. */
  received(frame: Frame): void {
    if (frame.kind !== FRAME.revokeLink || frame.sender === this.options.processId) return;
    this.carryOut({ board: frame.board, role: frame.role, digest: frame.digest });
  }

  private carryOut(command: RevokeLinkCommand): void {
    this.forget(Date.now());
    this.revoked.push({ command, at: Date.now() });
    try {
      this.options.onRevokeLink(command);
    } catch (error) {
      this.options.logger.error(
        `board ${command.board}: could not close the ${command.role} link's connections`,
        errorMessage(error),
      );
    }
  }

  private forget(now: number): void {
    while (this.revoked.length > 0 && now - this.revoked[0]!.at > REVOKED_MEMORY_MS)
      this.revoked.shift();
  }

  private send(command: RevokeLinkCommand): Promise<boolean> {
    const { link, channels, processId } = this.options;
    return link.publish(
      channels.processes,
      encodeFrame({ kind: FRAME.revokeLink, sender: processId, ...command }),
    );
  }

  private async sendUnsent(): Promise<void> {
    const waiting = this.unsent;
    this.unsent = [];
    for (const command of waiting) if (!(await this.send(command))) this.unsent.push(command);
  }
}
