import { describe, expect, it } from 'vitest';
import {
  TOKEN_BYTES,
  digestsEqual,
  hashToken,
  issueSharedToken,
  issueTokens,
  recoverTokens,
  roleForToken,
} from './tokens';

describe('digestsEqual', () => {
  const digest = hashToken('a token');

  it('is true only for the same bytes', () => {
    expect(digestsEqual(digest, hashToken('a token'))).toBe(true);
    const flipped = Buffer.from(digest);
    flipped[31] = flipped[31]! ^ 1;
    expect(digestsEqual(digest, flipped)).toBe(false);
  });

  it('answers false, without throwing, for different lengths and empty input', () => {
    // timingSafeEqual itself throws on a length mismatch.
    expect(() => digestsEqual(digest, digest.subarray(0, 16))).not.toThrow();
    expect(digestsEqual(digest, digest.subarray(0, 16))).toBe(false);
    expect(digestsEqual(digest.subarray(0, 31), digest)).toBe(false);
    expect(digestsEqual(new Uint8Array(0), new Uint8Array(0))).toBe(false);
    expect(digestsEqual(digest, Buffer.concat([digest, Buffer.from([0])]))).toBe(false);
  });
});

describe('board tokens', () => {
  it('issues three different base64url tokens of at least 128 bits', () => {
    const { tokens } = issueTokens();
    for (const token of Object.values(tokens)) {
      expect(token).toMatch(/^[A-Za-z0-9_-]+$/);
      expect(Buffer.from(token, 'base64url').byteLength).toBeGreaterThanOrEqual(16);
      expect(Buffer.from(token, 'base64url').byteLength).toBe(TOKEN_BYTES);
    }
    expect(new Set(Object.values(tokens)).size).toBe(3);
    // Two boards never share a token.
    expect(issueTokens().tokens.facilitator).not.toBe(tokens.facilitator);
  });

  it('stores digests, never the tokens', () => {
    const { tokens, stored } = issueTokens();
    for (const role of ['facilitator', 'editor', 'viewer'] as const) {
      expect(Buffer.from(stored[role].hash)).toEqual(hashToken(tokens[role]));
      expect(Buffer.from(stored[role].hash).toString('latin1')).not.toContain(tokens[role]);
    }
  });

  it('maps each token to its role, and anything else to null', () => {
    const { tokens, stored } = issueTokens();
    expect(roleForToken(stored, tokens.facilitator)).toBe('facilitator');
    expect(roleForToken(stored, tokens.editor)).toBe('editor');
    expect(roleForToken(stored, tokens.viewer)).toBe('viewer');
    for (const wrong of [
      null,
      '',
      'x',
      tokens.editor.slice(1),
      `${tokens.viewer}x`,
      'a'.repeat(10_000),
    ])
      expect(roleForToken(stored, wrong), String(wrong).slice(0, 30)).toBeNull();
    expect(roleForToken(issueTokens().stored, tokens.facilitator)).toBeNull();
  });

  it('recovers the shared tokens from the facilitator token only', () => {
    const { tokens, stored } = issueTokens();
    expect(recoverTokens(stored, tokens.facilitator)).toEqual(tokens);
    expect(recoverTokens(stored, tokens.editor)).toBeNull();
    expect(recoverTokens(stored, tokens.viewer)).toBeNull();
    expect(recoverTokens(stored, 'nope')).toBeNull();
  });

  it('regenerating a shared token gives a new one and the old one stops matching', () => {
    const { tokens, stored } = issueTokens();
    const next = issueSharedToken(tokens.facilitator, 'viewer');
    expect(next.token).not.toBe(tokens.viewer);
    const updated = { ...stored, viewer: next.stored };
    expect(roleForToken(updated, tokens.viewer)).toBeNull();
    expect(roleForToken(updated, next.token)).toBe('viewer');
    expect(recoverTokens(updated, tokens.facilitator)).toEqual({ ...tokens, viewer: next.token });
  });
});
