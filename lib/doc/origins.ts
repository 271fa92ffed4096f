/**
 * Transaction origins. Every write names where it came from, so that the undo manager can
 * track this user's gestures only, and the server can tell a peer's update from its own.
 */

/**
 * A gesture of the user at this client. The undo manager tracks it, and the note editor's
 * origin for this user's typing (lib/doc/undo.ts); nothing else.
 */
export const LOCAL_ORIGIN = 'lienzo:local' as const;
/** The server preparing or migrating a document (never undoable by anyone). */
export const SERVER_ORIGIN = 'lienzo:server' as const;

export type WriteOrigin = typeof LOCAL_ORIGIN | typeof SERVER_ORIGIN;
