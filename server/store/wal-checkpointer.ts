import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

/**
 * How often the checkpointer copies the write-ahead log into the database file, in ms. A
 * checkpoint in progress makes a write that starts meanwhile retry for its read lock (SQLite
 * sleeps about a millisecond between tries), so checkpoints are kept rare: measured here with
 * one insert every 20 ms, a 500 ms interval put the p99 of an insert at about 1 ms, 5 s at
 * 0.3 to 0.6 ms, against 0.2 ms between SQLite's own in-line checkpoints (which each stall one
 * insert by 3 to 9 ms). A busy board (50 updates a second) leaves about 2 MiB of log in 5 s.
 */
export const CHECKPOINT_INTERVAL_MS = 5_000;

/**
 * How long closing waits for the worker to close its connection, in ms: at most one
 * checkpoint in progress (a fraction of a second even for a large log).
 */
const CLOSE_WAIT_MS = 2_000;

/**
 * SQLite's own checkpoint runs inside the commit that crosses its threshold (1,000 pages): on
 * the event loop, between storing an update and relaying it, with an fsync of the database
 * file. Measured here, one insert in about 450 then takes 3 to 7 ms instead of 10 µs, a
 * stall of every message in flight. So the store's connections turn the automatic
 * checkpoint off and this worker thread, with a connection of its own, checkpoints instead.
 * PASSIVE never waits for, nor blocks, the server's writer or readers, so the event loop
 * never waits on a disk sync (with synchronous = NORMAL a commit itself does not sync).
 *
 * The worker is JavaScript evaluated from a string: a worker thread cannot load TypeScript
 * here (tsx's hooks do not reach worker threads on Node 20), and ten lines do not justify a
 * build step.
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file);
const timer = setInterval(() => {
  try {
    db.pragma('wal_checkpoint(PASSIVE)');
  } catch (error) {
    parentPort.postMessage({ type: 'warning', message: String(error && error.message) });
  }
}, workerData.intervalMs);
parentPort.on('message', () => {
  clearInterval(timer);
  db.close();
  const closed = new Int32Array(workerData.closed);
  Atomics.store(closed, 0, 1);
  Atomics.notify(closed, 0);
  parentPort.close();
});
`;

export interface WalCheckpointer {
  /**
   * Stops the worker and waits until its connection is closed, so that the caller's own
   * close is the database's last (which checkpoints everything and removes the log files)
   * and nothing touches the files after the store is closed.
   */
  close(): void;
}

export interface CheckpointerOptions {
  intervalMs?: number;
  /** The worker could not start or died: the caller turns SQLite's own checkpoint back on. */
  onFailure(error: Error): void;
  onWarning?(message: string): void;
}

export function startWalCheckpointer(file: string, options: CheckpointerOptions): WalCheckpointer {
  const driver = createRequire(import.meta.url).resolve('better-sqlite3');
  // Set to 1 by the worker once its connection is closed.
  const closed = new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT);
  const worker = new Worker(WORKER_SOURCE, {
    eval: true,
    workerData: { file, driver, closed, intervalMs: options.intervalMs ?? CHECKPOINT_INTERVAL_MS },
  });
  let exited = false;
  // The server's exit must not wait for this thread; a pending checkpoint is not data.
  worker.unref();
  let closing = false;
  worker.on('message', (message: { type: 'warning'; message: string }) =>
    options.onWarning?.(message.message),
  );
  worker.on('error', (error) => {
    if (!closing) options.onFailure(error);
  });
  worker.on('exit', (code) => {
    exited = true;
    if (!closing) options.onFailure(new Error(`the WAL checkpoint worker exited with ${code}`));
  });
  return {
    close() {
      if (closing) return;
      closing = true;
      if (exited) return;
      worker.postMessage('close');
      // Blocking is right here: closing is rare (shutdown, a test's end) and must be complete.
      Atomics.wait(new Int32Array(closed), 0, 0, CLOSE_WAIT_MS);
    },
  };
}
