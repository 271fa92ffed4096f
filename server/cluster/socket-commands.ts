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
 * How long (ms) a command is remembered. A connection whose token was checked just before the
 * regeneration but that registers after the command passed (the upgrade awaits the store)
 * asks `isRevoked` and is closed too; and a process that was cut from Redis when the command
 * went out gets it when it is back (below). A minute covers any upgrade many times over.
 */
export const REVOKED_MEMORY_MS = 60_000;
/**
 * Commands remembered at most (the oldest go first). Regenerations are rare (a facilitator's
 * click); a hundred a minute is far more than a cluster sees.
 */
export const MAX_REMEMBERED_COMMANDS = 100;

export interface SocketCommandsOptions {
  link: RedisLink;
  channels: ClusterChannels;
  processId: string;
  logger: Logger;
  /**
   * The handler hook: close, with 4403, every connection here to `board` opened with `digest`.
   * Runs on every process, this one included, and may run twice for one command (a command
   * resent after an outage): closing what is already closed does nothing.
   */
  onRevokeLink(command: RevokeLinkCommand): void;
}

/**
 * Commands that act on sockets, whichever process holds them. Each is carried out here at
 * once and published on the processes' channel for every other process. Pub/sub keeps
 * nothing for a process that is not listening, so each process remembers the commands of the
 * last minute: when Redis comes back it publishes them again and asks the others for theirs
 * (a commandsQuery), which covers the commands given while Redis was away, and those another
 * process published while this one was still reconnecting.
 */
export class SocketCommands {
  private remembered: { command: RevokeLinkCommand; at: number }[] = [];

  constructor(private readonly options: SocketCommandsOptions) {
    options.link.onReachability((reachable) => {
      if (!reachable) return;
      this.resend();
      void this.publish({ kind: FRAME.commandsQuery, sender: options.processId });
    });
  }

  /** A link of `board` was regenerated on this process: cut its old holders everywhere. */
  revokeLink(command: RevokeLinkCommand): Promise<boolean> {
    this.carryOut(command);
    return this.send(command);
  }

  /** Whether a connection to `board` opened with `digest` was revoked (see REVOKED_MEMORY_MS). */
  isRevoked(board: string, digest: Uint8Array, now: number = Date.now()): boolean {
    this.forget(now);
    return this.remembered.some(({ command }) => sameCommand(command, board, digest));
  }

  /** A frame from the processes' channel. */
  received(frame: Frame): void {
    if (frame.sender === this.options.processId) return;
    if (frame.kind === FRAME.commandsQuery) this.resend();
    else if (frame.kind === FRAME.revokeLink)
      this.carryOut({ board: frame.board, role: frame.role, digest: frame.digest });
  }

  private carryOut(command: RevokeLinkCommand): void {
    const now = Date.now();
    if (!this.isRevoked(command.board, command.digest, now)) {
      this.remembered.push({ command, at: now });
      if (this.remembered.length > MAX_REMEMBERED_COMMANDS) this.remembered.shift();
    }
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
    this.remembered = this.remembered.filter(({ at }) => now - at <= REVOKED_MEMORY_MS);
  }

  private resend(): void {
    this.forget(Date.now());
    for (const { command } of this.remembered) void this.send(command);
  }

  private send(command: RevokeLinkCommand): Promise<boolean> {
    return this.publish({ kind: FRAME.revokeLink, sender: this.options.processId, ...command });
  }

  private publish(frame: Frame): Promise<boolean> {
    const { link, channels } = this.options;
    return link.publish(channels.processes, encodeFrame(frame));
  }
}

function sameCommand(command: RevokeLinkCommand, board: string, digest: Uint8Array): boolean {
  return command.board === board && digestsEqual(command.digest, digest);
}
