import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';
import { createWriteStream, readdirSync, readFileSync } from 'node:fs';

/** How often a helper asks a starting engine whether it answers yet (ms). */
export const READY_POLL_MS = 50;
/** The longest an engine may take to answer after its start (ms); PostgreSQL needs ~1 s. */
export const READY_TIMEOUT_MS = 20_000;
/** The longest a stopping engine may take to exit before it is killed (ms). */
export const STOP_TIMEOUT_MS = 10_000;

/** One running engine process (postgres, redis-server, haproxy), its output in a log file. */
export interface EngineProcess {
  child: ChildProcess;
  /** Resolves when the process has exited (at once if it already has). */
  exited: Promise<void>;
  hasExited(): boolean;
  /** The output so far, for error messages. */
  output(): string;
}

/** The largest part of an engine's output kept in memory for error messages (chars). */
const OUTPUT_TAIL_CHARS = 4_000;

/**
 * Starts an engine in the foreground (never daemonized), so it is our child: its pid is
 * known, a signal reaches it directly, and its exit is an event.
 */
export function spawnEngine(
  command: string,
  args: readonly string[],
  logFile: string,
  options: Pick<SpawnOptions, 'uid' | 'gid' | 'env' | 'cwd'> = {},
): EngineProcess {
  // Its own process group (detached), so a signal to the group reaches the engine's own
  // children too (PostgreSQL's backends): pausing the whole engine is one kill.
  const child = spawn(command, args, {
    ...options,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const log = createWriteStream(logFile, { flags: 'a' });
  let tail = '';
  const keep = (chunk: Buffer) => {
    log.write(chunk);
    tail = (tail + chunk.toString()).slice(-OUTPUT_TAIL_CHARS);
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  let done = false;
  const exited = new Promise<void>((resolve) => {
    const finish = () => {
      done = true;
      log.end();
      resolve();
    };
    child.once('exit', finish);
    // A command that cannot start at all emits 'error' and no 'exit'.
    child.once('error', (error) => {
      tail += `\n${error.message}`;
      finish();
    });
  });
  return { child, exited, hasExited: () => done, output: () => tail };
}

/**
 * Waits until `answers` resolves true, failing early (with the engine's output) if the
 * process exits first, or after READY_TIMEOUT_MS.
 */
export async function waitUntilReady(
  engine: EngineProcess,
  what: string,
  answers: () => Promise<boolean>,
): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  for (;;) {
    if (engine.hasExited()) throw new Error(`${what} exited while starting:\n${engine.output()}`);
    if (await answers()) return;
    if (Date.now() > deadline)
      throw new Error(`${what} did not answer within ${READY_TIMEOUT_MS} ms:\n${engine.output()}`);
    await new Promise((resolve) => setTimeout(resolve, READY_POLL_MS));
  }
}

/** Sends `signal` and waits for the exit; SIGKILL after STOP_TIMEOUT_MS. */
export async function stopEngine(engine: EngineProcess, signal: NodeJS.Signals): Promise<void> {
  if (engine.hasExited()) return;
  engine.child.kill(signal);
  // A paused engine handles the signal only once it runs again.
  signalTree(engine, 'SIGCONT');
  const timer = setTimeout(() => engine.child.kill('SIGKILL'), STOP_TIMEOUT_MS);
  await engine.exited;
  clearTimeout(timer);
}

/**
 * Sends a signal to the engine and every process under it (PostgreSQL's backends), found in
 * /proc by parent pid: they are not in its process group, since PostgreSQL gives each child
 * a session of its own. The engine first, so it starts nothing new meanwhile.
 */
export function signalTree(engine: EngineProcess, signal: NodeJS.Signals): void {
  const pid = engine.child.pid;
  if (pid === undefined || engine.hasExited()) return;
  for (const target of [pid, ...descendantsOf(pid)]) {
    try {
      process.kill(target, signal);
    } catch {
      // Gone meanwhile.
    }
  }
}

/** The pids under `root`, from each process's parent pid in /proc/<pid>/stat (Linux). */
function descendantsOf(root: number): number[] {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    let stat: string;
    try {
      stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
    } catch {
      continue;
    }
    // The command name (2nd field) is in parentheses and may hold spaces: read after it.
    const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    const list = children.get(parent) ?? [];
    list.push(Number(entry));
    children.set(parent, list);
  }
  const found: number[] = [];
  const pending = [root];
  while (pending.length > 0) {
    for (const child of children.get(pending.pop()!) ?? []) {
      found.push(child);
      pending.push(child);
    }
  }
  return found;
}
