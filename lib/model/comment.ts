import { newNoteId, type NoteId } from './ids';
import {
  COMMENT_ID_PATTERN,
  MAX_COMMENT_LENGTH,
  commentFieldsSchema,
  commentTextSchema,
} from './records/comment';

export { MAX_AUTHOR_ID_LENGTH, MAX_COMMENT_LENGTH } from './records/comment';

/**
 * Comments on notes (the review tab of the side panel). Each comment is a Y.Map in the root
 * map ROOT.comments, keyed by its own random id: a flat map, so two people commenting at the
 * same moment write different keys and both comments are kept. A thread is its first comment
 * plus every comment whose `thread` names it; only the first comment carries `resolved`.
 * docs/SCHEMA.md documents the fields.
 */
export type CommentId = `cmt_${string}` & { readonly __brand: 'CommentId' };

export function newCommentId(): CommentId {
  // The same 96 random bits as a note id, under the comment prefix.
  return `cmt_${newNoteId().slice('note_'.length)}` as CommentId;
}

export function isCommentId(value: unknown): value is CommentId {
  return typeof value === 'string' && COMMENT_ID_PATTERN.test(value);
}

/** Keys of a comment's Y.Map, every value plain. */
export const COMMENT_KEYS = {
  note: 'note',
  thread: 'thread',
  author: 'author',
  authorId: 'authorId',
  createdAt: 'createdAt',
  text: 'text',
  resolved: 'resolved',
  resolvedBy: 'resolvedBy',
} as const;

/** One comment as React sees it. */
export interface CommentRecord {
  readonly id: CommentId;
  /** The note the thread is about. */
  readonly note: NoteId;
  /** The thread's first comment, or null when this comment starts the thread. */
  readonly thread: CommentId | null;
  /** Display name at the time of writing. */
  readonly author: string;
  /** The writer's browser identity (lib/identity.ts), to tell own comments apart. */
  readonly authorId: string;
  /** Milliseconds since the epoch. */
  readonly createdAt: number;
  /** Plain text, 1 to MAX_COMMENT_LENGTH characters. */
  readonly text: string;
  /** On a thread's first comment: the thread is settled. False on replies. */
  readonly resolved: boolean;
  /** Display name of whoever resolved the thread, while it is resolved. */
  readonly resolvedBy: string | null;
}

/** A comment's text as typed: trimmed, not empty, at most MAX_COMMENT_LENGTH characters. */
export function cleanCommentText(
  raw: unknown,
): { ok: true; text: string } | { ok: false; error: string } {
  if (typeof raw !== 'string') return { ok: false, error: 'a comment must be text' };
  const text = raw.trim();
  if (text === '') return { ok: false, error: 'a comment must not be empty' };
  if (!commentTextSchema.safeParse(text).success)
    return { ok: false, error: `a comment must be at most ${MAX_COMMENT_LENGTH} characters` };
  return { ok: true, text };
}

/** Every field but `resolvedBy`, which reads as null when invalid rather than drop the comment. */
const readSchema = commentFieldsSchema.omit({ resolvedBy: true });
const resolvedBySchema = commentFieldsSchema.shape.resolvedBy;

/** A comment read from a peer's map, or null when anything in it is invalid. */
export function parseComment(id: string, raw: Record<string, unknown>): CommentRecord | null {
  if (!isCommentId(id)) return null;
  // A null thread is what an older writer may have stored for "no thread".
  const parsed = readSchema.safeParse(raw.thread === null ? { ...raw, thread: undefined } : raw);
  if (!parsed.success || parsed.data.thread === id) return null;
  const { note, thread, author, authorId, createdAt, text, resolved } = parsed.data;
  const starts = thread === undefined;
  const resolvedBy = resolvedBySchema.safeParse(raw.resolvedBy);
  const isResolved = starts && resolved === true;
  return {
    id,
    note,
    thread: starts ? null : (thread as CommentId),
    author,
    authorId,
    createdAt,
    text,
    resolved: isResolved,
    resolvedBy: isResolved && resolvedBy.success ? (resolvedBy.data ?? null) : null,
  };
}
