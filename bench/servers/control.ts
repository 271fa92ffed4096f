/**
 * The control channel between the bench (parent) and a server under test (child process),
 * over Node's IPC. The child runs with --expose-gc, so it can report its heap after a full
 * collection; the bench never measures a server's memory from its own process.
 *
 *   child → parent  { type: 'ready', port }           once the server listens
 *   parent → child  { type: 'request', id, op }       'heap', 'cpu', or 'close' (it exits)
 *   child → parent  { type: 'reply', id, result }     or { type: 'failed', id, message }
 *
 * The child also exits when the IPC channel closes (the bench died or finished), so a crashed
 * bench never leaves a server running.
 */

export interface HeapReading {
  /** process.memoryUsage().heapUsed after forced full collections, in bytes. */
  heapUsed: number;
  /** Memory outside the JS heap (socket buffers, SQLite's), after the same collections. */
  external: number;
  rss: number;
}

export interface CpuReading {
  /** process.cpuUsage() user + system since the child started, in microseconds. */
  cpuMicros: number;
}

/** What each request answers. */
export interface ControlReplies {
  heap: HeapReading;
  cpu: CpuReading;
}

export type ControlOp = keyof ControlReplies | 'close';

export type ParentMessage = { type: 'request'; id: number; op: ControlOp };

export type ChildMessage =
  | { type: 'ready'; port: number }
  | { type: 'reply'; id: number; result: ControlReplies[keyof ControlReplies] }
  | { type: 'failed'; id: number; message: string };

/** What a server entry gives the control loop. */
export interface RunningServer {
  port: number;
  close(): Promise<void>;
}

/**
 * Full collections per heap reading. One pass can leave garbage that only becomes
 * unreachable once finalizers and weak callbacks of the first pass ran; three are stable.
 */
const GC_PASSES = 3;

function collectGarbage(): void {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error('the server process needs --expose-gc');
  for (let pass = 0; pass < GC_PASSES; pass++) gc();
}

async function readHeap(): Promise<HeapReading> {
  // Let pending socket callbacks run first, so what they free is collected too.
  await new Promise((resolve) => setImmediate(resolve));
  collectGarbage();
  const { heapUsed, external, rss } = process.memoryUsage();
  return { heapUsed, external, rss };
}

function readCpu(): CpuReading {
  const { user, system } = process.cpuUsage();
  return { cpuMicros: user + system };
}

function send(message: ChildMessage): void {
  process.send?.(message);
}

/** Runs a server under the bench's control: reports readiness, answers requests, exits. */
export async function serveUnderControl(start: () => Promise<RunningServer>): Promise<void> {
  if (!process.send) throw new Error('start this file from the bench (it needs an IPC channel)');
  const server = await start();
  let closing: Promise<void> | null = null;
  const shutdown = (code: number) => {
    closing ??= server.close().then(
      () => process.exit(code),
      (error: unknown) => {
        console.error('[bench server] close failed', error);
        process.exit(1);
      },
    );
    return closing;
  };

  process.on('disconnect', () => void shutdown(0));
  process.on('message', (raw: ParentMessage) => {
    if (raw?.type !== 'request') return;
    const { id, op } = raw;
    if (op === 'close') {
      // No reply: the parent waits for this process to exit.
      void shutdown(0);
      return;
    }
    const result = op === 'heap' ? readHeap() : Promise.resolve(readCpu());
    result.then(
      (value) => send({ type: 'reply', id, result: value }),
      (error: unknown) =>
        send({
          type: 'failed',
          id,
          message: error instanceof Error ? error.message : String(error),
        }),
    );
  });
  send({ type: 'ready', port: server.port });
}
