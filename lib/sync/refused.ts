import { SCHEMA_VERSION } from '../model/schema';

/**
 * Close code of a connection whose update the server refused (a locked board or block, or
 * workshop state written by a non-facilitator: server/sync/update-guard.ts). The client then
 * throws away its copy of the board, which holds the refused change, and starts over from the
 * server's. Shared by server/sync/close-codes.ts and lib/sync/connect-board.ts.
 */
export const REFUSED_CLOSE_CODE = 4423;

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
