import { isNoteId, type NoteId } from './ids';
import { dotsPerPersonSchema, voteSettingsSchema, type VoteSettings } from './records/vote';

export {
  MAX_DOTS_PER_PERSON,
  MIN_DOTS_PER_PERSON,
  type VoteSettings,
  type VoteState,
} from './records/vote';

/**
 * Dot voting (issue 4, facilitator tools). The facilitator opens a vote with a number of
 * dots per person, on the whole board or one block; participants put dots on notes (several
 * on one note if they like), see only their own until the facilitator closes the vote, then
 * everyone sees the counts and a ranking.
 *
 * Stored in two places (docs/SCHEMA.md): the vote's settings in the facilitator-only
 * `workshop` map under WORKSHOP_KEYS.vote, and the dots in the `votes` root map, one Y.Map per
 * vote holding one key per voter and note (`<voterId> <NoteId>` → dots), so each voter only
 * ever writes keys of their own and concurrent voting never conflicts.
 */

export const DEFAULT_DOTS_PER_PERSON = 3;

/** Voter ids are this browser's user id: the shape newUserId in lib/identity.ts makes. */
const VOTER_ID_PATTERN = /^u_[A-Za-z0-9_-]{16}$/;

export function isVoterId(value: unknown): value is string {
  return typeof value === 'string' && VOTER_ID_PATTERN.test(value);
}

export function isDotsPerPerson(value: unknown): value is number {
  return dotsPerPersonSchema.safeParse(value).success;
}

/** Reads the stored settings; anything a peer wrote that does not fit reads as no vote. */
export function parseVoteSettings(raw: unknown): VoteSettings | null {
  const parsed = voteSettingsSchema.safeParse(raw);
  return parsed.success ? parsed.data : null;
}

/** The key of one voter's dots on one note, in a vote's map. */
export function dotKey(voter: string, note: NoteId): string {
  return `${voter} ${note}`;
}

/** The voter and note of a dot key, or null when the key is not one. */
export function parseDotKey(key: string): { voter: string; note: NoteId } | null {
  const [voter, note, extra] = key.split(' ');
  if (extra !== undefined || !isVoterId(voter) || !isNoteId(note)) return null;
  return { voter, note };
}
