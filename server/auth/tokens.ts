import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { ROLES, type Role, type SharedRole } from '../../lib/model/roles';

/**
 * Board tokens: the secret in each share link. The server never stores a token, only its
 * SHA-256 digest. A plain, fast, unsalted hash is enough here because every token is at least
 * 128 random bits: there is no dictionary to try, and brute-forcing 2^128 candidates is out
 * of reach however fast the hash is. Slow password hashes (scrypt, argon2) exist for
 * low-entropy secrets chosen by people, which these are not.
 *
 * The facilitator token is random. The editor and viewer tokens are derived from it:
 * HMAC-SHA256(key = facilitator token, "<role>:" + salt), with a random salt per link that is
 * stored beside the digest. So the facilitator can see the current editor and viewer links
 * again on any device (the server recomputes them from the facilitator token the request
 * presents), while the database alone (salts and digests) reveals no usable token.
 * Regenerating a link draws a new salt, hence a new token, and the old one stops matching.
 */

/** Random bytes in a facilitator token and in a salt: 144 bits, 24 base64url characters. */
export const TOKEN_BYTES = 18;
/** Longest token we bother hashing; anything longer is wrong by construction. */
const MAX_TOKEN_LENGTH = 256;

/** What the store keeps about one link. */
export interface StoredToken {
  /** SHA-256 of the token. */
  hash: Uint8Array;
  /** For derived (editor, viewer) tokens, the salt they were derived with; null otherwise. */
  salt: Uint8Array | null;
}

export type StoredTokens = Record<Role, StoredToken>;
export type PlainTokens = Record<Role, string>;

export function hashToken(token: string): Buffer {
  return createHash('sha256').update(token, 'utf8').digest();
}

/**
 * Compares two digests in constant time. timingSafeEqual throws on different lengths, so a
 * length mismatch (a corrupt row, a wrong-sized input) answers false first; the length of a
 * SHA-256 digest is public, so that early answer leaks nothing.
 */
export function digestsEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.byteLength !== b.byteLength || a.byteLength === 0) return false;
  return timingSafeEqual(a, b);
}

function deriveToken(facilitatorToken: string, role: SharedRole, salt: Uint8Array): string {
  return createHmac('sha256', facilitatorToken)
    .update(`${role}:`)
    .update(salt)
    .digest()
    .subarray(0, TOKEN_BYTES)
    .toString('base64url');
}

function storedFor(token: string, salt: Uint8Array | null): StoredToken {
  return { hash: hashToken(token), salt };
}

/** A new shared (editor or viewer) token, derived from the facilitator's with a fresh salt. */
export function issueSharedToken(
  facilitatorToken: string,
  role: SharedRole,
): { token: string; stored: StoredToken } {
  const salt = randomBytes(TOKEN_BYTES);
  const token = deriveToken(facilitatorToken, role, salt);
  return { token, stored: storedFor(token, salt) };
}

/** Three fresh tokens for a new board, and what the store keeps of them. */
export function issueTokens(): { tokens: PlainTokens; stored: StoredTokens } {
  const facilitator = randomBytes(TOKEN_BYTES).toString('base64url');
  const editor = issueSharedToken(facilitator, 'editor');
  const viewer = issueSharedToken(facilitator, 'viewer');
  return {
    tokens: { facilitator, editor: editor.token, viewer: viewer.token },
    stored: {
      facilitator: storedFor(facilitator, null),
      editor: editor.stored,
      viewer: viewer.stored,
    },
  };
}

/**
 * The role a presented token grants, or null. Every role's digest is compared (no early
 * return), so the time taken does not say which comparison failed.
 */
export function roleForToken(stored: StoredTokens, token: string | null): Role | null {
  if (!token || token.length > MAX_TOKEN_LENGTH) return null;
  const digest = hashToken(token);
  let found: Role | null = null;
  for (const role of ROLES) if (digestsEqual(stored[role].hash, digest) && !found) found = role;
  return found;
}

/**
 * The current editor and viewer tokens, recomputed from the facilitator token; null when
 * `facilitatorToken` is not this board's.
 */
export function recoverTokens(stored: StoredTokens, facilitatorToken: string): PlainTokens | null {
  if (roleForToken(stored, facilitatorToken) !== 'facilitator') return null;
  const shared = (role: SharedRole): string | null => {
    const { salt, hash } = stored[role];
    if (!salt) return null;
    const token = deriveToken(facilitatorToken, role, salt);
    return digestsEqual(hashToken(token), hash) ? token : null;
  };
  const editor = shared('editor');
  const viewer = shared('viewer');
  if (editor === null || viewer === null) return null;
  return { facilitator: facilitatorToken, editor, viewer };
}
