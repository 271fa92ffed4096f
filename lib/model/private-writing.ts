import { privateWritingSchema, type PrivateWriting } from './records/private-writing';

/**
 * Private writing, stored as one plain value under workshop.privateWriting
 * (WORKSHOP_KEYS.privateWriting) and written only by the facilitator (to start it) and by the
 * server (to end it when the notes are revealed). While it is on, each participant's new
 * notes go to a document of their own that only their browser receives (server/private).
 */
export type { PrivateWriting } from './records/private-writing';

export const PRIVATE_WRITING_OFF: PrivateWriting = { on: false, since: null };

/** Reads a stored value from any peer; anything invalid reads as off. */
export function readPrivateWriting(value: unknown): PrivateWriting {
  const parsed = privateWritingSchema.safeParse(value);
  return parsed.success ? parsed.data : PRIVATE_WRITING_OFF;
}
