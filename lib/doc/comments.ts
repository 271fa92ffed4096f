import * as Y from 'yjs';
import {
  COMMENT_KEYS,
  MAX_AUTHOR_ID_LENGTH,
  MAX_AUTHOR_LENGTH,
  ROOT,
  cleanCommentText,
  newCommentId,
  parseComment,
  type CommentId,
  type CommentRecord,
  type NoteId,
} from '../model';
import { boardRoots } from './board-doc';
import { ModelError } from './model-error';
import { LOCAL_ORIGIN } from './origins';

/**
 * Comment threads on notes: one named function per gesture (start a thread, reply, resolve,
 * reopen), each one transaction with LOCAL_ORIGIN, and a reader that groups valid comments
 * into threads.
 *
 * Comments of a deleted note stay in the document and are hidden by the reader (it only
 * shows threads of notes that exist). Deleting them with the note would need the comments in
 * the same undo step as the note; hiding them means undoing the deletion brings the note back
 * with its discussion, and a peer's reply written while the note was briefly gone is not lost.
 */

export function commentsRoot(doc: Y.Doc): Y.Map<Y.Map<unknown>> {
  return doc.getMap<Y.Map<unknown>>(ROOT.comments);
}

/** Who writes: the display name and the browser identity (lib/identity.ts). */
export interface CommentAuthor {
  author: string;
  authorId: string;
}

function requireText(raw: string): string {
  const text = cleanCommentText(raw);
  if (!text.ok) throw new ModelError(text.error);
  return text.text;
}

function requireAuthor({ author, authorId }: CommentAuthor): CommentAuthor {
  const name = author.trim().slice(0, MAX_AUTHOR_LENGTH);
  if (authorId === '' || authorId.length > MAX_AUTHOR_ID_LENGTH)
    throw new ModelError('a comment needs its writer’s id');
  return { author: name, authorId };
}

/** The first comment of a thread, checked to be one. */
function requireThread(doc: Y.Doc, thread: CommentId): Y.Map<unknown> {
  const first = commentsRoot(doc).get(thread);
  const record = first ? readComment(thread, first) : null;
  if (!first || !record) throw new ModelError(`no comment ${thread} on this board`);
  if (record.thread !== null) throw new ModelError('replies go to the thread’s first comment');
  return first;
}

/**
 * A comment's map as SCHEMA.md lays it out: `thread` on replies only, `resolved` (and, while
 * resolved, `resolvedBy`) on a thread's first comment only. Shared by the gestures below and
 * the board-file import (lib/export), which keeps a comment's id and time from the file.
 */
export function newCommentMap(comment: Omit<CommentRecord, 'id'>): Y.Map<unknown> {
  const map = new Y.Map<unknown>();
  map.set(COMMENT_KEYS.note, comment.note);
  if (comment.thread) map.set(COMMENT_KEYS.thread, comment.thread);
  map.set(COMMENT_KEYS.author, comment.author);
  map.set(COMMENT_KEYS.authorId, comment.authorId);
  map.set(COMMENT_KEYS.createdAt, comment.createdAt);
  map.set(COMMENT_KEYS.text, comment.text);
  if (!comment.thread) map.set(COMMENT_KEYS.resolved, comment.resolved);
  if (!comment.thread && comment.resolved && comment.resolvedBy !== null)
    map.set(COMMENT_KEYS.resolvedBy, comment.resolvedBy);
  return map;
}

function writeComment(
  doc: Y.Doc,
  fields: { note: NoteId; thread: CommentId | null; text: string } & CommentAuthor,
): CommentId {
  const id = newCommentId();
  doc.transact(() => {
    const comment = { ...fields, createdAt: Date.now(), resolved: false, resolvedBy: null };
    commentsRoot(doc).set(id, newCommentMap(comment));
  }, LOCAL_ORIGIN);
  return id;
}

/** Starts a thread on a note; returns the new comment's id (the thread's id). */
export function addComment(doc: Y.Doc, note: NoteId, text: string, by: CommentAuthor): CommentId {
  if (!boardRoots(doc).notes.has(note)) throw new ModelError(`no note ${note} on this board`);
  return writeComment(doc, { note, thread: null, text: requireText(text), ...requireAuthor(by) });
}

/** Answers a thread; returns the reply's id. */
export function replyToThread(
  doc: Y.Doc,
  thread: CommentId,
  text: string,
  by: CommentAuthor,
): CommentId {
  const first = requireThread(doc, thread);
  const note = first.get(COMMENT_KEYS.note) as NoteId;
  return writeComment(doc, { note, thread, text: requireText(text), ...requireAuthor(by) });
}

/** Marks a thread settled, naming who settled it. */
export function resolveThread(doc: Y.Doc, thread: CommentId, by: string): void {
  const first = requireThread(doc, thread);
  const name = by.trim().slice(0, MAX_AUTHOR_LENGTH);
  doc.transact(() => {
    first.set(COMMENT_KEYS.resolved, true);
    first.set(COMMENT_KEYS.resolvedBy, name);
  }, LOCAL_ORIGIN);
}

/** Opens a resolved thread again. */
export function reopenThread(doc: Y.Doc, thread: CommentId): void {
  const first = requireThread(doc, thread);
  doc.transact(() => {
    first.set(COMMENT_KEYS.resolved, false);
    if (first.has(COMMENT_KEYS.resolvedBy)) first.delete(COMMENT_KEYS.resolvedBy);
  }, LOCAL_ORIGIN);
}

function readComment(id: string, comment: unknown): CommentRecord | null {
  if (!(comment instanceof Y.Map)) return null;
  const raw: Record<string, unknown> = {};
  for (const [key, value] of comment.entries()) raw[key] = value;
  return parseComment(id, raw);
}

/** A thread: its first comment (which carries `resolved`) and its replies, oldest first. */
export interface CommentThread {
  readonly first: CommentRecord;
  readonly replies: readonly CommentRecord[];
}

function byTime(a: CommentRecord, b: CommentRecord): number {
  return a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/**
 * Every thread of the board's existing notes, oldest first, by note. Invalid comments, replies
 * to a missing or invalid thread, and replies that name another note than their thread are
 * left out.
 */
export function readThreads(doc: Y.Doc): ReadonlyMap<NoteId, readonly CommentThread[]> {
  const notes = boardRoots(doc).notes;
  const firsts = new Map<CommentId, CommentRecord>();
  const replies = new Map<CommentId, CommentRecord[]>();
  commentsRoot(doc).forEach((value, id) => {
    const comment = readComment(id, value);
    if (!comment || !notes.has(comment.note)) return;
    if (comment.thread === null) firsts.set(comment.id, comment);
    else replies.set(comment.thread, [...(replies.get(comment.thread) ?? []), comment]);
  });
  const byNote = new Map<NoteId, CommentThread[]>();
  for (const first of [...firsts.values()].sort(byTime)) {
    const own = (replies.get(first.id) ?? []).filter((reply) => reply.note === first.note);
    const threads = byNote.get(first.note) ?? [];
    threads.push({ first, replies: own.sort(byTime) });
    byNote.set(first.note, threads);
  }
  return byNote;
}

/** How many unresolved threads each note has (the badge on the canvas). */
export function openThreadCounts(
  threads: ReadonlyMap<NoteId, readonly CommentThread[]>,
): ReadonlyMap<NoteId, number> {
  const counts = new Map<NoteId, number>();
  for (const [note, list] of threads) {
    const open = list.filter((thread) => !thread.first.resolved).length;
    if (open > 0) counts.set(note, open);
  }
  return counts;
}
