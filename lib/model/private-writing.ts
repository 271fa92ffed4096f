/**
 * Private writing, stored as one plain value under workshop.privateWriting
 * (WORKSHOP_KEYS.privateWriting) and written only by the facilitator (to start it) and by the
 * server (to end it when the notes are revealed). While it is on, each participant's new
 * notes go to a document of their own that only their browser receives (server/private).
 */
export interface PrivateWriting {
  on: boolean;
  /** When the facilitator started it (ms since the epoch), or null when off. */
  since: number | null;
}

export const PRIVATE_WRITING_OFF: PrivateWriting = { on: false, since: null };

/** Reads a stored value from any peer; anything invalid reads as off. */
export function readPrivateWriting(value: unknown): PrivateWriting {
  if (typeof value !== 'object' || value === null) return PRIVATE_WRITING_OFF;
  const { on, since } = value as Record<string, unknown>;
  if (on !== true || typeof since !== 'number' || !Number.isFinite(since))
    return PRIVATE_WRITING_OFF;
  return { on: true, since };
}
