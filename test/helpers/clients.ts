import * as decoding from 'lib0/decoding';
import { WebSocket } from 'ws';
import * as authProtocol from 'y-protocols/auth';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { boardRoots } from '../../lib/doc';
import { MESSAGE } from '../../server/sync/messages';
import { waitFor } from './wait';

/** A stock provider syncs with a local server in milliseconds; this only bounds a failure. */
const SYNC_TIMEOUT_MS = 5_000;

export interface TestClient {
  doc: Y.Doc;
  provider: WebsocketProvider;
  /** Resolves once the first sync with the server completed. */
  synced: Promise<void>;
  noteIds(): string[];
  destroy(): void;
}

/** A WebSocket class that shows every received frame to `onFrame` before the provider. */
function tappedWebSocket(onFrame: (frame: Buffer) => void) {
  return class TappedWebSocket extends WebSocket {
    constructor(address: string | URL, protocols?: string | string[]) {
      super(address, protocols);
      // y-websocket asks for ArrayBuffers; copy each frame as it arrived.
      this.on('message', (data: ArrayBuffer) => onFrame(Buffer.from(data)));
    }
  };
}

/**
 * A stock y-websocket provider, as the browser app uses it, on
 * `<serverUrl>/sync/<boardId>?t=<token>`.
 */
export function connectClient(
  serverUrl: string,
  boardId: string,
  token: string,
  options: {
    /** More query parameters (a private writer's `w`). */
    params?: Record<string, string>;
    /** Sees every frame the server sends this client, as bytes (what a network tab shows). */
    onFrame?: (frame: Buffer) => void;
  } = {},
): TestClient {
  const doc = new Y.Doc();
  const Socket = options.onFrame ? tappedWebSocket(options.onFrame) : WebSocket;
  const provider = new WebsocketProvider(`${serverUrl.replace(/^http/, 'ws')}/sync`, boardId, doc, {
    params: { t: token, ...options.params },
    WebSocketPolyfill: Socket as unknown as typeof globalThis.WebSocket,
    // Node 20 has BroadcastChannel: without this, two providers in one process would sync
    // through it and bypass the server under test.
    disableBc: true,
  });
  let timer: NodeJS.Timeout | undefined;
  const synced = new Promise<void>((resolve, reject) => {
    timer = setTimeout(
      () => reject(new Error(`${boardId}: no sync in ${SYNC_TIMEOUT_MS} ms`)),
      SYNC_TIMEOUT_MS,
    );
    provider.on('sync', (isSynced: boolean) => {
      if (isSynced) resolve();
    });
  }).finally(() => clearTimeout(timer));
  // Awaited by most tests; this handler only keeps an unawaited timeout from being "unhandled".
  synced.catch(() => {});
  return {
    doc,
    provider,
    synced,
    noteIds: () => [...boardRoots(doc).notes.keys()],
    destroy() {
      clearTimeout(timer);
      provider.destroy();
      doc.destroy();
    },
  };
}

/** Waits until every client's notes are exactly `ids`. */
export async function waitForNotes(clients: TestClient[], ids: string[], timeoutMs = 5_000) {
  const expected = [...ids].sort().join();
  await waitFor(
    () => clients.every((client) => client.noteIds().sort().join() === expected),
    `notes ${expected}`,
    timeoutMs,
  );
}

export interface UpgradeResult {
  /** The open socket, when the upgrade succeeded. */
  socket?: WebSocket;
  /** The HTTP status of a refused upgrade. */
  status?: number;
  body?: string;
}

/** Opens a raw WebSocket at `path`, resolving with the socket or the refusal's status. */
export function openSocket(
  serverUrl: string,
  path: string,
  headers: Record<string, string> = {},
): Promise<UpgradeResult> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(`${serverUrl.replace(/^http/, 'ws')}${path}`, { headers });
    socket.once('open', () => resolve({ socket }));
    socket.once('unexpected-response', (_request, response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (body += chunk));
      response.on('end', () => resolve({ status: response.statusCode, body }));
      socket.on('error', () => {});
    });
    socket.once('error', reject);
  });
}

/** Resolves with the code and reason the socket is closed with. */
export function closeOf(socket: WebSocket): Promise<{ code: number; reason: string }> {
  return new Promise((resolve) => {
    socket.once('close', (code, reason) => resolve({ code, reason: reason.toString() }));
  });
}

/** The reasons of the permission-denied messages among `frames` (y-protocols' auth message). */
export function permissionDenials(frames: readonly Buffer[]): string[] {
  const reasons: string[] = [];
  for (const frame of frames) {
    const decoder = decoding.createDecoder(frame);
    if (decoding.readVarUint(decoder) !== MESSAGE.auth) continue;
    if (decoding.readVarUint(decoder) === authProtocol.messagePermissionDenied)
      reasons.push(decoding.readVarString(decoder));
  }
  return reasons;
}

/** A refusal closes at once on a local server; after this long the update was taken (ms). */
export const REFUSAL_WAIT_MS = 2_000;

/**
 * The code and reason of the next close of a client's socket, or code 0 ("not closed") when
 * it stays open for REFUSAL_WAIT_MS: the server took what the client sent.
 */
export function closeWithin(c: TestClient): Promise<{ code: number; reason: string }> {
  return new Promise((resolve) => {
    c.provider.on('connection-close', (event: { code: number; reason: string } | null) => {
      if (event) resolve({ code: event.code, reason: event.reason });
    });
    setTimeout(() => resolve({ code: 0, reason: 'not closed' }), REFUSAL_WAIT_MS);
  });
}
