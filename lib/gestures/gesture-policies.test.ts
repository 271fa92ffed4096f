import { ySyncPluginKey } from '@tiptap/y-tiptap';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  boardRoots,
  createUndoManager,
  linkNotes,
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
import { GESTURES } from './gesture-table';

/**
 * The policies of board-gestures.ts, driven for every entry of the gesture table: a new entry
 * is covered as soon as it has its sample call below (the type of SAMPLES demands one).
 */

type Notes = ReturnType<typeof addRelationshipNotes>;
type Call<K extends GestureName> = Parameters<GestureActions[K]>;

/** A call of each gesture that writes something on a document holding `notes`. */
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
};

const NAMES = Object.keys(GESTURES) as GestureName[];

/** Whether a gesture changes notes (and so obeys block locks) rather than a board field. */
const touchesNotes = (name: GestureName) =>
  GESTURES[name].touches.changes(() => null, SAMPLES[name](FAKE_NOTES) as never) !== 'board';
const FAKE_NOTES = {} as Notes;

/** A document with the relationship fixture, its relationship note linked to one channel. */
function fixture(doc: Y.Doc): { open: OpenDoc; notes: Notes } {
  const notes = addRelationshipNotes(doc);
  linkNotes(doc, notes.rel, notes.email);
  // As the page makes it (lib/sync), after the fixture so the fixture is not undoable.
  return { open: { doc, undoManager: createUndoManager(doc, [ySyncPluginKey]) }, notes };
}

/** Everything a gesture could change, for "wrote nothing" and undo checks. */
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

function page(role: Role, withDraft = false) {
  const board = fixture(newBoard());
  const draft = withDraft ? fixture(new Y.Doc()) : null;
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
  return { board, draft, refusals, actions, run };
}

const refusedOutcome = (name: GestureName) => outcome(() => GESTURES[name].refused());

describe.each(NAMES)('the gesture %s', (name) => {
  it('writes nothing for a viewer, and says why', () => {
    const { board, refusals, run } = page('viewer');
    const before = content(board.open.doc);
    expect(run(name)).toEqual(refusedOutcome(name));
    expect(content(board.open.doc)).toBe(before);
    expect(refusals).toEqual(['view-only']);
  });

  it('writes for an editor while nothing is locked', () => {
    const { board, refusals, run } = page('editor');
    const before = content(board.open.doc);
    expect(run(name)).not.toHaveProperty('threw');
    expect(content(board.open.doc)).not.toBe(before);
    expect(refusals).toEqual([]);
  });

  it('is refused to an editor on a note of a locked block, and writes nothing', () => {
    const { board, refusals, run } = page('editor');
    const { doc } = board.open;
    for (const block of BLOCK_IDS) setBlockLocked(doc, block, true, SERVER_ORIGIN);
    const before = content(doc);
    const result = run(name);
    if (touchesNotes(name)) {
      expect(result).toEqual(refusedOutcome(name));
      expect(content(doc)).toBe(before);
      expect(refusals).toEqual(['block']);
    } else {
      // A board field (the title) is in no block: only the board lock stops it.
      expect(content(doc)).not.toBe(before);
      expect(refusals).toEqual([]);
    }
  });

  it('is refused to an editor while the board is locked, and writes nothing', () => {
    const { board, refusals, run } = page('editor');
    setBoardLocked(board.open.doc, true, SERVER_ORIGIN);
    const before = content(board.open.doc);
    expect(run(name)).toEqual(refusedOutcome(name));
    expect(content(board.open.doc)).toBe(before);
    expect(refusals).toEqual(['board']);
  });

  it('goes through for the facilitator whatever is locked', () => {
    const { board, refusals, run } = page('facilitator');
    const { doc } = board.open;
    setBoardLocked(doc, true, SERVER_ORIGIN);
    for (const block of BLOCK_IDS) setBlockLocked(doc, block, true, SERVER_ORIGIN);
    const before = content(doc);
    run(name);
    expect(content(doc)).not.toBe(before);
    expect(refusals).toEqual([]);
  });

  it('on a note of the private draft, lands in the draft and leaves the board alone', () => {
    const { board, draft, run } = page('editor', true);
    const boardBefore = content(board.open.doc);
    const draftBefore = content(draft!.open.doc);
    run(name, draft!.notes);
    if (touchesNotes(name)) {
      expect(content(draft!.open.doc)).not.toBe(draftBefore);
      expect(content(board.open.doc)).toBe(boardBefore);
    } else {
      // The title is the board's, private writing or not.
      expect(content(board.open.doc)).not.toBe(boardBefore);
      expect(content(draft!.open.doc)).toBe(draftBefore);
    }
  });

  it("is judged by the board's locks on a note of the private draft", () => {
    const { board, draft, refusals, run } = page('editor', true);
    for (const block of BLOCK_IDS) setBlockLocked(board.open.doc, block, true, SERVER_ORIGIN);
    const draftBefore = content(draft!.open.doc);
    run(name, draft!.notes);
    expect(content(draft!.open.doc)).toBe(draftBefore);
    expect(refusals).toEqual(touchesNotes(name) ? ['block'] : []);
  });

  it('is one undo step of its own, even right after another gesture', () => {
    const { board, actions, run } = page('editor');
    const { doc } = board.open;
    actions.recolorNotes([board.notes.segment], 'green');
    const afterFirst = content(doc);
    run(name);
    if (GESTURES[name].undo === 'merge') run(name); // repeated at once, as a held key
    expect(content(doc)).not.toBe(afterFirst);
    actions.undo();
    expect(content(doc)).toBe(afterFirst);
  });
});
