import { z } from 'zod';
import { timeSchema } from './primitives';

/** The `meta` map: board-level fields (docs/SCHEMA.md, "meta"). */

export const MAX_TITLE_LENGTH = 120;

export const boardMetaSchema = z.object({
  schemaVersion: z.number().int().positive().meta({
    description: 'The schema version the document follows (an integer). Written by the server.',
  }),
  title: z
    .string()
    .min(1)
    .max(MAX_TITLE_LENGTH)
    .meta({
      description: `Whitespace collapsed to single spaces, trimmed, 1 to ${MAX_TITLE_LENGTH} characters (see \`cleanTitle\`).`,
    }),
  createdAt: timeSchema,
});

/** Board-level fields as React and the API see them. */
export type BoardMeta = Readonly<z.infer<typeof boardMetaSchema>>;
