import { describe, expect, it } from 'vitest';
import { isBoardId, isNoteId, newBoardId, newNoteId } from './ids';

const DRAWS = 10_000;

describe('board ids', () => {
  it('are 22 base64url characters carrying 128 bits', () => {
    for (let i = 0; i < 100; i++) {
      const id = newBoardId();
      expect(id).toMatch(/^[A-Za-z0-9_-]{22}$/);
      expect(Buffer.from(id, 'base64url')).toHaveLength(16);
      expect(isBoardId(id)).toBe(true);
    }
  });

  it('are unique across many draws', () => {
    const ids = new Set(Array.from({ length: DRAWS }, newBoardId));
    expect(ids.size).toBe(DRAWS);
  });

  it('use the whole alphabet (they come from a random source, not a counter)', () => {
    const seen = new Set(
      Array.from({ length: 500 }, newBoardId)
        .map((id) => id.slice(0, 21))
        .join(''),
    );
    expect(seen.size).toBe(64);
  });

  it.each([
    ['too short', 'A'.repeat(21)],
    ['too long', 'A'.repeat(23)],
    ['standard base64 characters', `${'A'.repeat(20)}+/`],
    ['padding', `${'A'.repeat(20)}==`],
    ['spaces', ` ${'A'.repeat(21)}`],
    ['empty', ''],
  ])('rejects %s', (_label, value) => {
    expect(isBoardId(value)).toBe(false);
  });

  it('rejects values that are not strings', () => {
    for (const value of [undefined, null, 42, {}, ['A'.repeat(22)]]) {
      expect(isBoardId(value)).toBe(false);
    }
  });
});

describe('note ids', () => {
  it('are "note_" and 16 base64url characters (96 bits)', () => {
    const id = newNoteId();
    expect(id).toMatch(/^note_[A-Za-z0-9_-]{16}$/);
    expect(Buffer.from(id.slice('note_'.length), 'base64url')).toHaveLength(12);
    expect(isNoteId(id)).toBe(true);
  });

  it('are unique across many draws', () => {
    const ids = new Set(Array.from({ length: DRAWS }, newNoteId));
    expect(ids.size).toBe(DRAWS);
  });

  it.each([
    ['no prefix', 'A'.repeat(16)],
    ['another prefix', `Note_${'A'.repeat(16)}`],
    ['a short body', `note_${'A'.repeat(15)}`],
    ['a long body', `note_${'A'.repeat(17)}`],
    ['a board id', 'A'.repeat(22)],
    ['a prototype key', '__proto__'],
    ['a dot in the body', `note_${'A'.repeat(15)}.`],
  ])('rejects %s', (_label, value) => {
    expect(isNoteId(value)).toBe(false);
  });

  it('rejects values that are not strings', () => {
    for (const value of [undefined, null, 7, { id: newNoteId() }]) {
      expect(isNoteId(value)).toBe(false);
    }
  });
});
