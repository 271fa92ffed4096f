import { describe, expect, it } from 'vitest';
import { SERVER_TIME_HEADER, clockOffset, measureServerOffset } from './server-clock';

describe('server clock offset', () => {
  it('assumes the server answered halfway through the round trip', () => {
    expect(clockOffset(1_000, 6_050, 1_100)).toBe(5_000);
  });

  it('measures against the health endpoint, and falls back to 0', async () => {
    const times = [1_000, 1_100];
    const now = () => times.shift()!;
    const answer = (value: string) =>
      (async () =>
        new Response('{}', { headers: { [SERVER_TIME_HEADER]: value } })) as typeof fetch;
    expect(await measureServerOffset(answer('950'), now)).toBe(-100);
    expect(await measureServerOffset(answer('nonsense'), () => 0)).toBe(0);
    const failing = (async () => {
      throw new Error('offline');
    }) as typeof fetch;
    expect(await measureServerOffset(failing)).toBe(0);
  });
});
