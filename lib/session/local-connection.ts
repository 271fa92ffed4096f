/**
 * A BoardConnection without a wire: the document, awareness, reader and undo manager a real
 * connection has, and a status set by hand. The page draws a past version through one (a
 * session on the version's document, read-only); the session tests drive one directly.
 */
import type * as Y from 'yjs';
import { Awareness } from 'y-protocols/awareness';
import { BoardReader, createUndoManager } from '../doc';
import type { BoardConnection, ConnectionStatus, DraftConnection, Refusal } from '../sync';
import { TEXT_EDITOR_ORIGINS } from '../sync/text-editor-origin';

export interface LocalConnection extends BoardConnection {
  setStatus(status: ConnectionStatus): void;
  destroyed: boolean;
}

export function localConnection(doc: Y.Doc, afterRefusal: Refusal | null = null): LocalConnection {
  const awareness = new Awareness(doc);
  awareness.setLocalState({
    user: { id: 'me', name: 'Ana', color: '#ff0000' },
    cursor: null,
    editing: null,
    selection: [],
    view: null,
  });
  const reader = new BoardReader(doc);
  const undoManager = createUndoManager(doc, TEXT_EDITOR_ORIGINS);
  let status: ConnectionStatus = 'connecting';
  const listeners = new Set<() => void>();
  const connection: LocalConnection = {
    boardId: 'board' as BoardConnection['boardId'],
    doc,
    awareness,
    reader,
    undoManager,
    afterRefusal,
    localLoaded: Promise.resolve(),
    destroyed: false,
    getStatus: () => status,
    onStatus(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    setStatus(next) {
      status = next;
      for (const listener of listeners) listener();
    },
    destroy() {
      connection.destroyed = true;
      undoManager.destroy();
      reader.destroy();
      awareness.destroy();
    },
  };
  return connection;
}

export function localDraft(doc: Y.Doc): DraftConnection & { destroyed: boolean } {
  const reader = new BoardReader(doc);
  const undoManager = createUndoManager(doc, TEXT_EDITOR_ORIGINS);
  const draft = {
    doc,
    reader,
    undoManager,
    destroyed: false,
    destroy() {
      draft.destroyed = true;
      undoManager.destroy();
      reader.destroy();
    },
  };
  return draft;
}
