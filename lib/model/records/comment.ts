import { z } from 'zod';
import { MAX_AUTHOR_LENGTH } from './note';
import { noteIdSchema, timeSchema } from './primitives';

/** A comment's Y.Map in `comments` (docs/SCHEMA.md, "comments: threads on notes"). */

export const COMMENT_ID_PATTERN = /^cmt_[A-Za-z0-9_-]{16}$/;
/** Longest comment kept; a comment is a remark, not a document. */
export const MAX_COMMENT_LENGTH = 2_000;
/** Longest user id kept (lib/identity.ts ids are 18 characters). */
export const MAX_AUTHOR_ID_LENGTH = 64;

export const commentIdSchema = z
  .string()
  .regex(COMMENT_ID_PATTERN)
  .meta({ description: '`cmt_` and 16 base64url characters.' });

const author = z.string().max(MAX_AUTHOR_LENGTH);

export const commentTextSchema = z
  .string()
  .min(1)
  .max(MAX_COMMENT_LENGTH)
  .refine((text) => text === text.trim(), { message: 'not trimmed' })
  .meta({
    description: `Plain text, trimmed, 1 to ${MAX_COMMENT_LENGTH.toLocaleString('en')} characters.`,
  });

export const commentFieldsSchema = z.object({
  note: noteIdSchema.meta({
    description: 'The note the thread is about (a reply repeats its thread’s note).',
  }),
  thread: commentIdSchema.optional().meta({
    description: 'Absent on a thread’s first comment; on a reply, the first comment’s id.',
  }),
  author: author.meta({
    description: `Display name at the time of writing, at most ${MAX_AUTHOR_LENGTH} characters.`,
  }),
  authorId: z
    .string()
    .max(MAX_AUTHOR_ID_LENGTH)
    .meta({
      description: `The writer’s browser identity (\`u_…\`), at most ${MAX_AUTHOR_ID_LENGTH} characters.`,
    }),
  createdAt: timeSchema,
  text: commentTextSchema,
  resolved: z.boolean().optional().meta({
    description: 'First comments only: the thread is settled. Ignored on replies.',
  }),
  resolvedBy: author.optional().meta({
    description: 'First comments only, while resolved: display name of whoever resolved it.',
  }),
});

export type CommentFields = z.infer<typeof commentFieldsSchema>;
