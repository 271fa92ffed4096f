import { WebSocket, type RawData } from 'ws';
import { canEdit, type Role } from '../../lib/model/roles';
import {
  ConnectionQuota,
  connectionLimits,
  type ConnectionLimits,
} from '../limits/connection-quota';
import { errorMessage, type Logger } from '../log';
import type { Participant, Room } from '../rooms/room';
import { CLOSE, ConnectionError, closeReason } from './close-codes';
import { MESSAGE, encodeSyncStep1 } from './messages';
import { handleMessage, type ReadOnlyConnection } from './protocol';

function toBytes(data: RawData): Uint8Array {
  if (Array.isArray(data)) return new Uint8Array(Buffer.concat(data));
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
}

/**
 * One client's WebSocket in one room. It turns frames into protocol calls and any failure
 * into a close of this socket alone, with a close code that says what went wrong.
 */
export class Connection implements Participant {
  private closed = false;
  /** Cleared by each keep-alive ping, set again by the pong. */
  private answeredPing = true;
  /** A viewer's: whether it was told that its updates are dropped (it is told once). */
  private readonly readOnly: ReadOnlyConnection | undefined;
  private readonly quota: ConnectionQuota;

  constructor(
    private readonly socket: WebSocket,
    private readonly room: Room,
    /** What the link it was opened with allows; a viewer's document updates are dropped. */
    readonly role: Role,
    private readonly logger: Logger,
    /** The board this connection belongs to (a private writer's room is not named after it). */
    readonly boardId: string = room.id,
    /**
     * The board's room, whose locks judge what this connection writes: `room` itself, or for a
     * private writer's draft the board it will be revealed on. A draft's connection keeps that
     * room loaded (as a silent participant: nothing of the board is sent to it).
     */
    private readonly board: Room = room,
    /** The document schema version the client declared (`?v=`); undefined: none (stock). */
    private readonly schemaVersion?: number,
    limits: ConnectionLimits = connectionLimits(),
  ) {
    this.readOnly = canEdit(role) ? undefined : { told: false };
    this.quota = new ConnectionQuota(limits);
  }

  /** In the board's room for a draft's connection: relays to it go nowhere. */
  private readonly boardWatcher: Participant = {
    send: () => {},
    close: (code, reason) => this.close(code, reason),
  };

  /** Joins the room and starts the handshake: our state vector, then who is here. */
  start(): void {
    this.socket.on('message', this.onMessage);
    this.socket.on('close', this.onClose);
    // ws reports a bad frame (too big, bad UTF-8 in a text frame) here, after closing the
    // socket itself with the right code; without a listener the error would crash the process.
    this.socket.on('error', (error) => this.logger.warn('sync socket error', errorMessage(error)));
    this.socket.on('pong', () => {
      this.answeredPing = true;
    });
    this.room.join(this);
    if (this.board !== this.room) this.board.join(this.boardWatcher);
    // Our step 1 asks the client for what the room lacks (its offline edits). A room still
    // serving from its stored bytes has no state vector to send without a pass over them, and
    // could not accept those edits before its document is built (they are checked against
    // it), so the question waits for the document. The client's own step 1 is answered at once.
    this.room.whenMaterialized(() => this.send(encodeSyncStep1(this.room.doc)));
    const awareness = this.room.awarenessSnapshot();
    if (awareness) this.send(awareness);
  }

  send(message: Uint8Array, onSent?: () => void): void {
    if (this.closed || this.socket.readyState !== WebSocket.OPEN) return;
    // A stock client sends each awareness message back (connection-quota.ts).
    if (message[0] === MESSAGE.awareness) this.quota.sentAwareness();
    this.socket.send(
      message,
      onSent
        ? (error) => {
            this.afterSend(error);
            if (!error) onSent();
          }
        : this.afterSend,
    );
  }

  /**
   * After a relayed message went out: one callback per connection, not a closure per message
   * (a move is sent to every other participant).
   */
  private readonly afterSend = (error?: Error | null): void => {
    // The socket is broken; there is nobody left to tell why.
    if (error) this.terminate();
  };

  close(code: number, reason: string): void {
    if (this.closed) return;
    this.closed = true;
    this.leaveRooms();
    this.socket.close(code, closeReason(reason));
  }

  /** Called by the keep-alive timer: drops a peer that did not answer the previous ping. */
  ping(): void {
    if (this.closed) return;
    if (!this.answeredPing) {
      this.terminate();
      return;
    }
    this.answeredPing = false;
    this.socket.ping();
  }

  private terminate(): void {
    this.closed = true;
    this.leaveRooms();
    this.socket.terminate();
  }

  private leaveRooms(): void {
    this.room.leave(this);
    this.board.leave(this.boardWatcher);
  }

  private readonly onMessage = (data: RawData, isBinary: boolean): void => {
    if (this.closed) return;
    if (!isBinary) {
      this.close(CLOSE.unsupportedData, 'text frames are not supported');
      return;
    }
    try {
      handleMessage(toBytes(data), {
        room: this.room,
        participant: this,
        readOnly: this.readOnly,
        role: this.role,
        quota: this.quota,
        board: this.board,
        schemaVersion: this.schemaVersion,
      });
    } catch (error) {
      if (error instanceof ConnectionError) {
        this.logger.warn(
          `board ${this.room.id}: closing a connection (${error.code})`,
          error.message,
        );
        this.close(error.code, error.message);
      } else {
        this.logger.error(`board ${this.room.id}: message handler failed`, error);
        this.close(CLOSE.internalError, 'internal error');
      }
    }
  };

  private readonly onClose = (): void => {
    this.closed = true;
    this.leaveRooms();
  };
}
