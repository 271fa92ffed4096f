import { WebSocket } from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { noteCount } from './board';
import { HocuspocusClient } from './hocuspocus-client';
import { benchPresence } from './presence';
import type { BenchBoard, BenchServer } from './server-process';

/** Bounds a failure only: 200 clients sync a 1,000-note board in a few seconds here. */
const SYNC_TIMEOUT_MS = 60_000;
/** How often (ms) waitUntil checks its condition. */
const POLL_INTERVAL_MS = 10;

/**
 * A client with its own Y.Doc: a stock y-websocket provider, as the browser app uses it, or
 * for Hocuspocus a client speaking its framing (hocuspocus-client.ts).
 */
export interface BenchClient {
  doc: Y.Doc;
  /** True once its first sync with the server is done. */
  readonly synced: boolean;
  /** True once its socket is closed, after destroy. */
  readonly closed: boolean;
  destroy(): void;
}

/** Where and how a client reaches a server. */
export type SyncEndpoint = Pick<BenchServer, 'syncUrl' | 'protocol'>;

export async function waitUntil(
  condition: () => boolean,
  what: string,
  timeoutMs: number,
): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (!condition()) {
    if (performance.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, POLL_INTERVAL_MS));
  }
}

export interface ClientOptions {
  /**
   * Whether the client publishes a presence (awareness) state, as a browser tab does (default).
   * y-websocket renews it every 15 s, so clients connected together renew together.
   */
  presence?: boolean;
  /** connectClients: how long (ms) the clients get to sync; default SYNC_TIMEOUT_MS. */
  syncTimeoutMs?: number;
}

/** `board` is a board id, or a BenchBoard when the server needs URL parameters (a token). */
export function connectClient(
  { syncUrl, protocol }: SyncEndpoint,
  board: string | BenchBoard,
  { presence = true }: ClientOptions = {},
): BenchClient {
  const { id, params } = typeof board === 'string' ? { id: board, params: {} } : board;
  if (protocol === 'hocuspocus') return hocuspocusClient(syncUrl, id, presence);
  // Every provider adds a process 'exit' listener; hundreds of them are expected here, so
  // raise the leak warning's threshold by one per live provider.
  process.setMaxListeners(process.getMaxListeners() + 1);
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(syncUrl, id, doc, {
    params,
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    // Node 20 has BroadcastChannel: without this, providers in one process would sync through
    // it and bypass the server under test.
    disableBc: true,
  });
  // Before the socket opens, so no other presence is ever sent.
  provider.awareness.setLocalState(presence ? benchPresence(doc) : null);
  return {
    doc,
    get synced() {
      return provider.synced;
    },
    get closed() {
      return !provider.ws || provider.ws.readyState === WebSocket.CLOSED;
    },
    destroy() {
      provider.destroy();
      // Also destroys the provider's Awareness, which would otherwise keep a timer running.
      doc.destroy();
      process.setMaxListeners(process.getMaxListeners() - 1);
    },
  };
}

function hocuspocusClient(syncUrl: string, boardId: string, presence: boolean): BenchClient {
  const doc = new Y.Doc();
  const client = new HocuspocusClient(syncUrl, boardId, doc, { presence });
  return {
    doc,
    get synced() {
      return client.synced;
    },
    get closed() {
      return client.socket.readyState === WebSocket.CLOSED;
    },
    destroy() {
      client.destroy();
      doc.destroy();
    },
  };
}

/**
 * Connects `count` clients to a board at once and resolves when every one finished its first
 * sync and holds `expectedNotes` notes (seeding updates may still be reaching the server
 * when a client syncs; it then gets them as live updates).
 */
export async function connectClients(
  server: SyncEndpoint,
  board: string | BenchBoard,
  count: number,
  expectedNotes: number,
  options: ClientOptions = {},
): Promise<BenchClient[]> {
  const clients = Array.from({ length: count }, () => connectClient(server, board, options));
  try {
    await waitUntil(
      () => clients.every((client) => client.synced && noteCount(client.doc) === expectedNotes),
      `${count} clients synced with ${expectedNotes} notes`,
      options.syncTimeoutMs ?? SYNC_TIMEOUT_MS,
    );
  } catch (error) {
    await destroyClients(clients);
    throw error;
  }
  return clients;
}

/** Bounds a failure only: closing handshakes on loopback take milliseconds. */
const CLOSE_TIMEOUT_MS = 10_000;
/**
 * y-websocket 3.1 schedules a reconnect 200 ms after any close, even a deliberate one (it
 * does nothing then), and the timer holds the provider and its doc until it fires. (The
 * Hocuspocus client has no such timer; the wait is the same for every server.)
 */
const RECONNECT_TIMER_MS = 250;

/**
 * Destroys the clients and waits until they can be collected: their sockets closed and the
 * provider's reconnect timer gone. Until then each keeps its whole document reachable (about
 * 8 MiB for the 1,000-note board, so 1.7 GiB for 200 clients), which would slow down
 * whatever the bench times next.
 */
export async function destroyClients(clients: readonly BenchClient[]): Promise<void> {
  for (const client of clients) client.destroy();
  await waitUntil(
    () => clients.every((client) => client.closed),
    `${clients.length} client sockets closed`,
    CLOSE_TIMEOUT_MS,
  );
  await new Promise((resolve) => setTimeout(resolve, RECONNECT_TIMER_MS));
}
