import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { TOKEN_PARAM, newBoardId } from '../../lib/model';
import type { ChildMessage, ControlReplies, ParentMessage } from '../servers/control';
import type { Cleanup } from './cleanup';

export type ServerKind = 'ours' | 'reference' | 'hocuspocus';
/**
 * Every server process the bench starts: the latency section's kinds, and Hocuspocus with its
 * Redis extension (bench/servers/hocuspocus-redis.ts), the scale-out sections' peer.
 */
export type ProcessKind = ServerKind | 'hocuspocusRedis';

/** Every server the latency section compares, ours last. */
export const SERVER_KINDS: readonly ServerKind[] = ['reference', 'hocuspocus', 'ours'];

export const SERVER_LABELS: Record<ProcessKind, string> = {
  ours: 'ours (Lienzo)',
  reference: 'reference (@y/websocket-server 0.1.1)',
  hocuspocus: 'Hocuspocus (@hocuspocus/server 4.7)',
  hocuspocusRedis: 'Hocuspocus 4.7 + @hocuspocus/extension-redis',
};

/** The wire format a server speaks: y-websocket's, or Hocuspocus' (bench/servers/hocuspocus.ts). */
export type SyncProtocol = 'y-websocket' | 'hocuspocus';

const PROTOCOLS: Record<ProcessKind, SyncProtocol> = {
  ours: 'y-websocket',
  reference: 'y-websocket',
  hocuspocus: 'hocuspocus',
  hocuspocusRedis: 'hocuspocus',
};

const ENTRIES: Record<ProcessKind, string> = {
  ours: fileURLToPath(new URL('../servers/ours.ts', import.meta.url)),
  reference: fileURLToPath(new URL('../servers/reference.ts', import.meta.url)),
  hocuspocus: fileURLToPath(new URL('../servers/hocuspocus.ts', import.meta.url)),
  hocuspocusRedis: fileURLToPath(new URL('../servers/hocuspocus-redis.ts', import.meta.url)),
};
/**
 * The engines a Lienzo process would pick up from the environment: the bench chooses them
 * per server (StartOptions.env), so a shell that exports them does not turn the latency
 * section's SQLite server into a cluster member.
 */
const ENGINE_VARIABLES = ['LIENZO_DATABASE_URL', 'LIENZO_REDIS_URL'] as const;
const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));

/**
 * --expose-gc: the server reports its heap after full collections. --no-flush-bytecode: V8
 * otherwise drops the bytecode of functions idle for a few collections, so forced collections
 * alone would shrink the heap by a few hundred KiB between two readings.
 */
const SERVER_NODE_FLAGS = ['--expose-gc', '--no-flush-bytecode'];
/** tsx compiles the server when it starts; on this 2-core machine that takes a few seconds. */
const START_TIMEOUT_MS = 30_000;
/** A heap reading runs three full collections; a large heap takes well under a second. */
const REQUEST_TIMEOUT_MS = 30_000;
/** After this long (ms) a server that was asked to close is killed. */
const CLOSE_TIMEOUT_MS = 5_000;

/** A board to sync on, and the URL parameters a client must send to open it. */
export interface BenchBoard {
  id: string;
  /** Ours: the editor link's token (`t`); the others take none. */
  params: Record<string, string>;
}

/** A server under test, in its own process (its CPU and heap are not the bench's). */
export interface BenchServer {
  kind: ProcessKind;
  /** ws://127.0.0.1:<port>/sync: y-websocket providers append the board id. */
  syncUrl: string;
  protocol: SyncProtocol;
  /** A board to sync on: created through the API (ours), or a fresh id (the others). */
  createBoard(title: string): Promise<BenchBoard>;
  /** The server's heap after full collections (collecting takes CPU: not during a timing). */
  heap(): Promise<ControlReplies['heap']>;
  /** The server's CPU time so far. */
  cpu(): Promise<ControlReplies['cpu']>;
  /** http://127.0.0.1:<port>: ours answers /api/health and /metrics there. */
  httpUrl: string;
  close(): Promise<void>;
}

export interface StartOptions {
  /** Variables for the server process on top of the bench's own (engine URLs, ports). */
  env?: Record<string, string>;
}

/** The bench's environment without ENGINE_VARIABLES. */
function inheritedEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const name of ENGINE_VARIABLES) delete env[name];
  return env;
}

/** POST /api/boards, then the editor link's token: bench clients edit, as editors do. */
async function createBoardThroughApi(httpUrl: string, title: string): Promise<BenchBoard> {
  const response = await fetch(`${httpUrl}/api/boards`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ title }),
  });
  if (response.status !== 201)
    throw new Error(`POST /api/boards answered ${response.status}: ${await response.text()}`);
  const { id, links } = (await response.json()) as { id: string; links?: { editor?: string } };
  const token = links?.editor ? new URL(links.editor).searchParams.get(TOKEN_PARAM) : null;
  return { id, params: token ? { [TOKEN_PARAM]: token } : {} };
}

/** Starts a server in a child process with --expose-gc; `cleanup` stops it if the bench fails. */
export async function startBenchServer(
  kind: ProcessKind,
  cleanup: Cleanup,
  options: StartOptions = {},
): Promise<BenchServer> {
  const dataDir = kind === 'ours' ? cleanup.tempDir('lienzo-bench-server-') : null;
  // BENCH_SERVER_NODE_ARGS adds node flags to the servers, e.g. "--cpu-prof --cpu-prof-dir=/tmp/p".
  const extraArgs = process.env.BENCH_SERVER_NODE_ARGS?.split(/\s+/).filter(Boolean) ?? [];
  const args = [...SERVER_NODE_FLAGS, ...extraArgs, '--import', 'tsx', ENTRIES[kind]];
  const child = spawn(process.execPath, args, {
    cwd: REPO_ROOT,
    env: {
      ...inheritedEnv(),
      ...(dataDir ? { LIENZO_BENCH_DATA_DIR: dataDir.path } : {}),
      ...options.env,
    },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const exited = new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once('exit', () => resolve());
  });
  const running = () => child.exitCode === null && child.signalCode === null;
  // Without a listener, a failed send to an exited child would crash the bench.
  child.on('error', (error) => console.error(`[bench] ${kind} server process:`, error.message));
  const stop = cleanup.add(
    async () => {
      if (running()) {
        if (child.connected)
          child.send({ type: 'request', id: 0, op: 'close' } satisfies ParentMessage);
        else child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), CLOSE_TIMEOUT_MS);
        await exited;
        clearTimeout(timer);
      }
      await dataDir?.remove();
    },
    () => {
      if (running()) child.kill('SIGKILL');
    },
  );

  const pending = new Map<number, (message: ChildMessage) => void>();
  let nextId = 1;
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`${kind} server did not start in ${START_TIMEOUT_MS} ms`)),
      START_TIMEOUT_MS,
    );
    child.on('message', (message: ChildMessage) => {
      if (message.type === 'ready') {
        clearTimeout(timer);
        resolve(message.port);
      } else {
        pending.get(message.id)?.(message);
        pending.delete(message.id);
      }
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`${kind} server exited (${code ?? signal}) before it was ready`));
      for (const settle of pending.values())
        settle({ type: 'failed', id: 0, message: `${kind} server exited (${code ?? signal})` });
    });
  }).catch(async (error: unknown) => {
    await stop();
    throw error;
  });

  const request = <Op extends keyof ControlReplies>(op: Op) =>
    new Promise<ControlReplies[Op]>((resolve, reject) => {
      if (!child.connected) {
        reject(new Error(`${kind} server is not running`));
        return;
      }
      const id = nextId++;
      const timer = setTimeout(() => {
        pending.delete(id);
        reject(new Error(`${kind} server did not answer "${op}" in ${REQUEST_TIMEOUT_MS} ms`));
      }, REQUEST_TIMEOUT_MS);
      pending.set(id, (message) => {
        clearTimeout(timer);
        if (message.type === 'reply') resolve(message.result as ControlReplies[Op]);
        else if (message.type === 'failed') reject(new Error(message.message));
      });
      child.send({ type: 'request', id, op } satisfies ParentMessage);
    });

  const httpUrl = `http://127.0.0.1:${port}`;
  return {
    kind,
    syncUrl: `ws://127.0.0.1:${port}/sync`,
    protocol: PROTOCOLS[kind],
    createBoard: (title) =>
      kind === 'ours'
        ? createBoardThroughApi(httpUrl, title)
        : Promise.resolve({ id: newBoardId(), params: {} }),
    heap: () => request('heap'),
    cpu: () => request('cpu'),
    httpUrl,
    close: stop,
  };
}
