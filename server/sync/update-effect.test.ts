import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createNote, deleteNotes, setBoardTitle } from '../../lib/doc/notes';
import { boardWithNotes } from '../../lib/doc/test-support';
import { changesDoc } from './update-effect';

/** What a client freshly synced with the room sends it after `gesture`: its step 2. */
function stepTwoAfter(room: Y.Doc, gesture: (doc: Y.Doc) => void = () => {}): Uint8Array {
  const client = new Y.Doc();
  Y.applyUpdate(client, Y.encodeStateAsUpdate(room));
  gesture(client);
  return Y.encodeStateAsUpdate(client, Y.encodeStateVector(room));
}

describe('changesDoc', () => {
  it('is false for a step 2 with nothing new, even one carrying the delete set', () => {
    const { doc: room, partner } = boardWithNotes();
    deleteNotes(room, [partner]);
    const update = stepTwoAfter(room);
    expect(Y.decodeUpdate(update).ds.clients.size).toBeGreaterThan(0);
    expect(changesDoc(room, Y.decodeUpdate(update))).toBe(false);
  });

  it('is true for new content, and for a deletion alone', () => {
    const { doc: room, partner } = boardWithNotes();
    expect(
      changesDoc(room, Y.decodeUpdate(stepTwoAfter(room, (d) => setBoardTitle(d, 'New')))),
    ).toBe(true);
    const add = (d: Y.Doc) => void createNote(d, { x: 0, y: 0, author: 'V' });
    expect(changesDoc(room, Y.decodeUpdate(stepTwoAfter(room, add)))).toBe(true);
    const deletion = stepTwoAfter(room, (d) => deleteNotes(d, [partner]));
    expect(Y.decodeUpdate(deletion).structs).toEqual([]);
    expect(changesDoc(room, Y.decodeUpdate(deletion))).toBe(true);
  });
});
