import { describe, expect, it } from 'vitest';
import { revealPrivateNotes } from './reveal';

const answering =
  (status: number, body: unknown, seen: RequestInit[] = []): typeof fetch =>
  async (_url, init) => {
    seen.push(init ?? {});
    return new Response(JSON.stringify(body), { status });
  };

describe('revealPrivateNotes', () => {
  it('posts with the facilitator token and returns the counts', async () => {
    const seen: RequestInit[] = [];
    expect(
      await revealPrivateNotes('b', 'tok', answering(200, { revealed: 3, held: 2 }, seen)),
    ).toEqual({ revealed: 3, held: 2 });
    expect(seen[0]?.method).toBe('POST');
    expect(new Headers(seen[0]?.headers).get('authorization')).toBe('Bearer tok');
  });

  it('returns null on a refusal or a network failure', async () => {
    expect(await revealPrivateNotes('b', 'tok', answering(403, { error: 'no' }))).toBeNull();
    const offline: typeof fetch = async () => {
      throw new TypeError('offline');
    };
    expect(await revealPrivateNotes('b', 'tok', offline)).toBeNull();
  });
});
