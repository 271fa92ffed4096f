import { z } from 'zod';
import {
  MAX_LEADER_NAME_LENGTH,
  followSettingsSchema,
  type FollowSettings,
} from './records/follow';

/**
 * Follow me (issue 4, facilitator tools): while it is on, every participant's view follows
 * the leader's (the facilitator who started it) until they pan or zoom themselves. Stored as
 * a plain value in the facilitator-only `workshop` map (WORKSHOP_KEYS.follow); the leader's
 * view itself travels in awareness (lib/sync/presence.ts), never in the document.
 */
export type { FollowSettings } from './records/follow';

/** A name cut to length, not a reason to drop follow me (older writers did not cut it). */
const readSchema = followSettingsSchema.extend({
  name: z.string().transform((name) => name.slice(0, MAX_LEADER_NAME_LENGTH)),
});

export function parseFollowSettings(raw: unknown): FollowSettings | null {
  const parsed = readSchema.safeParse(raw);
  return parsed.success ? parsed.data : null;
}
