import { createHash } from 'node:crypto';
import type { BoardId } from '../../lib/model';
import type { LogRef } from '../store/store';

/**
 * Private writing: the notes a participant writes while the facilitator has private mode on
 * live in a document of their own, one per board and writer, stored in the board's store
 * and served only to connections that present the writer's secret. They never enter the
 * board's document (and so never reach anyone else's browser) until the facilitator reveals
 * them.
 *
 * The writer is known by a digest of (board, secret): the secret itself is never stored, and
 * the same secret on another board gives another writer. A private document is stored as a
 * log like a board's (LogRef with the writer: an optional snapshot, then updates), so the
 * ordinary Room serves it; its room id is `<boardId>.<writer>`, which no board id can equal
 * (board ids have no dot).
 */

/** The secret a browser keeps for its private notes on one board: 128 bits or more, base64url. */
const SECRET_PATTERN = /^[A-Za-z0-9_-]{22,86}$/;

export function isPrivateSecret(value: unknown): value is string {
  return typeof value === 'string' && SECRET_PATTERN.test(value);
}

/** The writer's stored name: a digest of board and secret, 22 base64url characters. */
export function writerDigest(board: BoardId, secret: string): string {
  return createHash('sha256').update(`${board}\n${secret}`).digest('base64url').slice(0, 22);
}

export function privateRoomId(board: BoardId, writer: string): string {
  return `${board}.${writer}`;
}

/** The stored log of a private room id. */
export function draftLogOf(id: string): LogRef {
  const dot = id.indexOf('.');
  if (dot < 0) throw new Error(`not a private room id: ${id}`);
  return { board: id.slice(0, dot) as BoardId, writer: id.slice(dot + 1) };
}
