import { randomBase64Url } from './model/ids';
import { readItem, writeItem, type StorageLike } from './storage';

/** localStorage key prefix of this browser's private-writing secret, one per board. */
export const PRIVATE_WRITER_KEY_PREFIX = 'lienzo.privateWriter.';
const SECRET_BYTES = 16; // 128 bits: nobody can guess another writer's drafts into view
const SECRET_PATTERN = /^[A-Za-z0-9_-]{22}$/;

/**
 * The secret that opens this browser's private drafts on a board (server/private): the
 * stored one, or a new one that is stored for next time, so a reload finds the drafts again.
 * Without storage it lives as long as the page.
 */
export function privateWriterKey(storage: StorageLike | null, boardId: string): string {
  const key = PRIVATE_WRITER_KEY_PREFIX + boardId;
  const stored = readItem(storage, key);
  if (stored && SECRET_PATTERN.test(stored)) return stored;
  const secret = randomBase64Url(SECRET_BYTES);
  writeItem(storage, key, secret);
  return secret;
}
