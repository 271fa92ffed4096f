import { z } from 'zod';
import { timeSchema } from './primitives';

/** Private writing, under `workshop.privateWriting`. */
export const privateWritingSchema = z
  .strictObject({
    on: z.boolean().meta({ description: 'New notes go to each writer’s private draft.' }),
    since: timeSchema
      .nullable()
      .meta({ description: 'When the facilitator started it; null when off.' }),
  })
  .refine((value) => value.on === (value.since !== null), {
    message: 'since is set exactly while private writing is on',
    path: ['since'],
  });

export type PrivateWriting = z.infer<typeof privateWritingSchema>;
