import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

type Task = () => void | Promise<void>;

interface Entry {
  task: Task;
  /** A synchronous last resort, run if the process exits before the task ran. */
  onExit?: () => void;
}

/**
 * Everything the bench must undo (server processes, temp dirs), undone in reverse order
 * whatever happens: normal end, a thrown error, or Ctrl-C. Tasks remove themselves once done,
 * so a resource released early is not released twice. If the process exits with tasks left
 * (a crash), their synchronous fallbacks run from the 'exit' event.
 */
export class Cleanup {
  private readonly entries = new Set<Entry>();

  constructor() {
    process.once('exit', () => {
      for (const entry of [...this.entries].reverse()) {
        try {
          entry.onExit?.();
        } catch {
          // Exiting anyway; nothing better to do.
        }
      }
    });
  }

  /** Registers `task`; the returned function runs it now (once) and unregisters it. */
  add(task: Task, onExit?: () => void): () => Promise<void> {
    const entry: Entry = { task, onExit };
    this.entries.add(entry);
    let done: Promise<void> | null = null;
    return () => {
      done ??= (async () => {
        await task();
        this.entries.delete(entry);
      })();
      return done;
    };
  }

  /** A fresh temp dir, removed at cleanup (or earlier through `remove`). */
  tempDir(prefix: string): { path: string; remove: () => Promise<void> } {
    const path = mkdtempSync(join(tmpdir(), prefix));
    const removeNow = () => rmSync(path, { recursive: true, force: true });
    const remove = this.add(removeNow, removeNow);
    return { path, remove };
  }

  async runAll(): Promise<void> {
    for (const entry of [...this.entries].reverse()) {
      try {
        await entry.task();
        this.entries.delete(entry);
      } catch (error) {
        console.error('cleanup step failed:', error);
      }
    }
  }

  /** On SIGINT/SIGTERM: clean up, then exit with the conventional 128 + signal number. */
  onSignals(): void {
    const handle = (signal: NodeJS.Signals, code: number) => {
      process.once(signal, () => {
        console.error(`\n${signal}: cleaning up`);
        void this.runAll().finally(() => process.exit(code));
      });
    };
    handle('SIGINT', 130);
    handle('SIGTERM', 143);
  }
}
