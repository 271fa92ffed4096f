import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { BoardReader, createUndoManager } from '../doc';
import { START_OVER_CLOSE_CODES } from './refused';
import { TEXT_EDITOR_ORIGINS } from './text-editor-origin';
import {
  PRIVATE_WRITER_PARAM,
  SCHEMA_VERSION,
  SCHEMA_VERSION_PARAM,
  TOKEN_PARAM,
  type BoardId,
} from '../model';

/**
 * This person's private draft on a board while the facilitator has private writing on: a
 * document of its own that the server serves only to the holder of `writerKey`
 * (server/private), so the notes in it reach no other browser until they are revealed.
 * It carries no presence (the board's connection does), and it is not kept in IndexedDB:
 * the server holds the draft, and the secret in localStorage finds it again after a reload.
 */
export interface DraftConnection {
  doc: Y.Doc;
  reader: BoardReader;
  undoManager: Y.UndoManager;
  destroy(): void;
}

export function connectDraft(
  boardId: BoardId,
  syncUrl: string,
  token: string,
  writerKey: string,
  /**
   * The server refused a draft change (the board's locks judge drafts too) and closed the
   * connection for good: the caller opens a fresh draft, which the server's copy fills.
   */
  onRefused?: () => void,
): DraftConnection {
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(syncUrl, boardId, doc, {
    params: {
      [TOKEN_PARAM]: token,
      [PRIVATE_WRITER_PARAM]: writerKey,
      // As the board's connection (connect-board.ts): an outdated page's draft writes are refused.
      [SCHEMA_VERSION_PARAM]: String(SCHEMA_VERSION),
    },
    // y-websocket links providers of the same room name in one browser through a
    // BroadcastChannel; the board's own provider has this room name, and would receive the
    // draft that way.
    disableBc: true,
  });
  provider.awareness.setLocalState(null);
  provider.on('connection-close', (event: CloseEvent | null) => {
    if (event && START_OVER_CLOSE_CODES.has(event.code)) onRefused?.();
  });
  const reader = new BoardReader(doc);
  const undoManager = createUndoManager(doc, TEXT_EDITOR_ORIGINS);
  return {
    doc,
    reader,
    undoManager,
    destroy() {
      undoManager.destroy();
      reader.destroy();
      provider.destroy();
      doc.destroy();
    },
  };
}
