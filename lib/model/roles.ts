/**
 * Who someone is on a board, decided by the link (token) they opened it with:
 * - facilitator: the owner; edits and manages the other two links;
 * - editor: edits;
 * - viewer: sees everything live, changes nothing.
 */
export const ROLES = ['facilitator', 'editor', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

/** The links a facilitator can hand out, and regenerate. */
export const SHARED_ROLES = ['editor', 'viewer'] as const;
export type SharedRole = (typeof SHARED_ROLES)[number];

export function isRole(value: unknown): value is Role {
  return (ROLES as readonly unknown[]).includes(value);
}

export function isSharedRole(value: unknown): value is SharedRole {
  return (SHARED_ROLES as readonly unknown[]).includes(value);
}

/** True for roles that may change the document. */
export function canEdit(role: Role): boolean {
  return role !== 'viewer';
}

/** The query parameter that carries a board token on page, sync and API URLs. */
export const TOKEN_PARAM = 't';
/**
 * Query parameter of a private writer's sync connection: the browser's secret for its private
 * notes on this board (server/private/private-store.ts), never shown in a page address.
 */
export const PRIVATE_WRITER_PARAM = 'w';
/**
 * Query parameter of Lienzo's own sync connections: the document schema version the page's
 * code speaks (SCHEMA_VERSION). A connection that declares another version than the board's
 * may read but not write (server/sync/protocol.ts); a stock client that declares none is
 * treated like any other.
 */
export const SCHEMA_VERSION_PARAM = 'v';

/** The page address of a board opened with `token`, relative to the app's origin. */
export function boardPath(id: string, token: string): string {
  return `/b/${encodeURIComponent(id)}?${TOKEN_PARAM}=${encodeURIComponent(token)}`;
}
