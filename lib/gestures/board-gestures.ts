import type * as Y from 'yjs';
import {
  boardFieldChangeRefusal,
  boardRoots,
  changesRefusal,
  notePlaceIn,
  noteTextFragment,
  type NotePlaceLookup,
} from '../doc';
import { canEdit, type NoteId, type Role } from '../model';
import type { LockRefusal } from '../model/lock-rule';
import type { DocChoice, GestureEntry, InDraft } from './gesture-entry';
import { GESTURES } from './gesture-table';

/**
 * The policies every gesture of the table obeys, derived from what its entry says it touches
 * (gesture-entry.ts), applied in this order:
 *
 * 1. A viewer's gesture is refused ('view-only'), and anyone's but the facilitator's on the
 *    workshop state ('facilitator-only'): the server would refuse them too.
 * 2. An editor's gesture is judged by the facilitator's locks before anything is written, with
 *    the rule the server applies (lib/model/lock-rule.ts) to the places of the notes it
 *    changes, before and after, wherever this page holds them (the board or the draft);
 *    refusing first keeps the connection and says why. Facilitators are never locked out.
 * 3. While private writing is on, a new note goes to this person's draft, and every other
 *    part of a gesture to the document that holds its notes.
 * 4. Each gesture is an undo step of its own; only repeated calls of a 'merge' gesture (a held
 *    arrow key) merge, and the workshop state is in nobody's history ('untracked'). Undo takes back this person's draft gestures first, then the board's.
 *
 * A refused gesture writes nothing, calls `onRefused` and returns its entry's `refused()`.
 * Undo and redo are not predicted: an undo that would touch a locked block is refused by the
 * server, and the page reopens the board.
 */

export type GestureTable = typeof GESTURES;
export type GestureName = keyof GestureTable;

type ArgsOf<E> = E extends GestureEntry<infer A, infer _R, infer _K> ? A : never;
type ResultOf<E> = E extends GestureEntry<infer _A, infer R, infer _K> ? R : never;

/** One function per entry of the table, with its arguments and result. */
export type GestureActions = {
  readonly [K in GestureName]: (...args: ArgsOf<GestureTable[K]>) => ResultOf<GestureTable[K]>;
};

/** The gestures on the workshop state: the facilitator's controls (components/workshop). */
export type WorkshopGestureName = {
  [K in GestureName]: GestureTable[K] extends GestureEntry<infer _A, infer _R, 'workshop'>
    ? K
    : never;
}[GestureName];
export type WorkshopActions = Pick<GestureActions, WorkshopGestureName>;

/** This person's history on the page, beside the gestures. */
export interface HistoryActions {
  undo(): void;
  redo(): void;
  /**
   * A note's editor opened: what is typed now is a step of its own, apart from the gesture
   * that opened it (a new note's creation), and is undone by undo() like any gesture.
   */
  startTyping(id: NoteId): void;
  /** The shared rich text of a note, for the editor to bind to (opaque to components). */
  noteText(id: NoteId): ReturnType<typeof noteTextFragment>;
}

/**
 * The board's gestures bound to one open board (and this person's draft), so components call
 * `actions.moveNotes(moves)` and never see the document.
 */
export type BoardActions = GestureActions & HistoryActions;

/** Why a gesture was refused before it was written. */
export type GestureRefusal = LockRefusal | 'view-only' | 'facilitator-only';

/** A document open on this page, with this person's undo history of it. */
export interface OpenDoc {
  readonly doc: Y.Doc;
  readonly undoManager: Y.UndoManager;
}

export interface BoardGesturesOptions {
  readonly board: OpenDoc;
  /** This person's private draft while private writing is on for them, else null. */
  readonly draft: OpenDoc | null;
  /** The person's name, the author of the notes they create. */
  readonly author: string;
  readonly role: Role;
  readonly onRefused: (why: GestureRefusal) => void;
  /** The server's time as this browser estimates it, in ms (default: this browser's clock). */
  readonly now?: () => number;
}

/** Every gesture of the table with the policies above, and the history of both documents. */
export function boardGestures({
  board,
  draft,
  author,
  role,
  onRefused,
  now = Date.now,
}: BoardGesturesOptions): BoardActions {
  const inDraft: InDraft | null = draft ? (id) => boardRoots(draft.doc).notes.has(id) : null;
  const noteAt: NotePlaceLookup = (id) =>
    notePlaceIn(board.doc, id) ?? (draft ? notePlaceIn(draft.doc, id) : null);
  const open = (to: DocChoice): OpenDoc => (to === 'draft' && draft ? draft : board);
  const of = (id: NoteId) => open(inDraft?.(id) ? 'draft' : 'board');

  const refusal = <A extends unknown[], R>(
    entry: GestureEntry<A, R>,
    args: A,
  ): GestureRefusal | null => {
    if (!canEdit(role)) return 'view-only';
    const { kind } = entry.touches;
    if (kind === 'workshop') return role === 'facilitator' ? null : 'facilitator-only';
    if (role === 'facilitator') return null;
    return kind === 'board'
      ? boardFieldChangeRefusal(board.doc)
      : changesRefusal(board.doc, entry.touches.changes(noteAt, args));
  };

  /** The last gesture run, so a 'merge' gesture repeated joins the undo step before it. */
  let last: string | null = null;
  const bind =
    <A extends unknown[], R>(name: string, entry: GestureEntry<A, R>) =>
    (...args: A): R => {
      const why = refusal(entry, args);
      if (why) {
        onRefused(why);
        return entry.refused();
      }
      const merges = entry.undo === 'merge' && last === name;
      last = name;
      const results = entry.touches.route(inDraft, args).map(([to, part]) => {
        const { doc, undoManager } = open(to);
        if (!merges) undoManager.stopCapturing();
        return entry.write({ doc, author, now }, ...part);
      });
      return results.length > 1 && entry.join ? entry.join(results) : results[results.length - 1]!;
    };

  const gestures = Object.fromEntries(
    Object.entries(GESTURES).map(([name, entry]) => [
      name,
      // Each entry keeps its own types; the mapped type above states them per name.
      bind(name, entry as unknown as GestureEntry<unknown[], unknown>),
    ]),
  ) as unknown as GestureActions;

  const history: HistoryActions = {
    undo: () => {
      last = null;
      const { undoManager } = draft?.undoManager.canUndo() ? draft : board;
      // What is written next starts a step of its own, apart from what was undone.
      undoManager.stopCapturing();
      undoManager.undo();
    },
    redo: () => {
      last = null;
      if (draft?.undoManager.canRedo()) draft.undoManager.redo();
      else board.undoManager.redo();
    },
    startTyping: (id) => {
      last = null;
      of(id).undoManager.stopCapturing();
    },
    noteText: (id) => noteTextFragment(of(id).doc, id),
  };
  return { ...gestures, ...history };
}
