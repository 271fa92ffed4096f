import * as Y from 'yjs';
import { boardRoots } from './board-doc';
import { commentsRoot } from './comments';
import { LOCAL_ORIGIN } from './origins';

/**
 * Writes closer together than this merge into one undo step. The UI starts a new step at
 * every gesture (lib/gestures/board-gestures.ts) and when a note's editor opens, so only
 * repeated nudges and one burst of typing merge.
 */
export const UNDO_CAPTURE_TIMEOUT_MS = 300;

/**
 * Node names that undo keeps while they hold something: the same rule as the note editor's
 * own history (y-tiptap's defaultProtectedNodes), so undoing my typing never takes a peer's.
 */
const PROTECTED_TEXT_NODES: ReadonlySet<string> = new Set(['paragraph']);

/**
 * Whether undo may delete an item this user inserted. A paragraph or a run of text that is
 * not empty is kept: if I typed the first letters into a note (creating its paragraph and
 * its Y.XmlText) and another person then typed into the same line, their letters live inside
 * my paragraph, and deleting it would delete their text. My own letters are items of their
 * own and still go.
 */
function mayDelete(item: Y.Item): boolean {
  if (!(item.content instanceof Y.ContentType)) return true;
  const type = item.content.type;
  const isText = type instanceof Y.Text; // Y.XmlText extends Y.Text
  const isProtected = type instanceof Y.XmlElement && PROTECTED_TEXT_NODES.has(type.nodeName);
  return !(isText || isProtected) || type._length === 0;
}

/**
 * The undo policy: a user undoes their own changes only, in one history. The manager tracks
 * transactions with LOCAL_ORIGIN (every gesture) and with `textEditorOrigins`: the origin the
 * note editor's sync binding writes this user's typing with (lib/sync/text-editor-origin.ts;
 * lib/doc knows no editor). So typing is undone in its place between gestures (create a note,
 * type, move it: undo takes back the move, then the typing, then the note), by the board's
 * Ctrl/Cmd+Z and buttons, whether the editor is still open or not. Updates from the network
 * (origin: the provider) and from the server are never on anyone's stack, and another
 * person's typing in the same note stays (see mayDelete).
 *
 * The editor keeps its own Y.UndoManager (Collaboration always makes one) but its keys call
 * this one (components/board/note-editor.tsx). The board's manager is deliberately not handed
 * to the editor through `yUndoOptions.undoManager`: y-tiptap's plugin calls destroy() on the
 * manager it was given when the editor closes, which stops it recording and drops its
 * listeners (the undo buttons) until an editor opens again.
 */
export function createUndoManager(
  doc: Y.Doc,
  textEditorOrigins: Iterable<unknown> = [],
): Y.UndoManager {
  const { meta, notes } = boardRoots(doc);
  // Comments too: posting, resolving or reopening is a gesture like any other (lib/doc/comments.ts).
  return new Y.UndoManager([meta, notes, commentsRoot(doc)], {
    trackedOrigins: new Set<unknown>([LOCAL_ORIGIN, ...textEditorOrigins]),
    captureTimeout: UNDO_CAPTURE_TIMEOUT_MS,
    // The editor marks writes that are not the user's (a programmatic setContent) this way.
    captureTransaction: (transaction) => transaction.meta.get('addToHistory') !== false,
    deleteFilter: mayDelete,
  });
}
