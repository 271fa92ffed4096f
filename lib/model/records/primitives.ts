import { z } from 'zod';
import { BLOCK_IDS } from '../blocks';
import { NOTE_COLOR_NAMES } from '../colors';
import { NOTE_ID_PATTERN, VOTE_ID_PATTERN } from '../ids';
import type { NoteId } from '../ids';

/**
 * The small schemas every record is built from: ids, times, blocks, colours. Each carries its
 * description, which docs/SCHEMA.md's generated tables show.
 */

/** A note id (lib/model/ids.ts), typed as the branded NoteId the rest of the code uses. */
export const noteIdSchema = z
  .string()
  .regex(NOTE_ID_PATTERN)
  .meta({ description: '`note_` and 16 base64url characters.' }) as unknown as z.ZodType<NoteId>;

export const voteIdSchema = z
  .string()
  .regex(VOTE_ID_PATTERN)
  .meta({ description: '`vote_` and 16 base64url characters.' });

/** Milliseconds since the Unix epoch (any finite number: a peer's clock may be off). */
export const timeSchema = z.number().meta({ description: 'Milliseconds since the Unix epoch.' });

/** A time that is never before the epoch: what the workshop tools write. */
export const epochTimeSchema = z
  .number()
  .nonnegative()
  .meta({ description: 'Milliseconds since the Unix epoch, never negative.' });

export const blockIdSchema = z.enum(BLOCK_IDS).meta({ description: 'One of the nine block ids.' });

export const noteColorSchema = z
  .enum(NOTE_COLOR_NAMES)
  .meta({ description: 'A palette name, never a raw CSS colour.' });

/** A string of at most `max` characters. */
export function shortText(max: number, description: string) {
  return z.string().max(max).meta({ description });
}
