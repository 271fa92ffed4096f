import { ySyncPluginKey } from '@tiptap/y-tiptap';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  boardRoots,
  createUndoManager,
  linkNotes,
  readBoard,
  setBlockLocked,
  setBoardLocked,
  SERVER_ORIGIN,
} from '../doc';
import { addRelationshipNotes, newBoard } from '../doc/test-support';
import { BLOCK_IDS, type Role } from '../model';
import {
  boardGestures,
  type GestureActions,
  type GestureName,
  type GestureRefusal,
  type OpenDoc,
} from './board-gestures';
import type { TouchKind } from './gesture-entry';
import { GESTURES } from './gesture-table';

/**
 * The policies of board-gestures.ts, driven for every entry of the gesture table: a new entry
 * is covered as soon as it has its sample call below (the type of SAMPLES demands one).
 */

type Notes = ReturnType<typeof addRelationshipNotes>;
type Call<K extends GestureName> = Parameters<GestureActions[K]>;

/**
 * A call of each gesture that writes something on a document holding `notes` (the workshop's:
 * on a board where everything is locked, as `lockedEverywhere` leaves it).
 */
const SAMPLES: { readonly [K in GestureName]: (notes: Notes) => Call<K> } = {
  createNote: () => [{ x: 100, y: 300 }],
  moveNotes: ({ partner }) => [[{ id: partner, x: 120, y: 140 }]],
  nudgeNotes: ({ partner }) => [[{ id: partner, x: 104, y: 100 }]],
  resizeNote: ({ partner }) => [partner, { x: 100, y: 100, width: 200, height: 180 }],
  recolorNotes: ({ partner }) => [[partner], 'pink'],
  deleteNotes: ({ partner }) => [[partner]],
  duplicateNotes: ({ partner }) => [[partner]],
  // The first note created is the lowest: raising it changes the order.
  bringToFront: ({ rel }) => [[rel]],
  renameBoard: () => ['A new title'],
  labelRelationship: ({ rel }) => [rel, { status: 'planned' }],
  chooseRelationshipType: ({ rel }) => [rel, 'personal'],
  linkNotes: ({ rel, shop }) => [rel, shop],
  unlinkNotes: ({ rel, email }) => [rel, email],
  setTimerDuration: () => [5 * 60_000],
  startTimer: () => [],
  pauseTimer: () => [],
  resetTimer: () => [],
  lockBoard: () => [false],
  lockBlock: () => ['keyPartners', false],
  startPrivateWriting: () => [],
};

const NAMES = Object.keys(GESTURES) as GestureName[];
const kindOf = (name: GestureName): TouchKind => GESTURES[name].touches.kind;

/** A document with the relationship fixture, its relationship note linked to one channel. */
function fixture(doc: Y.Doc): { open: OpenDoc; notes: Notes; writes: () => number } {
  const notes = addRelationshipNotes(doc);
  linkNotes(doc, notes.rel, notes.email);
  let updates = 0;
  doc.on('update', () => updates++);
  // As the page makes it (lib/sync), after the fixture so the fixture is not undoable.
  const undoManager = createUndoManager(doc, [ySyncPluginKey]);
  return { open: { doc, undoManager }, notes, writes: () => updates };
}

/** The facilitator's locks arrive: not in this person's undo history. */
function lockedEverywhere(doc: Y.Doc): void {
  setBoardLocked(doc, true, SERVER_ORIGIN);
  for (const block of BLOCK_IDS) setBlockLocked(doc, block, true, SERVER_ORIGIN);
}

/** What undo can take back, to see it restored. */
const content = (doc: Y.Doc) => {
  const { meta, notes } = boardRoots(doc);
  return JSON.stringify({ meta: meta.toJSON(), notes: notes.toJSON() });
};

/** What a call returns or throws, comparable across calls. */
function outcome(call: () => unknown): unknown {
  try {
    return { returned: call() };
  } catch (error) {
    return { threw: String(error), type: (error as Error).constructor.name };
  }
}

function page(
  role: Role,
  { draft: withDraft = false, locks }: { draft?: boolean; locks?: (doc: Y.Doc) => void } = {},
) {
  const board = fixture(newBoard());
  const draft = withDraft ? fixture(new Y.Doc()) : null;
  locks?.(board.open.doc);
  const before = board.writes();
  const refusals: GestureRefusal[] = [];
  const actions = boardGestures({
    board: board.open,
    draft: draft?.open ?? null,
    author: 'Eddie',
    role,
    onRefused: (why) => refusals.push(why),
  });
  /** Calls a gesture with its sample on `notes` (the board's by default). */
  const run = (name: GestureName, notes = board.notes) =>
    outcome(() => (actions[name] as (...args: unknown[]) => unknown)(...SAMPLES[name](notes)));
  /** How many updates the board received from gestures. */
  const boardWrites = () => board.writes() - before;
  return { board, draft, refusals, actions, run, boardWrites };
}

const refusedOutcome = (name: GestureName) => outcome(() => GESTURES[name].refused());

describe.each(NAMES)('the gesture %s', (name) => {
  const kind = kindOf(name);

  it('writes nothing for a viewer, and says why', () => {
    const { refusals, run, boardWrites } = page('viewer');
    expect(run(name)).toEqual(refusedOutcome(name));
    expect(boardWrites()).toBe(0);
    expect(refusals).toEqual(['view-only']);
  });

  it("writes for an editor while nothing is locked, unless it is the facilitator's", () => {
    const { refusals, run, boardWrites } = page('editor');
    const result = run(name);
    if (kind === 'workshop') {
      expect(result).toEqual(refusedOutcome(name));
      expect(boardWrites()).toBe(0);
      expect(refusals).toEqual(['facilitator-only']);
    } else {
      expect(result).not.toHaveProperty('threw');
      expect(boardWrites()).toBe(1);
      expect(refusals).toEqual([]);
    }
  });

  it('is refused to an editor on a note of a locked block, and writes nothing', () => {
    const locks = (doc: Y.Doc) => {
      for (const block of BLOCK_IDS) setBlockLocked(doc, block, true, SERVER_ORIGIN);
    };
    const { refusals, run, boardWrites } = page('editor', { locks });
    const result = run(name);
    const expected = { notes: ['block'], board: [], workshop: ['facilitator-only'] }[kind];
    expect(refusals).toEqual(expected);
    // A board field (the title) is in no block: only the board lock stops it.
    expect(boardWrites()).toBe(kind === 'board' ? 1 : 0);
    if (kind !== 'board') expect(result).toEqual(refusedOutcome(name));
  });

  it('is refused to an editor while the board is locked, and writes nothing', () => {
    const locks = (doc: Y.Doc) => setBoardLocked(doc, true, SERVER_ORIGIN);
    const { refusals, run, boardWrites } = page('editor', { locks });
    expect(run(name)).toEqual(refusedOutcome(name));
    expect(boardWrites()).toBe(0);
    expect(refusals).toEqual([kind === 'workshop' ? 'facilitator-only' : 'board']);
  });

  it('goes through for the facilitator whatever is locked', () => {
    const { refusals, run, boardWrites } = page('facilitator', { locks: lockedEverywhere });
    expect(run(name)).not.toHaveProperty('threw');
    expect(boardWrites()).toBe(1);
    expect(refusals).toEqual([]);
  });

  it('on a note of the private draft, lands in the draft and leaves the board alone', () => {
    const { draft, run, boardWrites } = page('facilitator', { draft: true });
    const draftBefore = draft!.writes();
    run(name, draft!.notes);
    // The title and the workshop are the board's, private writing or not.
    const inDraft = kind === 'notes';
    expect(draft!.writes() - draftBefore).toBe(inDraft ? 1 : 0);
    expect(boardWrites()).toBe(inDraft ? 0 : 1);
  });

  it("is judged by the board's locks on a note of the private draft", () => {
    const locks = (doc: Y.Doc) => {
      for (const block of BLOCK_IDS) setBlockLocked(doc, block, true, SERVER_ORIGIN);
    };
    const { draft, refusals, run } = page('editor', { draft: true, locks });
    const draftBefore = draft!.writes();
    run(name, draft!.notes);
    expect(draft!.writes()).toBe(draftBefore);
    expect(refusals).toEqual({ notes: ['block'], board: [], workshop: ['facilitator-only'] }[kind]);
  });

  it('is one undo step of its own, even right after another gesture', () => {
    const { board, actions, run } = page('facilitator', { locks: lockedEverywhere });
    const { doc, undoManager } = board.open;
    actions.recolorNotes([board.notes.segment], 'green');
    const afterFirst = content(doc);
    const steps = undoManager.undoStack.length;
    run(name);
    if (GESTURES[name].undo === 'merge') run(name); // repeated at once, as a held key
    if (GESTURES[name].undo === 'untracked') {
      // The workshop state is in nobody's history: undo takes back the gesture before it.
      expect(undoManager.undoStack.length).toBe(steps);
      actions.undo();
      expect(readBoard(doc).notes.get(board.notes.segment)?.color).not.toBe('green');
      return;
    }
    expect(undoManager.undoStack.length).toBe(steps + 1);
    expect(content(doc)).not.toBe(afterFirst);
    actions.undo();
    expect(content(doc)).toBe(afterFirst);
  });
});
