import { z } from 'zod';
import { epochTimeSchema } from './primitives';

/** The shared countdown, under `workshop.timer`. */

/** Longest countdown the facilitator may set: a whole workshop day. */
export const MAX_TIMER_MS = 24 * 60 * 60 * 1000;

export const timerDurationSchema = z
  .number()
  .int()
  .positive()
  .max(MAX_TIMER_MS)
  .meta({ description: `Milliseconds, an integer in 1..${MAX_TIMER_MS.toLocaleString('en')}.` });

const state = <T extends 'idle' | 'running' | 'paused'>(name: T) =>
  z.literal(name).meta({ description: 'Idle (not started), running or paused.' });

export const workshopTimerSchema = z.discriminatedUnion('state', [
  z.strictObject({ state: state('idle'), durationMs: timerDurationSchema }),
  z.strictObject({
    state: state('running'),
    durationMs: timerDurationSchema,
    endsAt: epochTimeSchema.meta({ description: 'The end, on the server’s clock.' }),
  }),
  z.strictObject({
    state: state('paused'),
    durationMs: timerDurationSchema,
    remainingMs: z.number().nonnegative().meta({ description: 'Milliseconds left.' }),
  }),
]);

export type WorkshopTimer = z.infer<typeof workshopTimerSchema>;
