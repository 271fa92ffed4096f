import * as Y from 'yjs';
import { boardRoots } from './board-doc';
import { commentsRoot } from './comments';
import { LOCAL_ORIGIN } from './origins';

/**
 * Writes closer together than this merge into one undo step. The UI starts a new step at
 * every gesture (lib/react/use-board-actions.ts), so only repeated nudges merge.
 */
export const UNDO_CAPTURE_TIMEOUT_MS = 300;

/**
 * The undo policy: a user undoes their own gestures only. The manager tracks transactions
 * with LOCAL_ORIGIN; updates from the network (origin: the provider) and from the server are
 * never on anyone's stack. Text typed inside a note is undone by the editor's own history
 * while editing (Tiptap's Collaboration extension), not by this manager.
 */
export function createUndoManager(doc: Y.Doc): Y.UndoManager {
  const { meta, notes } = boardRoots(doc);
  // Comments too: posting, resolving or reopening is a gesture like any other (lib/doc/comments.ts).
  return new Y.UndoManager([meta, notes, commentsRoot(doc)], {
    trackedOrigins: new Set([LOCAL_ORIGIN]),
    captureTimeout: UNDO_CAPTURE_TIMEOUT_MS,
  });
}
