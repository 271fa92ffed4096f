import { describe, expect, it } from 'vitest';
import { BLOCK_RECTS } from './layout';
import { blockOfPlace, boardFieldRefusal, lockRefusal, misplaced } from './lock-rule';
import { NO_LOCKS, type WorkshopLocks } from './workshop-locks';

/** A default-sized note centred in `block`, its field saying `field` (the same by default). */
function noteIn(block: keyof typeof BLOCK_RECTS, field: string = block) {
  const rect = BLOCK_RECTS[block];
  const [width, height] = [160, 110];
  return {
    x: rect.x + rect.width / 2 - width / 2,
    y: rect.y + rect.height / 2 - height / 2,
    width,
    height,
    block: field,
  };
}

const locked = (...blocks: (keyof typeof BLOCK_RECTS)[]): WorkshopLocks => ({
  board: false,
  blocks,
});

describe('the lock rule', () => {
  it('places a note by its centre, never by its block field', () => {
    expect(blockOfPlace(noteIn('channels', 'keyPartners'))).toBe('channels');
    expect(blockOfPlace({ ...noteIn('channels'), x: '1250' })).toBeNull();
    expect(blockOfPlace({ ...noteIn('channels'), x: 5000 })).toBeNull();
  });

  it('refuses creating, changing, deleting and moving in or out of a locked block', () => {
    const locks = locked('keyPartners');
    const inside = noteIn('keyPartners');
    const outside = noteIn('channels');
    expect(lockRefusal(locks, null, inside)).toBe('block');
    expect(lockRefusal(locks, inside, inside)).toBe('block');
    expect(lockRefusal(locks, inside, null)).toBe('block');
    expect(lockRefusal(locks, inside, outside)).toBe('block');
    expect(lockRefusal(locks, outside, inside)).toBe('block');
    expect(lockRefusal(locks, outside, outside)).toBeNull();
    // A lying field changes nothing either way.
    expect(lockRefusal(locks, null, noteIn('keyPartners', 'channels'))).toBe('block');
    expect(lockRefusal(locks, null, noteIn('channels', 'keyPartners'))).toBeNull();
  });

  it('refuses every note and board field under the board lock, nothing without locks', () => {
    const board = { board: true, blocks: [] };
    expect(lockRefusal(board, null, noteIn('channels'))).toBe('board');
    expect(boardFieldRefusal(board)).toBe('board');
    expect(boardFieldRefusal(locked('channels'))).toBeNull();
    expect(lockRefusal(NO_LOCKS, noteIn('channels'), null)).toBeNull();
  });

  it('calls a note misplaced when its changed place and block field disagree', () => {
    const right = noteIn('channels');
    expect(misplaced(null, right)).toBe(false);
    expect(misplaced(null, noteIn('channels', 'keyPartners'))).toBe(true);
    expect(misplaced(right, { ...right, y: 100 })).toBe(true);
    expect(misplaced(right, { ...right, x: Number.NaN })).toBe(true);
    // Unchanged, or deleted: not judged.
    const old = noteIn('channels', 'keyPartners');
    expect(misplaced(old, { ...old })).toBe(false);
    expect(misplaced(old, null)).toBe(false);
  });
});
