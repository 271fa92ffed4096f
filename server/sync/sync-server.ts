import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import type { BoardId, Role } from '../../lib/model';
import { childLogger, errorMessage, type Logger } from '../log';
import type { ConnectionLimits } from '../limits/connection-quota';
import type { Room } from '../rooms/room';
import type { RoomRegistry } from '../rooms/room-registry';
import { CLOSE } from './close-codes';
import { Connection } from './connection';

/**
 * How often every socket is pinged (ms). A peer that has not answered the previous ping by
 * the next one is dropped, so a vanished client (laptop lid closed, network gone) leaves its
 * room, and its cursor disappears, within one to two intervals. 30 s is what y-websocket
 * uses, and stays below the idle timeouts of common proxies (often 60 s).
 */
export const KEEPALIVE_INTERVAL_MS = 30_000;

/** On shutdown, how long (ms) clients get to answer our close frame before their socket is cut. */
const SHUTDOWN_CLOSE_WAIT_MS = 1_000;

export interface SyncServerOptions {
  rooms: RoomRegistry;
  /** The private writers' rooms (server/private), keyed `<boardId>.<writer>`. */
  privateRooms?: RoomRegistry;
  logger: Logger;
  /** Frames bigger than this (bytes) close their connection with 1009 (ws does it). */
  maxMessageBytes: number;
  /** Ping interval (ms); KEEPALIVE_INTERVAL_MS unless a test wants it faster. */
  keepaliveIntervalMs?: number;
  /** What each connection may send (limits/connection-quota.ts); its defaults otherwise. */
  connectionLimits?: ConnectionLimits;
}

/** The WebSocket side: accepted upgrades become connections in their board's room. */
export class SyncServer {
  private readonly wss: WebSocketServer;
  private readonly sockets = new Map<WebSocket, Connection | null>();
  private readonly keepalive: NodeJS.Timeout;

  constructor(private readonly options: SyncServerOptions) {
    // noServer: the HTTP server's upgrade handler checks origin and board before we get here.
    this.wss = new WebSocketServer({ noServer: true, maxPayload: options.maxMessageBytes });
    this.keepalive = setInterval(() => {
      for (const connection of this.sockets.values()) connection?.ping();
    }, options.keepaliveIntervalMs ?? KEEPALIVE_INTERVAL_MS);
    this.keepalive.unref();
  }

  /** Completes the handshake of an upgrade already checked, for a board known to exist. */
  accept(
    request: IncomingMessage,
    socket: Duplex,
    head: Buffer,
    boardId: BoardId,
    role: Role,
    /** Set for a private writer's connection: the room of that writer's private notes. */
    privateRoomId?: string,
    /** The document schema version the client declared (`?v=`), if it did. */
    schemaVersion?: number,
  ): void {
    this.wss.handleUpgrade(request, socket, head, (ws) =>
      this.onOpen(ws, boardId, role, privateRoomId, schemaVersion),
    );
  }

  /** Closes every connection to `boardId` opened with `role`'s link (it was regenerated). */
  disconnectRole(boardId: BoardId, role: Role): void {
    for (const connection of this.sockets.values())
      if (connection?.boardId === boardId && connection.role === role)
        connection.close(CLOSE.linkRevoked, 'this link was replaced by a new one');
  }

  private onOpen(
    ws: WebSocket,
    boardId: BoardId,
    role: Role,
    privateRoomId?: string,
    schemaVersion?: number,
  ): void {
    this.sockets.set(ws, null);
    ws.once('close', () => this.sockets.delete(ws));
    let connection: Connection;
    const { rooms, privateRooms } = this.options;
    // Every line about this socket names its board (and its draft, for a private writer).
    const logger = childLogger(
      this.options.logger,
      privateRoomId === undefined ? { board: boardId } : { board: boardId, draft: privateRoomId },
    );
    let board: Room | undefined;
    try {
      if (privateRoomId !== undefined && !privateRooms) throw new Error('no private writing here');
      // A draft is judged by its board's locks: its connection holds the board's room too.
      board = rooms.acquire(boardId);
      // A private room id is never a board id (it has a dot); the registry only keys by it.
      const room =
        privateRoomId !== undefined ? privateRooms!.acquire(privateRoomId as BoardId) : board;
      connection = new Connection(
        ws,
        room,
        role,
        logger,
        boardId,
        board,
        schemaVersion,
        this.options.connectionLimits,
      );
    } catch (error) {
      if (board) rooms.release(board);
      logger.error(`board ${boardId}: could not load`, errorMessage(error));
      ws.on('error', () => {});
      ws.close(CLOSE.internalError, 'the board could not be loaded');
      return;
    }
    this.sockets.set(ws, connection);
    connection.start();
  }

  get connectionCount(): number {
    return this.sockets.size;
  }

  /** Closes every socket with "going away", waiting briefly for the close handshakes. */
  async close(): Promise<void> {
    clearInterval(this.keepalive);
    const closed = [...this.sockets.entries()].map(([ws, connection]) => {
      const done = new Promise<void>((resolve) => ws.once('close', () => resolve()));
      if (connection) connection.close(CLOSE.goingAway, 'the server is shutting down');
      else ws.close(CLOSE.goingAway, 'the server is shutting down');
      return done;
    });
    const timeout = new Promise<void>((resolve) => setTimeout(resolve, SHUTDOWN_CLOSE_WAIT_MS));
    await Promise.race([Promise.all(closed), timeout]);
    for (const ws of this.sockets.keys()) ws.terminate();
    await new Promise<void>((resolve) => this.wss.close(() => resolve()));
  }
}
