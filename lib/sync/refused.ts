import { SCHEMA_VERSION } from '../model/schema';

/**
 * Close code of a connection whose update the server refused (a locked board or block, or
 * workshop state written by a non-facilitator: server/sync/update-guard.ts). The client then
 * throws away its copy of the board, which holds the refused change, and starts over from the
 * server's. Shared by server/sync/close-codes.ts and lib/sync/connect-board.ts.
 */
export const REFUSED_CLOSE_CODE = 4423;

/**
 * Close codes of an update refused for what it holds (a value the schema does not allow:
 * server/sync/value-guard.ts) or for how many messages came (server/limits): Lienzo's own
 * page meets them only through a bug or a copy of a note written before values were checked.
 * Like a lock's refusal, the page throws its copy away and starts over from the server's.
 */
export const REFUSED_VALUE_CLOSE_CODE = 4422;
export const RATE_LIMITED_CLOSE_CODE = 4429;

/** Every close after which the page starts over from the server's copy, and why. */
export const START_OVER_CLOSE_CODES: ReadonlyMap<number, 'locked' | 'rejected'> = new Map([
  [REFUSED_CLOSE_CODE, 'locked'],
  [REFUSED_VALUE_CLOSE_CODE, 'rejected'],
  [RATE_LIMITED_CLOSE_CODE, 'rejected'],
]);

/**
 * Close code of a connection that declared another document schema version than the board's
 * (`?v=`, lib/model/roles.ts) and wrote to it: its code is older (or newer) than the server's,
 * and what it writes could be read wrongly by everyone else. The page says "Lienzo was
 * updated" and offers a reload; y-websocket stops reconnecting (4400-4499).
 */
export const OUTDATED_CLOSE_CODE = 4426;

/**
 * True when a board document at `version` (its meta.schemaVersion, as synced from the server)
 * is of another schema than this code speaks: the page was loaded before the server was
 * updated (or after, from a stale cache). Such a page writes nothing and asks for a reload.
 */
export function speaksOtherSchema(version: unknown): boolean {
  return typeof version === 'number' && version !== SCHEMA_VERSION;
}
