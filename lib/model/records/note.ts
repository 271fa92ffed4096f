import { z } from 'zod';
import { BOARD_HEIGHT, BOARD_WIDTH } from '../layout';
import { blockIdSchema, noteColorSchema, timeSchema } from './primitives';

/** A note's plain fields (docs/SCHEMA.md, "A note's Y.Map"); `text` and `rel` are nested types. */

/** Note sizes in board units. The default fits three short lines at a readable size. */
export const DEFAULT_NOTE_WIDTH = 160;
export const DEFAULT_NOTE_HEIGHT = 110;
export const MIN_NOTE_SIZE = 60;
export const MAX_NOTE_SIZE = 600;
/** Longest author name kept in a note; display names are short labels, not essays. */
export const MAX_AUTHOR_LENGTH = 60;
/** Notes may hang over the canvas edge by up to their largest size, in board units. */
export const POSITION_SLACK = MAX_NOTE_SIZE;

function coordinate(extent: number, axis: string) {
  return z
    .number()
    .min(-POSITION_SLACK)
    .max(extent + POSITION_SLACK)
    .meta({
      description: `Board units: the ${axis} of the top-left corner, -${POSITION_SLACK} to ${extent + POSITION_SLACK} (the canvas and ${POSITION_SLACK} around it).`,
    });
}

function size(dimension: string) {
  return z
    .number()
    .min(MIN_NOTE_SIZE)
    .max(MAX_NOTE_SIZE)
    .meta({
      description: `Board units, the ${dimension}: ${MIN_NOTE_SIZE} to ${MAX_NOTE_SIZE}.`,
    });
}

export const noteFieldsSchema = z.object({
  block: blockIdSchema.meta({
    description: 'One of the nine block ids: the block under the note’s centre.',
  }),
  x: coordinate(BOARD_WIDTH, 'x'),
  y: coordinate(BOARD_HEIGHT, 'y'),
  width: size('width'),
  height: size('height'),
  color: noteColorSchema,
  z: z.number().meta({ description: 'Stacking order, higher on top: any finite number.' }),
  author: z
    .string()
    .max(MAX_AUTHOR_LENGTH)
    .meta({
      description: `Display name of whoever created the note, at most ${MAX_AUTHOR_LENGTH} characters.`,
    }),
  createdAt: timeSchema,
});

/** The stored scalar fields of a note, as written into its Y.Map (text is a nested type). */
export type NoteFields = z.infer<typeof noteFieldsSchema>;
