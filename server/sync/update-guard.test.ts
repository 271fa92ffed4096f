import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { BLOCK_RECTS, META_KEYS, NOTE_KEYS, ROOT, WORKSHOP_KEYS, type Role } from '../../lib/model';
import { setBlockLocked, setBoardLocked } from '../../lib/doc/locks';
import {
  createNote,
  deleteNotes,
  moveNotes,
  noteTextFragment,
  recolorNotes,
  setBoardTitle,
} from '../../lib/doc/notes';
import { boardWithNotes } from '../../lib/doc/test-support';
import { checkUpdate } from './update-guard';

function roomWithNotes() {
  const { doc: room, partner, channel } = boardWithNotes();
  return { room, partner, channel };
}

/** Whether the room accepts the update of one gesture by a client freshly synced with it. */
function verdict(room: Y.Doc, role: Role, gesture: (doc: Y.Doc) => void): boolean {
  const client = new Y.Doc();
  Y.applyUpdate(client, Y.encodeStateAsUpdate(room));
  gesture(client);
  const update = Y.encodeStateAsUpdate(client, Y.encodeStateVector(room));
  return checkUpdate(room, role, Y.decodeUpdate(update)).ok;
}

const centreOf = (block: keyof typeof BLOCK_RECTS) => ({
  x: BLOCK_RECTS[block].x + BLOCK_RECTS[block].width / 2 - 50,
  y: BLOCK_RECTS[block].y + BLOCK_RECTS[block].height / 2 - 50,
});

describe('update guard: workshop state', () => {
  it('lets only a facilitator change the workshop map', () => {
    const { room } = roomWithNotes();
    expect(verdict(room, 'editor', (d) => setBoardLocked(d, true))).toBe(false);
    expect(verdict(room, 'facilitator', (d) => setBoardLocked(d, true))).toBe(true);
  });

  it('refuses an editor deleting a workshop key the facilitator wrote', () => {
    const { room } = roomWithNotes();
    setBlockLocked(room, 'channels', true);
    expect(
      verdict(room, 'editor', (d) => d.getMap(ROOT.workshop).delete(WORKSHOP_KEYS.locks)),
    ).toBe(false);
  });

  it('refuses an editor writing deep inside a workshop value', () => {
    const { room } = roomWithNotes();
    room.getMap(ROOT.workshop).set(WORKSHOP_KEYS.vote, new Y.Map());
    expect(
      verdict(room, 'editor', (d) =>
        (d.getMap(ROOT.workshop).get(WORKSHOP_KEYS.vote) as Y.Map<unknown>).set('dots', 9),
      ),
    ).toBe(false);
  });
});

describe('update guard: the schema version', () => {
  it('refuses anyone writing meta.schemaVersion: it would turn every page outdated', () => {
    const { room } = roomWithNotes();
    for (const role of ['editor', 'facilitator'] as const)
      expect(verdict(room, role, (d) => d.getMap(ROOT.meta).set(META_KEYS.schemaVersion, 99))).toBe(
        false,
      );
  });
});

describe('update guard: board lock', () => {
  it('with nothing locked, an editor changes notes and the title', () => {
    const { room, partner } = roomWithNotes();
    expect(verdict(room, 'editor', (d) => recolorNotes(d, [partner], 'pink'))).toBe(true);
    expect(verdict(room, 'editor', (d) => setBoardTitle(d, 'New'))).toBe(true);
  });

  it('refuses an editor changing notes or the title while the board is locked', () => {
    const { room, partner } = roomWithNotes();
    setBoardLocked(room, true);
    expect(verdict(room, 'editor', (d) => recolorNotes(d, [partner], 'pink'))).toBe(false);
    expect(verdict(room, 'editor', (d) => setBoardTitle(d, 'New'))).toBe(false);
    expect(verdict(room, 'facilitator', (d) => setBoardTitle(d, 'New'))).toBe(true);
  });

  it('keeps votes and comments open while the board is locked', () => {
    const { room } = roomWithNotes();
    setBoardLocked(room, true);
    expect(verdict(room, 'editor', (d) => d.getMap(ROOT.votes).set('v1', new Y.Map()))).toBe(true);
    expect(verdict(room, 'editor', (d) => d.getMap(ROOT.comments).set('c1', 'x'))).toBe(true);
  });
});

describe('update guard: block lock', () => {
  it('refuses an editor changing a note of a locked block, in any field', () => {
    const { room, partner } = roomWithNotes();
    setBlockLocked(room, 'keyPartners', true);
    expect(verdict(room, 'editor', (d) => recolorNotes(d, [partner], 'pink'))).toBe(false);
    expect(
      verdict(room, 'editor', (d) =>
        noteTextFragment(d, partner)!.insert(0, [new Y.XmlText('hi')]),
      ),
    ).toBe(false);
    expect(verdict(room, 'facilitator', (d) => recolorNotes(d, [partner], 'pink'))).toBe(true);
  });

  it('refuses typing into the existing text of a note in a locked block', () => {
    const { room, partner } = roomWithNotes();
    setBlockLocked(room, 'keyPartners', true);
    const typeMore = (d: Y.Doc) => {
      const paragraph = noteTextFragment(d, partner)!.get(0) as Y.XmlElement;
      (paragraph.get(0) as Y.XmlText).insert(4, ' loan');
    };
    expect(verdict(room, 'editor', typeMore)).toBe(false);
  });

  it('lets an editor change notes of other blocks', () => {
    const { room, channel } = roomWithNotes();
    setBlockLocked(room, 'keyPartners', true);
    expect(verdict(room, 'editor', (d) => recolorNotes(d, [channel], 'pink'))).toBe(true);
  });

  it('refuses deleting a note in a locked block', () => {
    const { room, partner, channel } = roomWithNotes();
    setBlockLocked(room, 'keyPartners', true);
    expect(verdict(room, 'editor', (d) => deleteNotes(d, [partner]))).toBe(false);
    expect(verdict(room, 'editor', (d) => deleteNotes(d, [channel]))).toBe(true);
  });

  it('refuses creating a note in a locked block', () => {
    const { room } = roomWithNotes();
    setBlockLocked(room, 'channels', true);
    const create = (block: 'channels' | 'costStructure') => (d: Y.Doc) =>
      createNote(d, { ...centreOf(block), author: 'Eva', text: 'new' });
    expect(verdict(room, 'editor', create('channels'))).toBe(false);
    expect(verdict(room, 'editor', create('costStructure'))).toBe(true);
  });

  it('refuses moving a note into and out of a locked block', () => {
    const { room, partner, channel } = roomWithNotes();
    setBlockLocked(room, 'customerSegments', true);
    const into = (d: Y.Doc) => moveNotes(d, [{ id: channel, ...centreOf('customerSegments') }]);
    expect(verdict(room, 'editor', into)).toBe(false);
    setBlockLocked(room, 'customerSegments', false);
    setBlockLocked(room, 'keyPartners', true);
    const outOf = (d: Y.Doc) => moveNotes(d, [{ id: partner, ...centreOf('costStructure') }]);
    expect(verdict(room, 'editor', outOf)).toBe(false);
    const elsewhere = (d: Y.Doc) => moveNotes(d, [{ id: channel, ...centreOf('costStructure') }]);
    expect(verdict(room, 'editor', elsewhere)).toBe(true);
  });
});

describe('update guard: a note is where its geometry puts it', () => {
  const noteOf = (d: Y.Doc, id: string) => d.getMap<Y.Map<unknown>>(ROOT.notes).get(id)!;

  it("refuses anyone's note whose block field disagrees with its geometry, once it changes", () => {
    const { room, partner } = roomWithNotes();
    for (const role of ['editor', 'facilitator'] as const) {
      expect(verdict(room, role, (d) => noteOf(d, partner).set(NOTE_KEYS.x, 1250))).toBe(false);
      expect(verdict(room, role, (d) => noteOf(d, partner).set(NOTE_KEYS.block, 'channels'))).toBe(
        false,
      );
      expect(verdict(room, role, (d) => noteOf(d, partner).set(NOTE_KEYS.x, 'far'))).toBe(false);
    }
    // Writing the same place again changes nothing and is not judged.
    expect(verdict(room, 'editor', (d) => noteOf(d, partner).set(NOTE_KEYS.x, 100))).toBe(true);
  });

  it('leaves alone a stored note that was already misplaced, as long as its place stays', () => {
    const { room, partner } = roomWithNotes();
    noteOf(room, partner).set(NOTE_KEYS.block, 'channels');
    expect(verdict(room, 'editor', (d) => recolorNotes(d, [partner], 'pink'))).toBe(true);
    expect(verdict(room, 'editor', (d) => moveNotes(d, [{ id: partner, x: 120, y: 120 }]))).toBe(
      true,
    );
  });

  it('judges the last of several offline moves of one note in one update', () => {
    const { room, channel } = roomWithNotes();
    setBlockLocked(room, 'keyPartners', true);
    const twoMoves = (last: 'costStructure' | 'keyPartners') => (d: Y.Doc) => {
      moveNotes(d, [{ id: channel, ...centreOf('valuePropositions') }]);
      moveNotes(d, [{ id: channel, ...centreOf(last) }]);
    };
    expect(verdict(room, 'editor', twoMoves('costStructure'))).toBe(true);
    expect(verdict(room, 'editor', twoMoves('keyPartners'))).toBe(false);
  });

  it('takes a note created and deleted again offline by a client that keeps deleted content', () => {
    const { room } = roomWithNotes();
    const client = new Y.Doc({ gc: false });
    Y.applyUpdate(client, Y.encodeStateAsUpdate(room));
    const note = createNote(client, { x: 100, y: 100, author: 'Eva' });
    deleteNotes(client, [note]);
    const update = Y.encodeStateAsUpdate(client, Y.encodeStateVector(room));
    expect(checkUpdate(room, 'editor', Y.decodeUpdate(update)).ok).toBe(true);
  });

  it('judges a note map written anew under an existing id by its new values alone', () => {
    const { room, channel } = roomWithNotes();
    const replace = (fields: Record<string, unknown>) => (d: Y.Doc) => {
      const note = new Y.Map<unknown>();
      for (const [key, value] of Object.entries(fields)) note.set(key, value);
      d.getMap(ROOT.notes).set(channel, note);
    };
    const place = { x: 100, y: 100, width: 160, height: 110 };
    expect(verdict(room, 'editor', replace({ ...place, block: 'keyPartners' }))).toBe(true);
    expect(verdict(room, 'editor', replace({ ...place, block: 'channels' }))).toBe(false);
    // Without coordinates it is in no block: the old map's do not count.
    expect(verdict(room, 'editor', replace({ block: 'channels' }))).toBe(false);
  });
});

describe('update guard: long runs of list items', () => {
  it('places thousands of characters chained through their neighbours', () => {
    const { room, partner, channel } = roomWithNotes();
    setBlockLocked(room, 'keyPartners', true);
    // Typed backwards in one transaction: no two items merge, each hangs off the next.
    const typeBackwards = (note: typeof partner) => (d: Y.Doc) =>
      d.transact(() => {
        const text = new Y.XmlText();
        noteTextFragment(d, note)!.insert(0, [text]);
        for (let i = 0; i < 3_000; i++) text.insert(0, String(i % 10));
      });
    expect(verdict(room, 'editor', typeBackwards(channel))).toBe(true);
    expect(verdict(room, 'editor', typeBackwards(partner))).toBe(false);
  });
});

describe('update guard: unknown parents', () => {
  it('refuses an editor update hanging off items the room never saw', () => {
    const { room } = roomWithNotes();
    const client = new Y.Doc();
    const hidden = new Y.Doc();
    Y.applyUpdate(hidden, Y.encodeStateAsUpdate(room));
    hidden.getMap(ROOT.comments).set('c', new Y.Map());
    Y.applyUpdate(client, Y.encodeStateAsUpdate(hidden));
    (client.getMap(ROOT.comments).get('c') as Y.Map<unknown>).set('text', 'x');
    const onlyChild = Y.encodeStateAsUpdate(client, Y.encodeStateVector(hidden));
    expect(checkUpdate(room, 'editor', Y.decodeUpdate(onlyChild)).ok).toBe(false);
  });
});
