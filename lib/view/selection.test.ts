import { describe, expect, it } from 'vitest';
import { BLOCK_IDS, type NoteId, type NoteRecord } from '../model';
import { notesInRect, readingOrder, stepThroughNotes } from './selection';

const note = (id: string, block: NoteRecord['block'], x: number, y: number): NoteRecord => ({
  id: `note_${id.padEnd(16, 'x')}` as NoteId,
  block,
  x,
  y,
  width: 100,
  height: 100,
  color: 'yellow',
  z: 1,
  author: 'a',
  createdAt: 0,
  text: '',
  relationship: {},
  links: { channels: [], segments: [] },
});

describe('selection helpers', () => {
  const a = note('a', 'customerSegments', 1700, 100);
  const b = note('b', 'keyPartners', 50, 300);
  const c = note('c', 'keyPartners', 50, 100);

  it('finds notes touched by a rectangle', () => {
    expect(notesInRect([a, b, c], { x: 0, y: 0, width: 200, height: 250 })).toEqual([c.id]);
    expect(notesInRect([a, b, c], { x: 0, y: 0, width: 2000, height: 1300 })).toHaveLength(3);
    expect(notesInRect([a, b, c], { x: 500, y: 500, width: 10, height: 10 })).toEqual([]);
  });

  it('orders notes block by block, then top to bottom', () => {
    expect(readingOrder([a, b, c], BLOCK_IDS).map((n) => n.id)).toEqual([c.id, b.id, a.id]);
  });

  it('steps forwards and backwards with wrap-around', () => {
    const ordered = readingOrder([a, b, c], BLOCK_IDS);
    expect(stepThroughNotes(ordered, undefined, false)).toBe(c.id);
    expect(stepThroughNotes(ordered, undefined, true)).toBe(a.id);
    expect(stepThroughNotes(ordered, c.id, false)).toBe(b.id);
    expect(stepThroughNotes(ordered, a.id, false)).toBe(c.id);
    expect(stepThroughNotes(ordered, c.id, true)).toBe(a.id);
    expect(stepThroughNotes([], undefined, false)).toBeNull();
  });
});
