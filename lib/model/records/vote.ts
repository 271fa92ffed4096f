import { z } from 'zod';
import { blockIdSchema, epochTimeSchema, voteIdSchema } from './primitives';

/** Dot voting: the settings in `workshop.vote`, the dots in `votes` (docs/SCHEMA.md). */

export const MIN_DOTS_PER_PERSON = 1;
export const MAX_DOTS_PER_PERSON = 20;

export const dotsPerPersonSchema = z
  .number()
  .int()
  .min(MIN_DOTS_PER_PERSON)
  .max(MAX_DOTS_PER_PERSON)
  .meta({ description: `An integer, ${MIN_DOTS_PER_PERSON} to ${MAX_DOTS_PER_PERSON}.` });

export const voteSettingsSchema = z
  .strictObject({
    id: voteIdSchema.meta({ description: 'The key of this vote’s dots in `votes`.' }),
    dotsPerPerson: dotsPerPersonSchema,
    block: blockIdSchema
      .nullable()
      .meta({ description: 'Only notes of this block get dots; null for the whole board.' }),
    state: z.enum(['open', 'closed']).meta({ description: '`open` or `closed`.' }),
    openedAt: epochTimeSchema,
    closedAt: epochTimeSchema
      .nullable()
      .meta({ description: 'When the facilitator closed it; null while open.' }),
  })
  .refine((vote) => (vote.state === 'closed') === (vote.closedAt !== null), {
    message: 'closedAt is set exactly when the vote is closed',
    path: ['closedAt'],
  });

export type VoteSettings = Readonly<z.infer<typeof voteSettingsSchema>>;
export type VoteState = VoteSettings['state'];

/** A dot key's value in a vote's map: that voter's dots on that note. */
export const dotCountSchema = z
  .number()
  .int()
  .min(1)
  .max(MAX_DOTS_PER_PERSON)
  .meta({ description: `A voter’s dots on one note: 1 to ${MAX_DOTS_PER_PERSON}.` });
