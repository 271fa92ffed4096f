/**
 * Close code of a connection whose update the server refused (a locked board or block, or
 * workshop state written by a non-facilitator: server/sync/update-guard.ts). The client then
 * throws away its copy of the board, which holds the refused change, and starts over from the
 * server's. Shared by server/sync/close-codes.ts and lib/sync/connect-board.ts.
 */
export const REFUSED_CLOSE_CODE = 4423;
