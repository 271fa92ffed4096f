import * as Y from 'yjs';
import { IndexeddbPersistence } from 'y-indexeddb';
import { WebsocketProvider } from 'y-websocket';
import type { Awareness } from 'y-protocols/awareness';
import { TOKEN_PARAM, type BoardId } from '../model';
import { BoardReader, createUndoManager } from '../doc';
import { TEXT_EDITOR_ORIGINS } from './text-editor-origin';
import type { PresenceUser } from './presence';
import { REFUSED_CLOSE_CODE } from './refused';

/** Path of the sync endpoint on the app's own origin (server/ serves both). */
export const SYNC_PATH = '/sync';
/** Name of the browser-local copy of a board, kept so offline edits survive a reload. */
export const localStoreName = (boardId: BoardId) => `lienzo-board-${boardId}`;

/** 'revoked': the server closed us for good (4400-4499: the link was regenerated). */
export type ConnectionStatus = 'connecting' | 'connected' | 'offline' | 'revoked';

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
   * mid-gesture), so the page can tell the person why their last change is gone.
   */
  readonly afterRefusal: boolean;
  /** Resolves once the browser's local copy has been read into the document. */
  readonly localLoaded: Promise<void>;
  destroy(): void;
}

export function syncUrlFor(location: Pick<Location, 'protocol' | 'host'>): string {
  return `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}${SYNC_PATH}`;
}

/** `token` is the link's (?t=): the provider adds it to the socket URL, /sync/<id>?t=... */
export function connectBoard(
  boardId: BoardId,
  user: PresenceUser,
  syncUrl: string,
  token: string,
  options: { afterRefusal?: boolean; onRefused?: () => void } = {},
): BoardConnection {
  const doc = new Y.Doc();
  const local = new IndexeddbPersistence(localStoreName(boardId), doc);
  const provider = new WebsocketProvider(syncUrl, boardId, doc, {
    params: { [TOKEN_PARAM]: token },
  });
  const awareness = provider.awareness;
  awareness.setLocalState({ user, cursor: null, editing: null, selection: [], view: null });

  let status: ConnectionStatus = 'connecting';
  const listeners = new Set<() => void>();
  const setStatus = (next: ConnectionStatus) => {
    if (next === status || status === 'revoked') return; // revoked is final
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
  // y-websocket stops reconnecting after a 44xx close and says so with 'closed'.
  // A refused update: Yjs would hold this client's later changes pending forever behind it,
  // so the local copy (memory and IndexedDB) goes, and the caller opens a fresh connection.
  // Otherwise a 44xx is a revoked link.
  let refused = false;
  provider.on('connection-close', (event: CloseEvent | null) => {
    if (event?.code !== REFUSED_CLOSE_CODE || refused) return;
    refused = true;
    provider.shouldConnect = false;
    void local.clearData().then(() => options.onRefused?.());
  });
  provider.on('closed', () => {
    if (!refused) setStatus('revoked');
  });

  const reader = new BoardReader(doc);
  const undoManager = createUndoManager(doc, TEXT_EDITOR_ORIGINS);
  return {
    boardId,
    doc,
    awareness,
    reader,
    undoManager,
    afterRefusal: options.afterRefusal ?? false,
    getStatus: () => status,
    onStatus(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    localLoaded: local.whenSynced.then(() => undefined),
    destroy() {
      listeners.clear();
      undoManager.destroy();
      reader.destroy();
      awareness.setLocalState(null);
      provider.destroy();
      if (!refused) void local.destroy();
      doc.destroy();
    },
  };
}
