import { z } from 'zod';
import {
  MAX_AUTHOR_ID_LENGTH,
  MAX_AUTHOR_LENGTH,
  MAX_COMMENT_LENGTH,
  isCommentId,
  isNoteId,
} from '../model';
import { commentFieldsSchema, commentIdSchema } from '../model/records';
import { checkFields, isObject, unknownKeys, type IssueFacts, type IssueSink } from './issues';

/**
 * Strict checks of a board file's `comments` (format version 2): each thread names a note of
 * the file, and every field of a thread and its replies is what the comment schema
 * (lib/model/records/comment.ts) allows, so an imported comment is one the readers show;
 * field by field, to say which field is wrong.
 */

/** Comments (threads and replies) per imported board: as many as the notes a file may hold. */
export const MAX_IMPORT_COMMENTS = 50_000;

const REPLY_KEYS = ['id', 'author', 'authorId', 'createdAt', 'text'] as const;
const THREAD_KEYS = [...REPLY_KEYS, 'note', 'resolved', 'resolvedBy', 'replies'] as const;
type ThreadKey = (typeof THREAD_KEYS)[number];
type FieldKey = Exclude<ThreadKey, 'note' | 'replies'>;

/** What each field must be: said when it is missing or wrong. */
const EXPECTED: Readonly<Record<ThreadKey, IssueFacts>> = {
  id: { expected: 'commentId' },
  author: { expected: 'shortText', max: MAX_AUTHOR_LENGTH },
  authorId: { expected: 'shortText', max: MAX_AUTHOR_ID_LENGTH },
  createdAt: { expected: 'number' },
  text: { expected: 'commentText', min: 1, max: MAX_COMMENT_LENGTH },
  note: { expected: 'noteId' },
  resolved: { expected: 'boolean' },
  resolvedBy: { expected: 'shortTextOrNull', max: MAX_AUTHOR_LENGTH },
  replies: { expected: 'list' },
};

/** The file's form of each field: the comment schema's, with `resolved` always there. */
const { shape } = commentFieldsSchema;
const FIELDS: Readonly<Record<FieldKey, z.ZodType>> = {
  id: commentIdSchema,
  author: shape.author,
  authorId: shape.authorId,
  createdAt: shape.createdAt,
  text: shape.text,
  resolved: z.boolean(),
  resolvedBy: shape.resolvedBy.unwrap().nullable(),
};

interface Form {
  fields: Readonly<Partial<Record<FieldKey, z.ZodType>>>;
  expected: Readonly<Partial<Record<FieldKey, IssueFacts>>>;
}

const pick = (keys: readonly FieldKey[]): Form => ({
  fields: Object.fromEntries(keys.map((key) => [key, FIELDS[key]])),
  expected: Object.fromEntries(keys.map((key) => [key, EXPECTED[key]])),
});
const REPLY = pick(REPLY_KEYS);
const THREAD = pick([...REPLY_KEYS, 'resolved', 'resolvedBy']);

function label(raw: unknown, at: string): string {
  const id = isObject(raw) ? raw.id : undefined;
  return isCommentId(id) ? `${at} (${id})` : at;
}

/** Checks the fields of one comment; its id joins `seen` (ids are unique in a file). */
function checkComment(
  raw: Record<string, unknown>,
  form: Form,
  at: string,
  seen: Set<unknown>,
  sink: IssueSink,
): void {
  checkFields(raw, form.fields as Record<FieldKey, z.ZodType>, form.expected, at, sink);
  if (isCommentId(raw.id)) {
    if (seen.has(raw.id)) sink.add(`${at}.id`, 'duplicateId', { value: raw.id });
    seen.add(raw.id);
  }
}

function checkReply(raw: unknown, at: string, seen: Set<unknown>, sink: IssueSink): void {
  if (!isObject(raw)) return sink.add(at, 'invalid', { expected: 'object', value: raw });
  unknownKeys(raw, REPLY_KEYS, at, sink);
  checkComment(raw, REPLY, at, seen, sink);
}

function checkThread(
  raw: unknown,
  at: string,
  notes: ReadonlySet<string>,
  seen: Set<unknown>,
  sink: IssueSink,
): void {
  if (!isObject(raw)) return sink.add(at, 'invalid', { expected: 'object', value: raw });
  unknownKeys(raw, THREAD_KEYS, at, sink);
  checkComment(raw, THREAD, at, seen, sink);
  if (!('note' in raw)) sink.add(`${at}.note`, 'missing', EXPECTED.note);
  else if (!isNoteId(raw.note) || !notes.has(raw.note))
    sink.add(`${at}.note`, 'linkTarget', { value: raw.note });
  // An open thread naming its resolver would come back from a round trip without it.
  if (raw.resolved === false && typeof raw.resolvedBy === 'string')
    sink.add(`${at}.resolvedBy`, 'invalid', {
      expected: 'nullUnlessResolved',
      value: raw.resolvedBy,
    });
  if (!('replies' in raw)) return sink.add(`${at}.replies`, 'missing', EXPECTED.replies);
  if (!Array.isArray(raw.replies))
    return sink.add(`${at}.replies`, 'invalid', { ...EXPECTED.replies, value: raw.replies });
  raw.replies.forEach((reply, i) =>
    checkReply(reply, label(reply, `${at}.replies[${i}]`), seen, sink),
  );
}

/** Checks a version 2 file's `comments` against the note ids of the file. */
export function checkComments(raw: unknown, notes: ReadonlySet<string>, sink: IssueSink): void {
  if (raw === undefined) return sink.add('comments', 'missing', { expected: 'list' });
  if (!Array.isArray(raw)) return sink.add('comments', 'invalid', { expected: 'list', value: raw });
  const total = raw.reduce<number>(
    (sum, thread) =>
      sum + 1 + (isObject(thread) && Array.isArray(thread.replies) ? thread.replies.length : 0),
    0,
  );
  if (total > MAX_IMPORT_COMMENTS)
    return sink.add('comments', 'tooMany', { expected: 'maxComments', max: MAX_IMPORT_COMMENTS });
  const seen = new Set<unknown>();
  raw.forEach((thread, i) =>
    checkThread(thread, label(thread, `comments[${i}]`), notes, seen, sink),
  );
}
