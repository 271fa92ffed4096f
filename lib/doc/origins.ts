/**
 * Transaction origins. Every write names where it came from, so that the undo manager can
 * track this user's gestures only, and the server can tell a peer's update from its own.
 */

/** A gesture of the user at this client (the only origin the undo manager tracks). */
export const LOCAL_ORIGIN = 'lienzo:local' as const;
/** The server preparing or migrating a document (never undoable by anyone). */
export const SERVER_ORIGIN = 'lienzo:server' as const;

export type WriteOrigin = typeof LOCAL_ORIGIN | typeof SERVER_ORIGIN;
