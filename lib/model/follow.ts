/**
 * Follow me (issue 4, facilitator tools): while it is on, every participant's view follows
 * the leader's (the facilitator who started it) until they pan or zoom themselves. Stored as
 * a plain value in the facilitator-only `workshop` map (WORKSHOP_KEYS.follow); the leader's
 * view itself travels in awareness (lib/sync/presence.ts), never in the document.
 */
export interface FollowSettings {
  /** The leader's user id (lib/identity.ts). */
  readonly leader: string;
  /** The leader's display name, for "Following Ana". */
  readonly name: string;
  /**
   * When follow was started or everyone was last brought back: a new value makes everyone
   * who had moved away follow again ("bring everyone here").
   */
  readonly since: number;
}

const MAX_NAME_LENGTH = 40;

export function parseFollowSettings(raw: unknown): FollowSettings | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const { leader, name, since } = raw as Record<string, unknown>;
  if (typeof leader !== 'string' || leader.length === 0 || leader.length > 64) return null;
  if (typeof name !== 'string' || typeof since !== 'number' || !Number.isFinite(since)) return null;
  return { leader, name: name.slice(0, MAX_NAME_LENGTH), since };
}
