import { describe, expect, it } from 'vitest';
import { ConnectionQuota, connectionLimits } from './connection-quota';

function fakeClock(): { now: () => number; advance: (ms: number) => void } {
  let time = 0;
  return { now: () => time, advance: (ms) => (time += ms) };
}

/** Lienzo's page while its person leads a follow me and pans with the mouse. */
const CURSOR_INTERVAL_MS = 33; // components/board-page/use-presence-sync.ts
const VIEW_INTERVAL_MS = 50; // components/board-page/use-follow.ts

describe('ConnectionQuota with the default limits', () => {
  it('never refuses a leader’s cursor and view, sent for ten minutes without a pause', () => {
    const clock = fakeClock();
    const quota = new ConnectionQuota(connectionLimits(), clock.now);
    let refused = 0;
    for (let ms = 0; ms < 10 * 60_000; ms++) {
      const sends = Number(ms % CURSOR_INTERVAL_MS === 0) + Number(ms % VIEW_INTERVAL_MS === 0);
      for (let i = 0; i < sends; i++) if (!quota.takeMessage() || !quota.takeAwareness()) refused++;
      clock.advance(1);
    }
    expect(refused).toBe(0);
  });

  it('drops awareness beyond 80 a second after a burst of two seconds’ worth', () => {
    const clock = fakeClock();
    const quota = new ConnectionQuota(connectionLimits(), clock.now);
    let accepted = 0;
    for (let i = 0; i < 1_000; i++) if (quota.takeAwareness()) accepted++;
    expect(accepted).toBe(160);
    clock.advance(1_000);
    accepted = 0;
    for (let i = 0; i < 1_000; i++) if (quota.takeAwareness()) accepted++;
    expect(accepted).toBe(80);
  });

  it('lets echoes through free, as many as were sent, then charges them', () => {
    const quota = new ConnectionQuota(
      { messages: { perMinute: 60, burst: 2 }, awareness: { perMinute: 60, burst: 2 } },
      fakeClock().now,
    );
    for (let i = 0; i < 5; i++) quota.sentAwareness();
    const echoes = Array.from({ length: 8 }, () => quota.takeEcho());
    // Only 2 banked (a message burst), then the message bucket's 2, then nothing.
    expect(echoes).toEqual([true, true, true, true, false, false, false, false]);
  });
});
