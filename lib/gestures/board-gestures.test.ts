import { ySyncPluginKey } from '@tiptap/y-tiptap';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  createNote,
  createUndoManager,
  LockedError,
  noteTextFragment,
  plainTextToParagraphs,
  readBoard,
  setBlockLocked,
  setBoardLocked,
  SERVER_ORIGIN,
} from '../doc';
import { boardWithNotes, newBoard, typeInto } from '../doc/test-support';
import type { Role } from '../model';
import { boardGestures, type GestureRefusal } from './board-gestures';

/**
 * The cases of the policies that depend on where notes go (moves across a block's edge, a
 * mixed selection, the order of undo), beside the table-wide checks of
 * gesture-policies.test.ts.
 */

/** A board with a key-partner note and a channel note; with `draft`, this person's draft. */
function setup({ role = 'editor', draft = false }: { role?: Role; draft?: boolean } = {}) {
  const { doc, partner, channel } = boardWithNotes();
  // As the page makes them (lib/sync): tracking the note editor's writes too.
  const board = { doc, undoManager: createUndoManager(doc, [ySyncPluginKey]) };
  const draftDoc = new Y.Doc();
  const refusals: GestureRefusal[] = [];
  const actions = boardGestures({
    board,
    draft: draft
      ? { doc: draftDoc, undoManager: createUndoManager(draftDoc, [ySyncPluginKey]) }
      : null,
    author: 'Eddie',
    role,
    onRefused: (why) => refusals.push(why),
  });
  return { doc, draftDoc, partner, channel, refusals, actions };
}

const ids = (doc: Y.Doc) => [...readBoard(doc).notes.keys()];
const lock = (doc: Y.Doc, block: Parameters<typeof setBlockLocked>[1]) =>
  setBlockLocked(doc, block, true, SERVER_ORIGIN);

describe('lock gating', () => {
  it('refuses moving a note out of a locked block, and into one', () => {
    const { doc, partner, channel, refusals, actions } = setup();
    lock(doc, 'keyPartners');
    actions.moveNotes([{ id: partner, x: 1250, y: 600 }]); // out of it
    actions.moveNotes([{ id: channel, x: 100, y: 100 }]); // into it
    expect(readBoard(doc).notes.get(partner)).toMatchObject({
      x: 100,
      y: 100,
      block: 'keyPartners',
    });
    expect(readBoard(doc).notes.get(channel)).toMatchObject({ x: 1250, y: 600, block: 'channels' });
    expect(refusals).toEqual(['block', 'block']);
  });

  it('refuses a resize that reaches into a locked block', () => {
    const { doc, channel, refusals, actions } = setup();
    lock(doc, 'keyPartners');
    actions.resizeNote(channel, { x: 100, y: 100, width: 200, height: 200 });
    expect(readBoard(doc).notes.get(channel)).toMatchObject({ x: 1250, y: 600, block: 'channels' });
    expect(refusals).toEqual(['block']);
  });

  it('changes notes of other blocks, and refuses raising a locked note without writing', () => {
    const { doc, partner, channel, refusals, actions } = setup();
    lock(doc, 'keyPartners');
    const z = readBoard(doc).notes.get(partner)!.z;
    actions.recolorNotes([channel], 'pink');
    actions.bringToFront([partner]);
    expect(readBoard(doc).notes.get(channel)?.color).toBe('pink');
    expect(readBoard(doc).notes.get(partner)?.z).toBe(z);
    expect(refusals).toEqual(['block']);
  });

  it('refuses a whole selection when one of its notes is in a locked block', () => {
    const { doc, partner, channel, refusals, actions } = setup();
    lock(doc, 'keyPartners');
    actions.deleteNotes([channel, partner]);
    expect(ids(doc)).toEqual(expect.arrayContaining([partner, channel]));
    expect(refusals).toEqual(['block']);
  });

  it('refuses a duplicate that would land across the edge of a locked block', () => {
    const { doc, refusals, actions } = setup();
    // Centre at x 390: the copy, 24 to the right, has its centre at 414, in key activities.
    const edge = actions.createNote({ x: 310, y: 100 })!;
    lock(doc, 'keyActivities');
    expect(actions.duplicateNotes([edge])).toEqual([]);
    expect(ids(doc)).toHaveLength(3);
    expect(refusals).toEqual(['block']);
  });

  it('throws LockedError from a refused link, having said why', () => {
    const { doc, partner, channel, refusals, actions } = setup();
    lock(doc, 'keyPartners');
    expect(() => actions.linkNotes(partner, channel)).toThrow(LockedError);
    expect(refusals).toEqual(['block']);
  });

  it('refuses the title only under the board lock', () => {
    const { doc, refusals, actions } = setup();
    lock(doc, 'keyPartners');
    actions.renameBoard('Under a block lock');
    expect(readBoard(doc).meta.title).toBe('Under a block lock');
    setBoardLocked(doc, true, SERVER_ORIGIN);
    actions.renameBoard('Under the board lock');
    expect(readBoard(doc).meta.title).toBe('Under a block lock');
    expect(refusals).toEqual(['board']);
  });
});

describe('routing into the private draft', () => {
  it('puts new notes in the draft, never on the board', () => {
    const { doc, draftDoc, actions } = setup({ draft: true });
    const id = actions.createNote({ x: 1250, y: 600, text: 'Secret' })!;
    expect(ids(draftDoc)).toEqual([id]);
    expect(ids(doc)).not.toContain(id);
  });

  it('sends each note of a mixed selection to the document that holds it', () => {
    const { doc, draftDoc, partner, actions } = setup({ draft: true });
    const draftNote = actions.createNote({ x: 1250, y: 600 })!;
    actions.recolorNotes([partner, draftNote], 'pink');
    expect(readBoard(doc).notes.get(partner)?.color).toBe('pink');
    expect(readBoard(draftDoc).notes.get(draftNote)?.color).toBe('pink');
    actions.moveNotes([
      { id: partner, x: 1700, y: 100 },
      { id: draftNote, x: 100, y: 100 },
    ]);
    expect(readBoard(doc).notes.get(partner)?.block).toBe('customerSegments');
    expect(readBoard(draftDoc).notes.get(draftNote)?.block).toBe('keyPartners');
    const copies = actions.duplicateNotes([partner, draftNote]);
    expect(copies).toHaveLength(2);
    expect(ids(draftDoc)).toContain(copies[0]);
    expect(ids(doc)).toContain(copies[1]);
    actions.deleteNotes([partner, draftNote]);
    expect(ids(doc)).not.toContain(partner);
    expect(ids(draftDoc)).toEqual([copies[0]]);
  });

  it("judges a draft note by the board's locks", () => {
    const { doc, draftDoc, refusals, actions } = setup({ draft: true });
    const secret = createNote(draftDoc, { x: 100, y: 100, author: 'Eddie' });
    lock(doc, 'keyPartners');
    actions.recolorNotes([secret], 'blue');
    actions.moveNotes([{ id: secret, x: 1250, y: 600 }]);
    expect(readBoard(draftDoc).notes.get(secret)).toMatchObject({
      color: 'yellow',
      block: 'keyPartners',
    });
    expect(refusals).toEqual(['block', 'block']);
  });

  it('undoes the draft first, then the board', () => {
    const { doc, draftDoc, channel, actions } = setup({ draft: true });
    actions.recolorNotes([channel], 'green');
    actions.createNote({ x: 100, y: 100 });
    actions.undo();
    expect(ids(draftDoc)).toEqual([]);
    expect(readBoard(doc).notes.get(channel)?.color).toBe('green');
    actions.undo();
    expect(readBoard(doc).notes.get(channel)?.color).toBe('blue');
  });

  it('undoes the typing in a draft note apart from the note, from the draft', () => {
    const { doc, draftDoc, actions } = setup({ draft: true });
    const id = actions.createNote({ x: 1250, y: 600 })!;
    actions.startTyping(id); // its editor opens at once, as after pressing N
    expect(actions.noteText(id)).toBe(noteTextFragment(draftDoc, id));
    typeInto(actions.noteText(id)!, plainTextToParagraphs('Secret'), ySyncPluginKey);
    actions.undo();
    expect(readBoard(draftDoc).notes.get(id)?.text).toBe('');
    actions.undo();
    expect(ids(draftDoc)).toEqual([]);
    expect(ids(doc)).toHaveLength(2);
  });
});

describe('undo capture', () => {
  it('merges nudges in a row into one step, apart from the gesture before them', () => {
    const { doc, partner, actions } = setup();
    actions.recolorNotes([partner], 'green');
    actions.nudgeNotes([{ id: partner, x: 104, y: 100 }]);
    actions.nudgeNotes([{ id: partner, x: 108, y: 100 }]);
    actions.undo();
    expect(readBoard(doc).notes.get(partner)).toMatchObject({ x: 100, color: 'green' });
  });

  it("writes the author's name on a new note, the facilitator's under the board lock", () => {
    const doc = newBoard();
    const refusals: GestureRefusal[] = [];
    const actions = boardGestures({
      board: { doc, undoManager: createUndoManager(doc, [ySyncPluginKey]) },
      draft: null,
      author: 'Fay',
      role: 'facilitator',
      onRefused: (why) => refusals.push(why),
    });
    setBoardLocked(doc, true, SERVER_ORIGIN);
    const id = actions.createNote({ x: 100, y: 100 });
    expect(readBoard(doc).notes.get(id!)?.author).toBe('Fay');
    expect(refusals).toEqual([]);
  });
});
