import * as Y from 'yjs';
import { IndexeddbPersistence } from 'y-indexeddb';
import { WebsocketProvider, messageAuth } from 'y-websocket';
import * as authProtocol from 'y-protocols/auth';
import type { Awareness } from 'y-protocols/awareness';
import {
  META_KEYS,
  SCHEMA_VERSION,
  SCHEMA_VERSION_PARAM,
  TOKEN_PARAM,
  type BoardId,
} from '../model';
import { BoardReader, boardRoots, createUndoManager } from '../doc';
import { TEXT_EDITOR_ORIGINS } from './text-editor-origin';
import { sendOwnPresenceOnly } from './own-presence-only';
import type { PresenceUser } from './presence';
import { OUTDATED_CLOSE_CODE, START_OVER_CLOSE_CODES, speaksOtherSchema } from './refused';

/** Path of the sync endpoint on the app's own origin (server/ serves both). */
export const SYNC_PATH = '/sync';
/** Name of the browser-local copy of a board, kept so offline edits survive a reload. */
export const localStoreName = (boardId: BoardId) => `lienzo-board-${boardId}`;

/**
 * Why the server refused a change of ours: 'locked', a lock (or workshop state) this role may
 * not touch, the connection closed with REFUSED_CLOSE_CODE; 'rejected', a value the schema
 * does not allow or too many messages (REFUSED_VALUE_CLOSE_CODE, RATE_LIMITED_CLOSE_CODE);
 * 'view-only', a viewer's link, the connection kept and a permission-denied message sent once.
 */
export type Refusal = 'locked' | 'rejected' | 'view-only';

/**
 * 'revoked': the server closed us for good (4400-4499: the link was regenerated).
 * 'outdated': the board is of another document schema than this page's code (the server was
 * updated): the page writes nothing and asks for a reload. Both are final.
 */
export type ConnectionStatus = 'connecting' | 'connected' | 'offline' | 'revoked' | 'outdated';

const FINAL_STATUSES: readonly ConnectionStatus[] = ['revoked', 'outdated'];

/**
 * One open board in the browser: the document, its two replicas (the server through the
 * y-websocket provider, this browser through IndexedDB), awareness, undo and the reader.
 */
export interface BoardConnection {
  readonly boardId: BoardId;
  readonly doc: Y.Doc;
  readonly awareness: Awareness;
  readonly reader: BoardReader;
  readonly undoManager: Y.UndoManager;
  /** Current status, and a way to hear about changes (for useSyncExternalStore). */
  getStatus(): ConnectionStatus;
  onStatus(listener: () => void): () => void;
  /**
   * Set when this connection replaced one whose change the server refused (a lock arriving
   * mid-gesture, or a write on a view-only link), so the page can tell the person why their
   * last change is gone.
   */
  readonly afterRefusal: Refusal | null;
  /** Resolves once the browser's local copy (if it keeps one) has been read into the document. */
  readonly localLoaded: Promise<void>;
  destroy(): void;
}

export function syncUrlFor(location: Pick<Location, 'protocol' | 'host'>): string {
  return `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}${SYNC_PATH}`;
}

export interface ConnectOptions {
  /**
   * A view-only link: the document is the server's copy alone. It keeps no browser-local copy
   * (it has no edits of its own to keep, and the one in IndexedDB is shared with this
   * browser's editor links: it may hold their unsent offline edits, which a refusal would
   * clear), and talks to no other tab of the board (what they write is theirs to send).
   */
  viewOnly?: boolean;
  afterRefusal?: Refusal;
  /** The server refused a change: the caller opens a fresh connection (see BoardConnection). */
  onRefused?: (why: Refusal) => void;
}

/** `token` is the link's (?t=): the provider adds it to the socket URL, /sync/<id>?t=... */
export function connectBoard(
  boardId: BoardId,
  user: PresenceUser,
  syncUrl: string,
  token: string,
  options: ConnectOptions = {},
): BoardConnection {
  const doc = new Y.Doc();
  const local = options.viewOnly ? null : new IndexeddbPersistence(localStoreName(boardId), doc);
  const provider = new WebsocketProvider(syncUrl, boardId, doc, {
    // The schema version lets the server refuse what an outdated page would write.
    params: { [TOKEN_PARAM]: token, [SCHEMA_VERSION_PARAM]: String(SCHEMA_VERSION) },
    disableBc: options.viewOnly ?? false,
  });
  sendOwnPresenceOnly(provider);
  const awareness = provider.awareness;
  awareness.setLocalState({ user, cursor: null, editing: null, selection: [], view: null });

  let status: ConnectionStatus = 'connecting';
  const listeners = new Set<() => void>();
  const setStatus = (next: ConnectionStatus) => {
    if (next === status || FINAL_STATUSES.includes(status)) return;
    status = next;
    for (const listener of listeners) listener();
  };
  // "connected" means the server has our state and we have its: the sync handshake is done.
  // Once the connection is lost the status stays "offline" through every reconnection attempt
  // (y-websocket reports "connecting" a moment after each failure) until a sync succeeds: the
  // person is told once that they are offline, without flicker.
  const connectingUnlessOffline = () => setStatus(status === 'offline' ? 'offline' : 'connecting');
  provider.on('sync', (synced: boolean) =>
    synced ? setStatus('connected') : connectingUnlessOffline(),
  );
  provider.on('status', ({ status: wsStatus }: { status: string }) => {
    if (wsStatus === 'disconnected') setStatus('offline');
    else if (wsStatus === 'connecting') connectingUnlessOffline();
  });
  // A refused update never reaches the server's copy, and Yjs would hold this client's later
  // changes pending forever behind it: the local copy (memory and IndexedDB), which shows the
  // refused change, goes, and the caller opens a fresh connection from the server's copy.
  let refused = false;
  const startOver = (why: Refusal) => {
    if (refused) return;
    refused = true;
    provider.shouldConnect = false;
    void (local?.clearData() ?? Promise.resolve()).then(() => options.onRefused?.(why));
  };
  // A board of another schema version (the server was updated since this page loaded): the
  // page says so at once, before anything is written (the board page turns read-only on
  // 'outdated'); should a write still go, the server refuses it with OUTDATED_CLOSE_CODE.
  // The local copy goes then, as after any refusal: it holds a change in the old schema.
  const meta = boardRoots(doc).meta;
  const checkSchema = () => {
    if (provider.synced && speaksOtherSchema(meta.get(META_KEYS.schemaVersion)))
      setStatus('outdated');
  };
  meta.observe(checkSchema);
  provider.on('sync', checkSchema);
  // y-websocket stops reconnecting after a 44xx close and says so with 'closed'. A lock's
  // refusal is one, a refused value or a flood others (the page starts over from the server's
  // copy), an outdated page's another; any other 44xx is a revoked link.
  provider.on('connection-close', (event: CloseEvent | null) => {
    const startOverWhy = event ? START_OVER_CLOSE_CODES.get(event.code) : undefined;
    if (startOverWhy) startOver(startOverWhy);
    else if (event?.code === OUTDATED_CLOSE_CODE) {
      setStatus('outdated');
      refused = true;
      void local?.clearData();
    }
  });
  provider.on('closed', () => {
    if (!refused) setStatus('revoked');
  });
  // A viewer's updates are dropped with the connection kept (server/sync/protocol.ts), and
  // the first one is answered with y-protocols' permission denied, which the stock provider
  // only logs. The only permission this server denies is writing.
  provider.messageHandlers[messageAuth] = (_encoder, decoder) =>
    authProtocol.readAuthMessage(decoder, doc, () => startOver('view-only'));

  const reader = new BoardReader(doc);
  const undoManager = createUndoManager(doc, TEXT_EDITOR_ORIGINS);
  return {
    boardId,
    doc,
    awareness,
    reader,
    undoManager,
    afterRefusal: options.afterRefusal ?? null,
    getStatus: () => status,
    onStatus(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    localLoaded: local ? local.whenSynced.then(() => undefined) : Promise.resolve(),
    destroy() {
      listeners.clear();
      undoManager.destroy();
      reader.destroy();
      awareness.setLocalState(null);
      provider.destroy();
      if (!refused) void local?.destroy();
      doc.destroy();
    },
  };
}
