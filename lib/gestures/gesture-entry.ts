import type * as Y from 'yjs';
import type { NotePlaceLookup, PlaceChange } from '../doc';
import type { MessageKey } from '../i18n/messages';
import type { NoteId, Rect } from '../model';
import type { NotePlace } from '../model/lock-rule';

/**
 * The vocabulary of the gesture table (gesture-table.ts): what one entry declares. An entry is
 * a model function of lib/doc plus what it touches; the policies of board-gestures.ts (viewer
 * refusal, lock gating, routing into the private draft, undo capture) read only that, so a
 * new entry gets all of them without being listed anywhere else.
 */

/** The document a gesture writes to, the person writing (a new note's author) and the time. */
export interface GestureTarget {
  readonly doc: Y.Doc;
  readonly author: string;
  /** The server's time as this browser estimates it, in ms (a timer ends at one instant). */
  readonly now: () => number;
}

/** Which of the page's documents one part of a gesture goes to. */
export type DocChoice = 'board' | 'draft';

/** One call split by document: the arguments each document's part gets. */
export type RoutedPart<A> = readonly [to: DocChoice, args: A];

/** Where the notes a call names are: in this person's private draft or on the board. */
export type InDraft = (id: NoteId) => boolean;

/**
 * What a gesture touches: notes, a field of the board itself (the title), or the facilitator's
 * workshop state (timer, locks, private writing).
 */
export type TouchKind = 'notes' | 'board' | 'workshop';

/**
 * What a gesture touches. For notes, `changes` gives the lock rule its input: every note
 * changed, with its place before and after (place-changes.ts). `route` splits a call between
 * the board and the draft (null: there is no draft); every part is written to its document,
 * and there is always at least one part.
 */
export interface Touches<A extends unknown[], K extends TouchKind = TouchKind> {
  readonly kind: K;
  readonly changes: (noteAt: NotePlaceLookup, args: A) => readonly PlaceChange[];
  readonly route: (inDraft: InDraft | null, args: A) => readonly RoutedPart<A>[];
}

const toBoard = <A>(_inDraft: InDraft | null, args: A): readonly RoutedPart<A>[] => [
  ['board', args],
];

/**
 * Notes named by the gesture's first argument, a list (ids, or moves): each judged by where
 * `change` leaves it, and a list that mixes board and draft notes split into one call each.
 */
export function eachNote<Item, Rest extends unknown[] = []>(
  idOf: (item: Item) => NoteId,
  change: (before: NotePlace | null, item: Item) => PlaceChange,
): Touches<[readonly Item[], ...Rest], 'notes'> {
  return {
    kind: 'notes',
    changes: (noteAt, [items]) => items.map((item) => change(noteAt(idOf(item)), item)),
    route: (inDraft, [items, ...rest]) => {
      const drafts = inDraft ? items.filter((item) => inDraft(idOf(item))) : [];
      if (drafts.length === 0) return [['board', [items, ...rest]]];
      const board = items.filter((item) => !inDraft!(idOf(item)));
      const parts: RoutedPart<[readonly Item[], ...Rest]>[] = [['draft', [drafts, ...rest]]];
      if (board.length > 0) parts.push(['board', [board, ...rest]]);
      return parts;
    },
  };
}

/** One note, named by the first argument; `change` says where the rest of the call leaves it. */
export function oneNote<Rest extends unknown[]>(
  change: (before: NotePlace | null, ...rest: Rest) => PlaceChange,
): Touches<[NoteId, ...Rest], 'notes'> {
  return {
    kind: 'notes',
    changes: (noteAt, [id, ...rest]) => [change(noteAt(id), ...rest)],
    route: (inDraft, args) => [[inDraft?.(args[0]) ? 'draft' : 'board', args]],
  };
}

/** A new note at the rectangle `rect` gives: into the private draft while there is one. */
export function newNote<A extends unknown[]>(
  change: (rect: Rect) => PlaceChange,
  rect: (...args: A) => Rect,
): Touches<A, 'notes'> {
  return {
    kind: 'notes',
    changes: (_noteAt, args) => [change(rect(...args))],
    route: (inDraft, args) => [[inDraft ? 'draft' : 'board', args]],
  };
}

/** A field of the board itself (the title): always the board's, stopped only by the board lock. */
export function boardField<A extends unknown[]>(): Touches<A, 'board'> {
  return { kind: 'board', changes: () => [], route: toBoard };
}

/**
 * The facilitator's workshop state (the timer, the locks, private writing): the board's, the
 * facilitator's alone (the server refuses anyone else's change to it), whatever is locked.
 */
export function workshop<A extends unknown[]>(): Touches<A, 'workshop'> {
  return { kind: 'workshop', changes: () => [], route: toBoard };
}

/** A key that runs a gesture: `KeyboardEvent.key` values (alternatives), with Ctrl/Cmd or not. */
export interface GestureKey {
  readonly keys: readonly string[];
  /** Pressed with Ctrl (or Cmd on a Mac). Plain keys act only when the board has the focus. */
  readonly mod?: boolean;
}

/** The icons a gesture's button may show (components/panel/gesture-buttons.tsx draws them). */
export type GestureIcon = 'duplicate' | 'delete' | 'bringToFront';

/** How the interface offers a gesture that acts on the selected notes. */
export interface SelectionUi {
  /** The button's text. */
  readonly label: MessageKey;
  /** The help dialog's row for its keys. */
  readonly help: MessageKey;
  readonly key: GestureKey;
  /** Its button in the note panel (absent: keyboard only). */
  readonly button?: {
    readonly testId: string;
    readonly icon: GestureIcon;
    /** Shown as destructive (delete). */
    readonly danger?: boolean;
  };
  /** The notes it returns become the selection (the copies of a duplicate). */
  readonly selectsResult?: boolean;
}

/** One gesture: its model function, what it touches and how the interface offers it. */
export interface GestureEntry<A extends unknown[], R, K extends TouchKind = TouchKind> {
  /** Writes the gesture into one document: a call of its model function in lib/doc. */
  readonly write: (target: GestureTarget, ...args: A) => R;
  readonly touches: Touches<NoInfer<A>, K>;
  /** What a refused call returns (or throws), having written nothing. */
  readonly refused: () => NoInfer<R>;
  /**
   * How a call split between the board and the draft returns (default: the last part's
   * result): the copies of both parts of a duplicate.
   */
  readonly join?: (results: readonly NoInfer<R>[]) => NoInfer<R>;
  /**
   * 'step': every call is an undo step of its own, however quickly it follows the last.
   * 'merge': calls in a row merge while they come quickly (holding an arrow key).
   * 'untracked': in nobody's undo history (the workshop state: Ctrl+Z never lifts a lock).
   */
  readonly undo: 'step' | 'merge' | 'untracked';
  /** Offered for the selection (a button, a key): only gestures on a list of note ids. */
  readonly selection?: NoInfer<A> extends [readonly NoteId[]] ? SelectionUi : never;
}

/** Declares an entry, its arguments and result inferred from `write` alone. */
export function gesture<A extends unknown[], R, K extends TouchKind>(
  entry: GestureEntry<A, R, K>,
): GestureEntry<A, R, K> {
  return entry;
}

/**
 * A gesture on the facilitator's workshop state: nothing to return when refused, and in
 * nobody's undo history (the undo manager does not track the workshop map, lib/doc/undo.ts).
 */
export function workshopGesture<A extends unknown[]>(
  write: (target: GestureTarget, ...args: A) => void,
): GestureEntry<A, void, 'workshop'> {
  return { write, touches: workshop<A>(), refused: () => undefined, undo: 'untracked' };
}
