import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { ROOT, WORKSHOP_KEYS, dotKey, type NoteId } from '../model';
import { ModelError } from './model-error';
import { createNote, deleteNotes } from './notes';
import { readBoard } from './read-board';
import { REMOTE_ORIGIN, boardWithNotes, newBoard } from './test-support';
import { clearVote, closeVote, openVote, placeDot, readDots, readVote, removeDot } from './votes';

const ANA = 'u_AAAAAAAAAAAAAAAA';
const LUIS = 'u_BBBBBBBBBBBBBBBB';

function dotsOf(doc: Y.Doc, voter: string): Record<string, number> {
  const vote = readVote(doc)!;
  return Object.fromEntries(readDots(doc, vote).get(voter) ?? []);
}

describe('openVote, closeVote, clearVote', () => {
  it('opens a vote with its settings and an empty dots map, in one transaction', () => {
    const doc = newBoard();
    let updates = 0;
    doc.on('update', () => updates++);
    const vote = openVote(doc, { dotsPerPerson: 3, block: 'channels' }, 1000);
    expect(updates).toBe(1);
    expect(readVote(doc)).toEqual({
      id: vote.id,
      dotsPerPerson: 3,
      block: 'channels',
      state: 'open',
      openedAt: 1000,
      closedAt: null,
    });
    expect(doc.getMap(ROOT.votes).get(vote.id)).toBeInstanceOf(Y.Map);
  });

  it.each([0, 21, 2.5, Number.NaN])('refuses %s dots per person', (dots) => {
    const doc = newBoard();
    expect(() => openVote(doc, { dotsPerPerson: dots, block: null })).toThrow(ModelError);
    expect(readVote(doc)).toBeNull();
  });

  it('closes, keeping the dots; a new vote drops the old dots; clear removes everything', () => {
    const { doc, partner } = boardWithNotes();
    const first = openVote(doc, { dotsPerPerson: 2, block: null });
    placeDot(doc, ANA, partner);
    closeVote(doc, 2000);
    expect(readVote(doc)).toMatchObject({ id: first.id, state: 'closed', closedAt: 2000 });
    expect(dotsOf(doc, ANA)).toEqual({ [partner]: 1 });
    expect(() => placeDot(doc, ANA, partner)).toThrow(/closed/);

    const second = openVote(doc, { dotsPerPerson: 2, block: null });
    expect([...doc.getMap(ROOT.votes).keys()]).toEqual([second.id]);
    expect(dotsOf(doc, ANA)).toEqual({});

    clearVote(doc);
    expect(readVote(doc)).toBeNull();
    expect(doc.getMap(ROOT.votes).size).toBe(0);
  });

  it('reads settings a peer garbled as no vote, without throwing', () => {
    const doc = newBoard();
    doc.transact(
      () => doc.getMap(ROOT.workshop).set(WORKSHOP_KEYS.vote, { id: 'x', dotsPerPerson: 99 }),
      REMOTE_ORIGIN,
    );
    expect(readVote(doc)).toBeNull();
    expect(() => placeDot(doc, ANA, 'note_AAAAAAAAAAAAAAAA' as NoteId)).toThrow(/no vote/);
  });
});

describe('placeDot and removeDot', () => {
  it('places up to the allowed dots, several on one note, and takes them back', () => {
    const { doc, partner, channel } = boardWithNotes();
    openVote(doc, { dotsPerPerson: 3, block: null });
    placeDot(doc, ANA, partner);
    placeDot(doc, ANA, partner);
    placeDot(doc, ANA, channel);
    expect(dotsOf(doc, ANA)).toEqual({ [partner]: 2, [channel]: 1 });
    expect(() => placeDot(doc, ANA, channel)).toThrow(/no dots left/);
    removeDot(doc, ANA, partner);
    placeDot(doc, ANA, channel);
    expect(dotsOf(doc, ANA)).toEqual({ [partner]: 1, [channel]: 2 });
    removeDot(doc, ANA, partner);
    removeDot(doc, ANA, partner); // nothing left there: no-op
    expect(dotsOf(doc, ANA)).toEqual({ [channel]: 2 });
  });

  it('refuses notes outside the vote’s block, missing notes and bad voter ids', () => {
    const { doc, partner, channel } = boardWithNotes();
    openVote(doc, { dotsPerPerson: 3, block: 'channels' });
    expect(() => placeDot(doc, ANA, partner)).toThrow(/another block/);
    expect(() => placeDot(doc, ANA, 'note_AAAAAAAAAAAAAAAA' as NoteId)).toThrow(/no note/);
    expect(() => placeDot(doc, 'Ana', channel)).toThrow(/invalid voter/);
    placeDot(doc, ANA, channel);
    expect(dotsOf(doc, ANA)).toEqual({ [channel]: 1 });
  });

  it('gives back the dots left on a note that was deleted', () => {
    const { doc, partner, channel } = boardWithNotes();
    openVote(doc, { dotsPerPerson: 1, block: null });
    placeDot(doc, ANA, partner);
    deleteNotes(doc, [partner]);
    placeDot(doc, ANA, channel);
    // The dot on the deleted note stays stored but no longer counts: the new one is written,
    // and the voter's one dot is now spent.
    expect(dotsOf(doc, ANA)).toEqual({ [partner]: 1, [channel]: 1 });
    expect(() => placeDot(doc, ANA, channel)).toThrow(new ModelError('no dots left'));
    expect(dotsOf(doc, ANA)).toEqual({ [partner]: 1, [channel]: 1 });
  });

  it('keeps both voters’ dots when they vote at the same moment on two peers', () => {
    const a = newBoard();
    const note = createNote(a, { x: 100, y: 100, author: 'Ana' });
    openVote(a, { dotsPerPerson: 3, block: null });
    const b = new Y.Doc();
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    placeDot(a, ANA, note);
    placeDot(b, LUIS, note);
    placeDot(b, LUIS, note);
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    for (const doc of [a, b]) {
      expect(dotsOf(doc, ANA)).toEqual({ [note]: 1 });
      expect(dotsOf(doc, LUIS)).toEqual({ [note]: 2 });
    }
    expect(readBoard(a).notes.size).toBe(1);
  });

  it('ignores dot keys and counts a peer wrote that do not fit', () => {
    const { doc, partner } = boardWithNotes();
    const vote = openVote(doc, { dotsPerPerson: 3, block: null });
    const dots = doc.getMap<Y.Map<unknown>>(ROOT.votes).get(vote.id)!;
    doc.transact(() => {
      dots.set('not a key', 1);
      dots.set(dotKey(ANA, partner), -2);
      dots.set(dotKey(LUIS, partner), 'many');
    }, REMOTE_ORIGIN);
    expect(readDots(doc, vote).size).toBe(0);
  });
});
