import { describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { newCommentId, type CommentId } from '../model';
import {
  addComment,
  commentsRoot,
  openThreadCounts,
  readThreads,
  reopenThread,
  replyToThread,
  resolveThread,
} from './comments';
import { ModelError, createNote, deleteNotes } from './notes';
import { boardWithNotes, recordTransactions, twoPeers } from './test-support';
import { createUndoManager } from './undo';

const ana = { author: 'Ana', authorId: 'u_aaaaaaaaaaaaaaaa' };
const luis = { author: 'Luis', authorId: 'u_llllllllllllllll' };

describe('comment threads', () => {
  it('starts a thread, replies, resolves and reopens it, each in one local transaction', () => {
    const { doc, partner } = boardWithNotes();
    const log = recordTransactions(doc);
    const thread = addComment(doc, partner, '  Which bank?  ', ana);
    const reply = replyToThread(doc, thread, 'The local one', luis);
    resolveThread(doc, thread, 'Luis');
    log.stop();
    expect(log.origins).toEqual(['lienzo:local', 'lienzo:local', 'lienzo:local']);

    const [only] = readThreads(doc).get(partner) ?? [];
    expect(only?.first).toMatchObject({
      id: thread,
      note: partner,
      thread: null,
      author: 'Ana',
      text: 'Which bank?',
      resolved: true,
      resolvedBy: 'Luis',
    });
    expect(only?.replies.map((r) => [r.id, r.author, r.text])).toEqual([
      [reply, 'Luis', 'The local one'],
    ]);
    expect(openThreadCounts(readThreads(doc)).get(partner)).toBeUndefined();

    reopenThread(doc, thread);
    expect(readThreads(doc).get(partner)?.[0]?.first).toMatchObject({
      resolved: false,
      resolvedBy: null,
    });
    expect(openThreadCounts(readThreads(doc)).get(partner)).toBe(1);
  });

  it('refuses bad input without writing anything', () => {
    const { doc, partner } = boardWithNotes();
    const thread = addComment(doc, partner, 'First', ana);
    const reply = replyToThread(doc, thread, 'Second', luis);
    const log = recordTransactions(doc);
    const missingNote = createNote(doc, { x: 0, y: 0, author: 'x' });
    deleteNotes(doc, [missingNote]);
    const before = log.updates;
    expect(() => addComment(doc, partner, '   ', ana)).toThrow(ModelError);
    expect(() => addComment(doc, missingNote, 'hi', ana)).toThrow(ModelError);
    expect(() => addComment(doc, partner, 'hi', { author: 'Ana', authorId: '' })).toThrow(
      ModelError,
    );
    expect(() => replyToThread(doc, reply, 'to a reply', ana)).toThrow(ModelError);
    expect(() => replyToThread(doc, newCommentId(), 'to nothing', ana)).toThrow(ModelError);
    expect(() => resolveThread(doc, reply, 'Ana')).toThrow(ModelError);
    expect(log.updates).toBe(before);
    log.stop();
  });

  it('counts open threads per note, oldest thread first', () => {
    const { doc, partner, channel } = boardWithNotes();
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(2_000);
    const two = addComment(doc, partner, 'two', luis);
    vi.setSystemTime(1_000); // written later, but dated earlier: the date orders, not the key
    const one = addComment(doc, partner, 'one', ana);
    vi.useRealTimers();
    addComment(doc, channel, 'three', ana);
    resolveThread(doc, one, 'Ana');
    expect(
      readThreads(doc)
        .get(partner)
        ?.map((t) => t.first.id),
    ).toEqual([one, two]);
    expect([...openThreadCounts(readThreads(doc))]).toEqual([
      [partner, 1],
      [channel, 1],
    ]);
  });

  it('hides the threads of a deleted note, and undo of the deletion brings them back', () => {
    const { doc, partner } = boardWithNotes();
    addComment(doc, partner, 'Keep me', ana);
    const undo = createUndoManager(doc);
    deleteNotes(doc, [partner]);
    expect(readThreads(doc).has(partner)).toBe(false);
    undo.undo();
    expect(readThreads(doc).get(partner)?.[0]?.first.text).toBe('Keep me');
  });

  it('ignores invalid comments from peers, and replies to a missing thread', () => {
    const { doc, partner } = boardWithNotes();
    const thread = addComment(doc, partner, 'Valid', ana);
    const peerComment = (fields: Record<string, unknown>) => {
      const map = new Y.Map<unknown>();
      for (const [key, value] of Object.entries(fields)) map.set(key, value);
      return map;
    };
    const base = { note: partner, author: 'Eve', authorId: 'u_eeeeeeeeeeeeeeee', createdAt: 1 };
    doc.transact(() => {
      const root = commentsRoot(doc);
      root.set(newCommentId(), peerComment({ ...base, text: '' }));
      root.set('not an id', peerComment({ ...base, text: 'bad key' }));
      root.set(newCommentId(), peerComment({ ...base, text: 'orphan', thread: newCommentId() }));
    }, 'remote');
    const [only] = readThreads(doc).get(partner) ?? [];
    expect(readThreads(doc).get(partner)).toHaveLength(1);
    expect(only?.first.id).toBe(thread);
    expect(only?.replies).toEqual([]);
  });

  it('keeps both comments when two people comment at once, and undoes only one’s own', () => {
    const { a, b } = twoPeers();
    const note = createNote(a, { x: 100, y: 100, author: 'Ana' });
    const undo = createUndoManager(a);
    const fromA = addComment(a, note, 'From A', ana);
    const fromB = addComment(b, note, 'From B', luis);
    for (const doc of [a, b])
      expect(
        readThreads(doc)
          .get(note)
          ?.map((t) => t.first.id)
          .sort(),
      ).toEqual([fromA, fromB].sort());
    undo.undo();
    for (const doc of [a, b])
      expect(
        readThreads(doc)
          .get(note)
          ?.map((t) => t.first.id),
      ).toEqual([fromB as CommentId]);
  });
});
