import { describe, expect, it, vi } from 'vitest';
import type * as Y from 'yjs';
import type { NoteId } from '../model';
import {
  bringToFront,
  createNote,
  deleteNotes,
  duplicateNotes,
  moveNotes,
  noteTextFragment,
  recolorNotes,
  resizeNote,
  setBoardTitle,
} from './notes';
import { LOCAL_ORIGIN, SERVER_ORIGIN } from './origins';
import {
  boardWithNotes,
  newBoard,
  recordTransactions,
  richTextContent,
  typeInto,
} from './test-support';

// The write contract of lib/doc/notes.ts: a gesture is one transaction (one undo step, one
// network update) carrying its origin. The behaviour of each gesture is in notes.test.ts.
describe('every gesture', () => {
  type Gesture = (doc: Y.Doc, ids: { partner: NoteId; channel: NoteId }) => unknown;
  const gestures: [string, Gesture][] = [
    ['createNote', (doc) => createNote(doc, { x: 0, y: 0, author: 'A', text: 'a\nb' })],
    [
      'moveNotes',
      (doc, { partner, channel }) =>
        moveNotes(doc, [
          { id: partner, x: 900, y: 900 },
          { id: channel, x: 10, y: 10 },
        ]),
    ],
    [
      'resizeNote',
      (doc, { partner }) => resizeNote(doc, partner, { x: 0, y: 0, width: 300, height: 300 }),
    ],
    ['recolorNotes', (doc, { partner, channel }) => recolorNotes(doc, [partner, channel], 'green')],
    ['deleteNotes', (doc, { partner, channel }) => deleteNotes(doc, [partner, channel])],
    [
      'duplicateNotes',
      (doc, { partner, channel }) => duplicateNotes(doc, [partner, channel], { x: 5, y: 5 }, 'A'),
    ],
    ['bringToFront', (doc, { partner }) => bringToFront(doc, [partner])],
    ['setBoardTitle', (doc) => setBoardTitle(doc, 'New title')],
  ];

  it.each(gestures)('%s is exactly one transaction with the local origin', (_name, gesture) => {
    const { doc, partner, channel } = boardWithNotes();
    const log = recordTransactions(doc);
    gesture(doc, { partner, channel });
    expect(log.origins).toEqual([LOCAL_ORIGIN]);
    expect(log.updates).toBe(1);
  });

  it('never reads a Yjs type before it is in the document (Yjs would warn)', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    try {
      const { doc, partner, channel } = boardWithNotes();
      typeInto(noteTextFragment(doc, channel)!, richTextContent());
      duplicateNotes(doc, [partner, channel], { x: 5, y: 5 }, 'A');
      expect(warn).not.toHaveBeenCalled();
    } finally {
      warn.mockRestore();
    }
  });

  it('createNote takes another origin when the server writes', () => {
    const doc = newBoard();
    const log = recordTransactions(doc);
    createNote(doc, { x: 0, y: 0, author: 'server' }, SERVER_ORIGIN);
    expect(log.origins).toEqual([SERVER_ORIGIN]);
  });
});
