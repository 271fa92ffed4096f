import { describe, expect, it } from 'vitest';
import { UndoManager } from 'yjs';
import { createNote, notePlaceIn, readBoard, setBlockLocked, setBoardLocked } from '../doc';
import { newBoard } from '../doc/test-support';
import { boardWithNotes } from '../doc/test-support';
import { LockedError } from '../doc/lock-gate';
import type { BoardConnection } from '../sync';
import { lockGatedActions, type LockRefusal } from './lock-gated-actions';
import { boardActionsFor } from './use-board-actions';

/** An editor's gated actions on a board with a key-partner note and a channel note. */
function setup() {
  const { doc, partner, channel } = boardWithNotes();
  const refusals: LockRefusal[] = [];
  const connection = {
    doc,
    undoManager: new UndoManager(doc.getMap('notes')),
  } as unknown as BoardConnection;
  const actions = lockGatedActions(boardActionsFor(connection, 'Eddie'), doc, (why) =>
    refusals.push(why),
  );
  return { doc, partner, channel, refusals, actions };
}

describe('lockGatedActions', () => {
  it('lets everything through while nothing is locked', () => {
    const { doc, partner, refusals, actions } = setup();
    actions.moveNotes([{ id: partner, x: 1250, y: 600 }]);
    expect(readBoard(doc).notes.get(partner)?.block).toBe('channels');
    expect(actions.createNote({ x: 100, y: 100 })).not.toBeNull();
    expect(refusals).toEqual([]);
  });

  it('refuses changes to a locked block, moves in and out of it, and creating in it', () => {
    const { doc, partner, channel, refusals, actions } = setup();
    setBlockLocked(doc, 'keyPartners', true);
    const before = doc.getMap('notes').toJSON();

    actions.moveNotes([{ id: partner, x: 1250, y: 600 }]); // out of the locked block
    actions.moveNotes([{ id: channel, x: 100, y: 100 }]); // into it
    actions.recolorNotes([partner], 'blue');
    actions.deleteNotes([partner, channel]);
    expect(actions.createNote({ x: 100, y: 100 })).toBeNull();
    expect(actions.duplicateNotes([partner])).toEqual([]);
    actions.resizeNote(partner, { x: 100, y: 100, width: 200, height: 200 });
    expect(() => actions.linkNotes(partner, channel)).toThrow(LockedError);

    expect(doc.getMap('notes').toJSON()).toEqual(before);
    expect(refusals.every((why) => why === 'block')).toBe(true);
    expect(refusals).toHaveLength(8);
  });

  it('still changes notes of other blocks, and raising a locked note is skipped silently', () => {
    const { doc, partner, channel, refusals, actions } = setup();
    setBlockLocked(doc, 'keyPartners', true);
    actions.recolorNotes([channel], 'pink');
    actions.bringToFront([partner]);
    expect(doc.getMap('notes').get(channel)).toBeDefined();
    expect(refusals).toEqual([]);
  });

  it('refuses every change, the title too, while the board is locked', () => {
    const { doc, channel, refusals, actions } = setup();
    setBoardLocked(doc, true);
    actions.renameBoard('New title');
    actions.recolorNotes([channel], 'pink');
    expect(actions.createNote({ x: 1250, y: 600 })).toBeNull();
    expect(refusals).toEqual(['board', 'board', 'board']);
  });

  it("judges a note of this person's private draft by the board's locks", () => {
    const { doc, refusals } = setup();
    const draft = newBoard();
    const secret = createNote(draft, { x: 100, y: 100, author: 'Eddie' });
    const connection = {
      doc: draft,
      undoManager: new UndoManager(draft.getMap('notes')),
    } as unknown as BoardConnection;
    const actions = lockGatedActions(
      boardActionsFor(connection, 'Eddie'),
      doc,
      (why) => refusals.push(why),
      (id) => notePlaceIn(doc, id) ?? notePlaceIn(draft, id),
    );
    setBlockLocked(doc, 'keyPartners', true);
    actions.recolorNotes([secret], 'blue');
    actions.moveNotes([{ id: secret, x: 1250, y: 600 }]);
    expect(readBoard(draft).notes.get(secret)?.color).not.toBe('blue');
    expect(readBoard(draft).notes.get(secret)?.block).toBe('keyPartners');
    expect(refusals).toEqual(['block', 'block']);
  });

  it('refuses a duplicate that would land across the edge of a locked block', () => {
    const { doc, refusals, actions } = setup();
    // Centre at x 390: the copy, 24 to the right, has its centre at 414, in key activities.
    const edge = actions.createNote({ x: 310, y: 100 })!;
    setBlockLocked(doc, 'keyActivities', true);
    expect(actions.duplicateNotes([edge])).toEqual([]);
    expect(refusals).toEqual(['block']);
  });
});
