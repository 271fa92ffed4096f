/**
 * Waiting for another process's SQLite lock without blocking the event loop: SQLite's busy
 * timeout sleeps on the thread that asked, so the store sets it to 0 and retries here, on
 * timers.
 */

/**
 * While another process holds the write lock (a backup, an admin shell), an operation
 * retries after this long, doubling up to BUSY_RETRY_MAX_MS, on a timer: SQLite's own busy
 * timeout would sleep on the event loop and freeze every socket (issue 10 measured 4.8 s).
 */
export const BUSY_RETRY_FIRST_MS = 2;
export const BUSY_RETRY_MAX_MS = 100;
/** After this long waiting for the lock, an operation fails (the room keeps it in memory). */
export const BUSY_GIVE_UP_MS = 10_000;

/** Whether SQLite failed because another connection holds a lock it needs. */
export function isBusy(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.startsWith('SQLITE_BUSY');
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Runs `work` until it does not fail with SQLITE_BUSY, waiting on timers in between, up to
 * BUSY_GIVE_UP_MS. `onWait(true)` is told when it starts waiting, `onWait(false)` when it is
 * done; a true answer from onWait stops the waiting (the store is closing).
 */
export async function retryWhileBusy<T>(
  work: () => T,
  onWait: (waiting: boolean) => boolean,
): Promise<T> {
  const started = performance.now();
  let delay = BUSY_RETRY_FIRST_MS;
  try {
    for (;;) {
      try {
        return work();
      } catch (error) {
        if (!isBusy(error) || performance.now() - started > BUSY_GIVE_UP_MS) throw error;
        if (onWait(true)) throw error;
      }
      await sleep(delay);
      delay = Math.min(delay * 2, BUSY_RETRY_MAX_MS);
    }
  } finally {
    onWait(false);
  }
}
