import { z } from 'zod';
import { timeSchema } from './primitives';

/** Follow me, under `workshop.follow`: who leads, and since when. */

export const MAX_LEADER_ID_LENGTH = 64;
export const MAX_LEADER_NAME_LENGTH = 40;

export const followSettingsSchema = z.strictObject({
  leader: z
    .string()
    .min(1)
    .max(MAX_LEADER_ID_LENGTH)
    .meta({ description: 'The leader’s user id (lib/identity.ts).' }),
  name: z
    .string()
    .max(MAX_LEADER_NAME_LENGTH)
    .meta({
      description: `The leader’s display name, at most ${MAX_LEADER_NAME_LENGTH} characters.`,
    }),
  since: timeSchema.meta({
    description: 'When follow started or everyone was last brought back (ms since the epoch).',
  }),
});

export type FollowSettings = Readonly<z.infer<typeof followSettingsSchema>>;
