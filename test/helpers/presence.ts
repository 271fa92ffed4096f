import * as encoding from 'lib0/encoding';
import type { WebSocket } from 'ws';
import type { Role } from '../../lib/model';
import { MESSAGE } from '../../server/sync/messages';
import { connectClient, openSocket, type TestClient } from './clients';
import { startTestServer, type TestServer } from './test-server';
import { waitFor } from './wait';

/** A presence state as Lienzo's page publishes it (lib/sync/connect-board.ts). */
export function presence(userId: string, name: string, more: Record<string, unknown> = {}) {
  return {
    user: { id: userId, name, color: '#336699' },
    cursor: null,
    editing: null,
    selection: [],
    view: null,
    ...more,
  };
}

export interface AwarenessEntryToSend {
  clientId: number;
  clock: number;
  state: unknown;
}

/** An awareness message as y-protocols encodes it: count, then id, clock and JSON state each. */
export function awarenessFrame(entries: readonly AwarenessEntryToSend[]): Uint8Array {
  const inner = encoding.createEncoder();
  encoding.writeVarUint(inner, entries.length);
  for (const { clientId, clock, state } of entries) {
    encoding.writeVarUint(inner, clientId);
    encoding.writeVarUint(inner, clock);
    encoding.writeVarString(inner, JSON.stringify(state));
  }
  const outer = encoding.createEncoder();
  encoding.writeVarUint(outer, MESSAGE.awareness);
  encoding.writeVarUint8Array(outer, encoding.toUint8Array(inner));
  return encoding.toUint8Array(outer);
}

/** The client id an attacker's socket uses for its own presence. */
export const ATTACKER_ID = 4_000_000_001;

/** A board on a fresh real server, with the stock clients and raw sockets a test opened. */
export interface PresenceBoard {
  readonly server: TestServer;
  readonly id: string;
  start(options?: Parameters<typeof startTestServer>[0]): Promise<void>;
  /** A stock client, closed with the board. */
  client(role: Role, options?: Parameters<typeof connectClient>[3]): TestClient;
  /** A stock client publishing a Lienzo presence state, synced. */
  participant(role: Role, userId: string, name: string): Promise<TestClient>;
  /** A raw socket on the board's sync path, as an attacker opens it. */
  rawSocket(role?: Role): Promise<WebSocket>;
  /**
   * Sends a state of the attacker's own after everything it sent, and waits until `observer`
   * sees it: the server handles a socket's frames in order, so all before it were handled.
   */
  barrier(attacker: WebSocket, observer: TestClient, clientId?: number): Promise<void>;
  stop(): Promise<void>;
}

export function presenceBoard(): PresenceBoard {
  let server: TestServer | null = null;
  let id = '';
  let markerClock = 0;
  const clients: TestClient[] = [];
  const sockets: WebSocket[] = [];
  const running = () => {
    if (!server) throw new Error('start the board first');
    return server;
  };
  const board: PresenceBoard = {
    get server() {
      return running();
    },
    get id() {
      return id;
    },
    async start(options = {}) {
      server = await startTestServer(options);
      id = await server.createBoard('Presence');
      markerClock = 0;
    },
    client(role, options) {
      const c = connectClient(running().url, id, running().token(id, role), options);
      clients.push(c);
      return c;
    },
    async participant(role, userId, name) {
      const c = board.client(role);
      c.provider.awareness.setLocalState(presence(userId, name));
      await c.synced;
      return c;
    },
    async rawSocket(role = 'editor') {
      const path = `/sync/${id}?t=${running().token(id, role)}`;
      const { socket, status } = await openSocket(running().url, path);
      if (!socket) throw new Error(`upgrade refused with ${status}`);
      sockets.push(socket);
      return socket;
    },
    async barrier(attacker, observer, clientId = ATTACKER_ID) {
      const marker = `marker ${++markerClock}`;
      attacker.send(
        awarenessFrame([{ clientId, clock: markerClock, state: presence('u_mallory', marker) }]),
      );
      await waitFor(
        () => observer.provider.awareness.getStates().get(clientId)?.user?.name === marker,
        `the observer to see ${marker}`,
      );
    },
    async stop() {
      for (const c of clients.splice(0)) c.destroy();
      for (const s of sockets.splice(0)) s.terminate();
      await server?.stop();
      server = null;
    },
  };
  return board;
}
