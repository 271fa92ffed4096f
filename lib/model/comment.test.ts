import { describe, expect, it } from 'vitest';
import {
  MAX_COMMENT_LENGTH,
  cleanCommentText,
  isCommentId,
  newCommentId,
  parseComment,
} from './comment';
import { newNoteId } from './ids';

const note = newNoteId();
const id = newCommentId();
const valid = {
  note,
  author: 'Ana',
  authorId: 'u_abcdefghijklmnop',
  createdAt: 1_700_000_000_000,
  text: 'Is this segment real?',
  resolved: false,
};

describe('comment ids', () => {
  it('are prefixed, random and recognised', () => {
    expect(id).toMatch(/^cmt_[A-Za-z0-9_-]{16}$/);
    expect(newCommentId()).not.toBe(id);
    expect(isCommentId(id)).toBe(true);
    for (const bad of [note, 'cmt_short', 42, null]) expect(isCommentId(bad)).toBe(false);
  });
});

describe('cleanCommentText', () => {
  it('trims, and refuses empty or too long text', () => {
    expect(cleanCommentText('  hi  ')).toEqual({ ok: true, text: 'hi' });
    expect(cleanCommentText('x'.repeat(MAX_COMMENT_LENGTH)).ok).toBe(true);
    for (const bad of ['', '   ', 'x'.repeat(MAX_COMMENT_LENGTH + 1), 7, undefined])
      expect(cleanCommentText(bad).ok).toBe(false);
  });
});

describe('parseComment', () => {
  it('reads a thread’s first comment and a reply', () => {
    expect(parseComment(id, valid)).toEqual({ id, thread: null, resolvedBy: null, ...valid });
    const reply = newCommentId();
    expect(parseComment(reply, { ...valid, thread: id, resolved: true })).toMatchObject({
      thread: id,
      resolved: false, // only a first comment can be resolved
    });
    expect(parseComment(id, { ...valid, resolved: true, resolvedBy: 'Luis' })).toMatchObject({
      resolved: true,
      resolvedBy: 'Luis',
    });
  });

  it('drops whatever a peer wrote wrong', () => {
    const bad: Record<string, unknown>[] = [
      { ...valid, note: 'nope' },
      { ...valid, thread: 'nope' },
      { ...valid, thread: id }, // a comment cannot answer itself
      { ...valid, author: 3 },
      { ...valid, authorId: 'x'.repeat(65) },
      { ...valid, createdAt: Number.NaN },
      { ...valid, text: '' },
      { ...valid, text: ' padded ' },
      { ...valid, text: 'x'.repeat(MAX_COMMENT_LENGTH + 1) },
    ];
    for (const raw of bad) expect(parseComment(id, raw)).toBeNull();
    expect(parseComment('note_abcdefghijklmnop', valid)).toBeNull();
  });
});
