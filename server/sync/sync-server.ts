import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import type { BoardId, Role } from '../../lib/model';
import { tokenFromRequest } from '../auth/request-token';
import { digestsEqual, hashToken } from '../auth/tokens';
import { childLogger, errorMessage, type Logger } from '../log';
import type { ConnectionLimits } from '../limits/connection-quota';
import type { Room } from '../rooms/room';
import type { RoomRegistry } from '../rooms/room-registry';
import { CLOSE } from './close-codes';
import { Connection } from './connection';
import { rejectUpgrade } from './upgrade';

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
  /**
   * A cluster process's memory of revoked links (cluster/socket-commands.ts): connections
   * then keep their token's digest, so a revocation closes exactly the old link's holders.
   */
  revokedLinks?: { isRevoked(board: string, digest: Uint8Array): boolean };
}

/** No digest: never equal to any (digestsEqual refuses empty ones). */
const NONE = new Uint8Array(0);

/** The rooms a connection joins: its board's, and its own (the same, but for a draft). */
interface Rooms {
  board: Room;
  room: Room;
}

/** The WebSocket side: accepted upgrades become connections in their board's room. */
export class SyncServer {
  private readonly wss: WebSocketServer;
  private readonly sockets = new Map<WebSocket, Connection | null>();
  /** Each socket's link digest (SHA-256 of its token), kept only in a cluster. */
  private readonly digests = new WeakMap<WebSocket, Uint8Array>();
  private readonly keepalive: NodeJS.Timeout;
  private closing = false;

  constructor(private readonly options: SyncServerOptions) {
    // noServer: the HTTP server's upgrade handler checks origin and board before we get here.
    this.wss = new WebSocketServer({ noServer: true, maxPayload: options.maxMessageBytes });
    this.keepalive = setInterval(() => {
      for (const connection of this.sockets.values()) connection?.ping();
    }, options.keepaliveIntervalMs ?? KEEPALIVE_INTERVAL_MS);
    this.keepalive.unref();
  }

  /**
   * Completes the handshake of an upgrade already checked, for a board known to exist. The
   * rooms are loaded first, so that no message the client sends on open arrives before its
   * connection listens; then `stillGranted` checks the link again (it may have been
   * regenerated while the rooms loaded, and disconnectRole only reaches open connections).
   */
  async accept(
    request: IncomingMessage,
    socket: Duplex,
    head: Buffer,
    boardId: BoardId,
    role: Role,
    stillGranted: () => Promise<boolean>,
    /** Set for a private writer's connection: the room of that writer's private notes. */
    privateRoomId?: string,
    /** The document schema version the client declared (`?v=`), if it did. */
    schemaVersion?: number,
  ): Promise<void> {
    const rooms = await this.loadRooms(boardId, privateRoomId);
    if (rooms && !(await stillGranted().catch(() => false))) {
      this.releaseRooms(rooms);
      rejectUpgrade(socket, 403, 'this board needs a valid link (token)');
      return;
    }
    if (socket.destroyed || !socket.writable) {
      if (rooms) this.releaseRooms(rooms);
      return;
    }
    let opened = false;
    this.wss.handleUpgrade(request, socket, head, (ws) => {
      opened = true;
      if (this.options.revokedLinks)
        this.digests.set(ws, hashToken(tokenFromRequest(request) ?? ''));
      this.onOpen(ws, boardId, role, rooms, schemaVersion, privateRoomId);
    });
    // A handshake ws refused (a malformed key, say) never opens: its rooms are let go.
    if (!opened && rooms) socket.once('close', () => opened || this.releaseRooms(rooms));
  }

  /** Closes every connection to `boardId` opened with `role`'s link (it was regenerated). */
  disconnectRole(boardId: BoardId, role: Role): void {
    for (const connection of this.sockets.values())
      if (connection?.boardId === boardId && connection.role === role)
        connection.close(CLOSE.linkRevoked, 'this link was replaced by a new one');
  }

  /**
   * Closes every connection to `boardId` opened with the link whose digest is `digest` (a
   * cluster's revokeLink: not by role, so a holder of the new link stays).
   */
  disconnectDigest(boardId: string, digest: Uint8Array): void {
    for (const [ws, connection] of this.sockets)
      if (connection?.boardId === boardId && digestsEqual(this.digests.get(ws) ?? NONE, digest))
        connection.close(CLOSE.linkRevoked, 'this link was replaced by a new one');
  }

  /** The board's room and the connection's own (a draft's, or the board's); null on failure. */
  private async loadRooms(boardId: BoardId, privateRoomId?: string): Promise<Rooms | null> {
    const { rooms, privateRooms } = this.options;
    let board: Room | undefined;
    try {
      if (privateRoomId !== undefined && !privateRooms) throw new Error('no private writing here');
      // A draft is judged by its board's locks: its connection holds the board's room too.
      board = await rooms.acquire(boardId);
      const room = privateRoomId !== undefined ? await privateRooms!.acquire(privateRoomId) : board;
      return { board, room };
    } catch (error) {
      if (board) rooms.release(board);
      this.socketLogger(boardId, privateRoomId).error(
        `board ${boardId}: could not load`,
        errorMessage(error),
      );
      return null;
    }
  }

  private releaseRooms({ board, room }: Rooms): void {
    this.options.rooms.release(board);
    if (room !== board) this.options.privateRooms?.release(room);
  }

  /** Every line about a socket names its board (and its draft, for a private writer). */
  private socketLogger(boardId: BoardId, privateRoomId?: string): Logger {
    return childLogger(
      this.options.logger,
      privateRoomId === undefined ? { board: boardId } : { board: boardId, draft: privateRoomId },
    );
  }

  private onOpen(
    ws: WebSocket,
    boardId: BoardId,
    role: Role,
    rooms: Rooms | null,
    schemaVersion?: number,
    privateRoomId?: string,
  ): void {
    this.sockets.set(ws, null);
    ws.once('close', () => this.sockets.delete(ws));
    if (!rooms || this.closing) {
      if (rooms) this.releaseRooms(rooms);
      ws.on('error', () => {});
      ws.close(CLOSE.internalError, 'the board could not be loaded');
      return;
    }
    // Revoked on another process while this upgrade was under way (its command came first).
    const digest = this.digests.get(ws);
    if (digest && this.options.revokedLinks?.isRevoked(boardId, digest)) {
      this.releaseRooms(rooms);
      ws.on('error', () => {});
      ws.close(CLOSE.linkRevoked, 'this link was replaced by a new one');
      return;
    }
    const connection = new Connection(
      ws,
      rooms.room,
      role,
      this.socketLogger(boardId, privateRoomId),
      boardId,
      rooms.board,
      schemaVersion,
      this.options.connectionLimits,
    );
    this.sockets.set(ws, connection);
    connection.start();
  }

  get connectionCount(): number {
    return this.sockets.size;
  }

  /** Closes every socket with "going away", waiting briefly for the close handshakes. */
  async close(): Promise<void> {
    this.closing = true;
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
