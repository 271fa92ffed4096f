import { describe, expect, it } from 'vitest';
import { isBlockId } from './blocks';
import { isNoteColor, NOTE_COLOR_NAMES } from './colors';
import { newNoteId } from './ids';
import { BOARD_HEIGHT, BOARD_WIDTH } from './layout';
import {
  DEFAULT_NOTE_HEIGHT,
  DEFAULT_NOTE_WIDTH,
  MAX_AUTHOR_LENGTH,
  MAX_NOTE_SIZE,
  MIN_NOTE_SIZE,
  newNoteCornerAt,
  noteRect,
  parseNoteFields,
} from './note';

const ID = newNoteId();

const VALID = {
  block: 'channels',
  x: 1250,
  y: 500,
  width: 160,
  height: 110,
  color: 'teal',
  z: 3.5,
  author: 'Ana',
  createdAt: 1_700_000_000_000,
};

function parse(overrides: Record<string, unknown>, id: unknown = ID) {
  return parseNoteFields(id, { ...VALID, ...overrides });
}

describe('parseNoteFields', () => {
  it('accepts valid fields and returns exactly the stored scalar fields', () => {
    expect(parseNoteFields(ID, { ...VALID, text: 'ignored', extra: 1 })).toEqual(VALID);
  });

  it('accepts the size and position limits themselves', () => {
    expect(parse({ width: MIN_NOTE_SIZE, height: MAX_NOTE_SIZE })).not.toBeNull();
    expect(parse({ x: -MAX_NOTE_SIZE, y: -MAX_NOTE_SIZE })).not.toBeNull();
    expect(
      parse({ x: BOARD_WIDTH + MAX_NOTE_SIZE, y: BOARD_HEIGHT + MAX_NOTE_SIZE }),
    ).not.toBeNull();
  });

  it.each<[string, Record<string, unknown>]>([
    ['an unknown block', { block: 'marketing' }],
    ['a prototype key as block', { block: 'toString' }],
    ['a missing block', { block: undefined }],
    ['an unknown colour', { color: 'neon' }],
    ['a raw CSS colour', { color: '#fff3a3' }],
    ['a prototype key as colour', { color: 'constructor' }],
    ['NaN x', { x: Number.NaN }],
    ['Infinity y', { y: Number.POSITIVE_INFINITY }],
    ['-Infinity z', { z: Number.NEGATIVE_INFINITY }],
    ['a numeric string', { x: '10' }],
    ['a missing createdAt', { createdAt: undefined }],
    ['a width below the minimum', { width: MIN_NOTE_SIZE - 1 }],
    ['a negative width', { width: -160 }],
    ['a height above the maximum', { height: MAX_NOTE_SIZE + 1 }],
    ['a zero height', { height: 0 }],
    ['x far left of the canvas', { x: -MAX_NOTE_SIZE - 1 }],
    ['x far right of the canvas', { x: BOARD_WIDTH + MAX_NOTE_SIZE + 1 }],
    ['y far above the canvas', { y: -1e6 }],
    ['y far below the canvas', { y: BOARD_HEIGHT + MAX_NOTE_SIZE + 1 }],
  ])('rejects %s', (_label, overrides) => {
    expect(parse(overrides)).toBeNull();
  });

  it.each([['not-a-note'], ['note_short'], [42], [null], [`board_${'A'.repeat(16)}`]])(
    'rejects the id %j',
    (id) => {
      expect(parse({}, id)).toBeNull();
    },
  );

  it('truncates a long author', () => {
    const fields = parse({ author: 'x'.repeat(500) });
    expect(fields?.author).toBe('x'.repeat(MAX_AUTHOR_LENGTH));
  });

  it('reads a missing or non-string author as empty', () => {
    expect(parse({ author: undefined })?.author).toBe('');
    expect(parse({ author: { name: 'Ana' } })?.author).toBe('');
  });
});

describe('palette and block guards', () => {
  it('know every palette name and no inherited key', () => {
    for (const name of NOTE_COLOR_NAMES) expect(isNoteColor(name)).toBe(true);
    for (const value of ['toString', '__proto__', 'hasOwnProperty', 'YELLOW', 1]) {
      expect(isNoteColor(value)).toBe(false);
      expect(isBlockId(value)).toBe(false);
    }
  });
});

describe('noteRect', () => {
  it('keeps only the geometry', () => {
    expect(noteRect({ ...VALID } as never)).toEqual({ x: 1250, y: 500, width: 160, height: 110 });
  });
});

describe('newNoteCornerAt', () => {
  it('centres a default-sized note on the point', () => {
    const corner = newNoteCornerAt({ x: 500, y: 300 });
    expect(corner.x + DEFAULT_NOTE_WIDTH / 2).toBe(500);
    expect(corner.y + DEFAULT_NOTE_HEIGHT / 2).toBe(300);
  });
});
