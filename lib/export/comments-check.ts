import {
  MAX_AUTHOR_ID_LENGTH,
  MAX_AUTHOR_LENGTH,
  MAX_COMMENT_LENGTH,
  cleanCommentText,
  isCommentId,
  isNoteId,
} from '../model';
import { isObject, unknownKeys, type IssueFacts, type IssueSink } from './issues';

/**
 * Strict checks of a board file's `comments` (format version 2): each thread names a note of
 * the file, and every field of a thread and its replies is what lib/model's parseComment
 * accepts, so an imported comment is one the readers show. The checks are spelt out field by
 * field, rather than a yes/no from parseComment, to say which field is wrong.
 */

/** Comments (threads and replies) per imported board: as many as the notes a file may hold. */
export const MAX_IMPORT_COMMENTS = 50_000;

const REPLY_KEYS = ['id', 'author', 'authorId', 'createdAt', 'text'] as const;
const THREAD_KEYS = [...REPLY_KEYS, 'note', 'resolved', 'resolvedBy', 'replies'] as const;
type ThreadKey = (typeof THREAD_KEYS)[number];

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

const isShortText = (value: unknown, max: number) =>
  typeof value === 'string' && value.length <= max;

/** Whether a present field holds a valid value (the note and the replies are checked apart). */
const VALID: Readonly<Record<Exclude<ThreadKey, 'note' | 'replies'>, (v: unknown) => boolean>> = {
  id: isCommentId,
  author: (v) => isShortText(v, MAX_AUTHOR_LENGTH),
  authorId: (v) => isShortText(v, MAX_AUTHOR_ID_LENGTH),
  createdAt: (v) => typeof v === 'number' && Number.isFinite(v),
  // Stored text is already trimmed: text that cleaning would change is not what a reader shows.
  text: (v) => {
    const cleaned = cleanCommentText(v);
    return cleaned.ok && cleaned.text === v;
  },
  resolved: (v) => typeof v === 'boolean',
  resolvedBy: (v) => v === null || isShortText(v, MAX_AUTHOR_LENGTH),
};

function label(raw: unknown, at: string): string {
  const id = isObject(raw) ? raw.id : undefined;
  return isCommentId(id) ? `${at} (${id})` : at;
}

/** Checks the fields `keys` of one comment; its id joins `seen` (ids are unique in a file). */
function checkFields(
  raw: Record<string, unknown>,
  keys: readonly Exclude<ThreadKey, 'note' | 'replies'>[],
  at: string,
  seen: Set<unknown>,
  sink: IssueSink,
): void {
  for (const key of keys) {
    const where = `${at}.${key}`;
    if (!(key in raw)) sink.add(where, 'missing', EXPECTED[key]);
    else if (!VALID[key](raw[key]))
      sink.add(where, 'invalid', { ...EXPECTED[key], value: raw[key] });
  }
  if (isCommentId(raw.id)) {
    if (seen.has(raw.id)) sink.add(`${at}.id`, 'duplicateId', { value: raw.id });
    seen.add(raw.id);
  }
}

function checkReply(raw: unknown, at: string, seen: Set<unknown>, sink: IssueSink): void {
  if (!isObject(raw)) return sink.add(at, 'invalid', { expected: 'object', value: raw });
  unknownKeys(raw, REPLY_KEYS, at, sink);
  checkFields(raw, REPLY_KEYS, at, seen, sink);
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
  checkFields(raw, [...REPLY_KEYS, 'resolved', 'resolvedBy'], at, seen, sink);
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
