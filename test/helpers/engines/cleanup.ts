import { rmSync } from 'node:fs';

/**
 * Engines and folders to get rid of when the test process goes, whatever the tests did: a
 * failed test may never reach its afterAll, and a leaked postgres would hold its port and
 * folder until the machine restarts. Each entry is synchronous (an exit handler cannot wait).
 */
const leftovers = new Set<() => void>();

let hooked = false;

/** Signals that end a test worker; we clean up and then let the signal do its work. */
const ENDING_SIGNALS: readonly NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];

function cleanAll(): void {
  for (const clean of leftovers) {
    try {
      clean();
    } catch {
      // Best effort: the process is going anyway, and one failure must not stop the rest.
    }
  }
  leftovers.clear();
}

function hook(): void {
  if (hooked) return;
  hooked = true;
  process.once('exit', cleanAll);
  for (const signal of ENDING_SIGNALS) {
    process.once(signal, () => {
      cleanAll();
      process.kill(process.pid, signal);
    });
  }
}

/** Registers a synchronous clean-up for the process's end; call the result once done. */
export function onProcessExit(clean: () => void): () => void {
  hook();
  leftovers.add(clean);
  return () => leftovers.delete(clean);
}

/** Kills a pid if it is still alive (synchronous, for exit handlers). */
export function killQuietly(pid: number | undefined, signal: NodeJS.Signals): void {
  if (pid === undefined) return;
  try {
    process.kill(pid, signal);
  } catch {
    // Already gone.
  }
}

export function removeFolder(path: string): void {
  rmSync(path, { recursive: true, force: true });
}
