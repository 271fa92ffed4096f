import { ySyncPluginKey } from '@tiptap/y-tiptap';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createUndoManager, noteTextFragment, plainTextToParagraphs, readBoard } from '../doc';
import { boardWithNotes, typeInto } from '../doc/test-support';
import { draftRoutedActions } from './draft-routed-actions';
import { boardActionsFor } from './use-board-actions';

/** A board with two notes, and an empty private draft beside it. */
function setup() {
  const { doc, partner, channel } = boardWithNotes();
  // As the page makes them (lib/sync): tracking the note editor's writes too.
  const board = { doc, undoManager: createUndoManager(doc, [ySyncPluginKey]) };
  const draftDoc = new Y.Doc();
  const draft = { doc: draftDoc, undoManager: createUndoManager(draftDoc, [ySyncPluginKey]) };
  const actions = draftRoutedActions(
    boardActionsFor(board, 'Ana'),
    boardActionsFor(draft, 'Ana'),
    draft,
  );
  return { doc, draftDoc, partner, channel, actions };
}

const ids = (doc: Y.Doc) => [...readBoard(doc).notes.keys()];

describe('draftRoutedActions', () => {
  it('puts new notes in the draft, never on the board', () => {
    const { doc, draftDoc, actions } = setup();
    const id = actions.createNote({ x: 1250, y: 600, text: 'Secret' })!;
    expect(ids(draftDoc)).toEqual([id]);
    expect(ids(doc)).not.toContain(id);
  });

  it('sends each note of a mixed selection to the document that holds it', () => {
    const { doc, draftDoc, partner, actions } = setup();
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
    actions.deleteNotes([partner, draftNote]);
    expect(ids(doc)).not.toContain(partner);
    expect(ids(draftDoc)).toEqual([]);
  });

  it('undoes the draft first, then the board', () => {
    const { doc, draftDoc, channel, actions } = setup();
    actions.recolorNotes([channel], 'green');
    actions.createNote({ x: 100, y: 100 });
    actions.undo();
    expect(ids(draftDoc)).toEqual([]);
    expect(readBoard(doc).notes.get(channel)?.color).toBe('green');
    actions.undo();
    expect(readBoard(doc).notes.get(channel)?.color).toBe('blue');
  });

  it('undoes the typing in a draft note apart from the note, from the draft', () => {
    const { doc, draftDoc, actions } = setup();
    const id = actions.createNote({ x: 1250, y: 600 })!;
    actions.startTyping(id); // its editor opens at once, as after pressing N
    typeInto(noteTextFragment(draftDoc, id)!, plainTextToParagraphs('Secret'), ySyncPluginKey);
    actions.undo();
    expect(readBoard(draftDoc).notes.get(id)?.text).toBe('');
    actions.undo();
    expect(ids(draftDoc)).toEqual([]);
    expect(ids(doc)).toHaveLength(2);
  });
});
