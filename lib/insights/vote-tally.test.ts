import { describe, expect, it } from 'vitest';
import type { NoteId, NoteRecord, VoteSettings } from '../model';
import { countedDots, dotsLeft, rankNotes, tallyVote } from './vote-tally';

const id = (n: number) => `note_${String(n).padStart(16, '0')}` as NoteId;

function note(n: number, block: NoteRecord['block'] = 'channels'): NoteRecord {
  return {
    id: id(n),
    block,
    x: 0,
    y: 0,
    width: 160,
    height: 110,
    color: 'yellow',
    z: n,
    author: 'Ana',
    createdAt: 0,
    text: `Note ${n}`,
    relationship: {},
    links: { channels: [], segments: [] },
  };
}

const notes = new Map([1, 2, 3, 4].map((n) => [id(n), note(n)]));
notes.set(id(9), note(9, 'keyPartners'));

const vote: VoteSettings = {
  id: 'vote_AAAAAAAAAAAAAAAA',
  dotsPerPerson: 3,
  block: 'channels',
  state: 'closed',
  openedAt: 1,
  closedAt: 2,
};

describe('countedDots', () => {
  it('caps a voter at the dots allowed, in note id order, and drops invalid notes', () => {
    const dots = new Map([
      [id(3), 2],
      [id(1), 2],
      [id(9), 1], // another block
      [id(7), 1], // gone
    ]);
    expect(countedDots(vote, dots, notes)).toEqual(
      new Map([
        [id(1), 2],
        [id(3), 1],
      ]),
    );
    expect(dotsLeft(vote, countedDots(vote, dots, notes))).toBe(0);
    expect(dotsLeft(vote, new Map([[id(1), 1]]))).toBe(2);
  });
});

describe('tallyVote and rankNotes', () => {
  it('adds up every voter and ranks most dots first, ties sharing a rank', () => {
    const byVoter = new Map([
      ['u_A', new Map([[id(2), 3]])],
      [
        'u_B',
        new Map([
          [id(1), 1],
          [id(2), 1],
          [id(3), 1],
        ]),
      ],
      [
        'u_C',
        new Map([
          [id(3), 2],
          [id(4), 1],
        ]),
      ],
      ['u_D', new Map([[id(1), 9]])], // cheating: counts as 3
    ]);
    const totals = tallyVote(vote, byVoter, notes);
    expect(totals).toEqual(
      new Map([
        [id(2), 4],
        [id(1), 4],
        [id(3), 3],
        [id(4), 1],
      ]),
    );
    const ranked = rankNotes(
      totals,
      [1, 2, 3, 4, 9].map((n) => notes.get(id(n))!),
    );
    expect(ranked.map((r) => [r.note.id, r.dots, r.rank])).toEqual([
      [id(1), 4, 1],
      [id(2), 4, 1],
      [id(3), 3, 3],
      [id(4), 1, 4],
    ]);
  });

  it('ranks nothing when nobody voted', () => {
    expect(rankNotes(new Map(), [...notes.values()])).toEqual([]);
  });
});
