/**
 * Browsers' clocks disagree by seconds or more, so a countdown ending at a stored instant
 * would end at different moments for different people. The server's clock is the shared one:
 * GET /api/health answers with its time in SERVER_TIME_HEADER, and the browser keeps the
 * offset between that and its own clock, assuming the answer was made halfway through the
 * round trip (as NTP does).
 */
export const SERVER_TIME_HEADER = 'X-Server-Time';

/** Offset to add to the local clock to get the server's, from one request's timings. */
export function clockOffset(sentAt: number, serverTime: number, receivedAt: number): number {
  return serverTime - (sentAt + receivedAt) / 2;
}

/** Measures the offset once; 0 (trust the local clock) when the server cannot be asked. */
export async function measureServerOffset(
  fetchImpl: typeof fetch = fetch,
  now: () => number = Date.now,
): Promise<number> {
  try {
    const sentAt = now();
    const response = await fetchImpl('/api/health', { cache: 'no-store' });
    const receivedAt = now();
    const serverTime = Number(response.headers.get(SERVER_TIME_HEADER));
    return Number.isFinite(serverTime) && serverTime > 0
      ? clockOffset(sentAt, serverTime, receivedAt)
      : 0;
  } catch {
    return 0;
  }
}
