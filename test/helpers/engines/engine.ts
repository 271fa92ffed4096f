import { join } from 'node:path';
import type { SpawnOptions } from 'node:child_process';
import { killQuietly, onProcessExit, removeFolder } from './cleanup';
import {
  signalTree,
  spawnEngine,
  stopEngine,
  waitUntilReady,
  type EngineProcess,
} from './engine-process';
import { freePort } from './free-port';

/** How many fresh ports a first start tries, in case another process took the one we chose. */
const START_ATTEMPTS = 3;

/**
 * How an engine is stopped: `clean` lets it shut down as an operator would (PostgreSQL's
 * `-m fast`), `crash` as a power cut or kill would (PostgreSQL's `-m immediate`: no
 * checkpoint, crash recovery at the next start).
 */
export type StopMode = 'clean' | 'crash';

/** What differs between PostgreSQL, Redis and HAProxy. */
export interface EngineSpec {
  /** For messages: "PostgreSQL", "Redis", ... */
  name: string;
  command: string;
  args(port: number): string[];
  spawnOptions?(port: number): Pick<SpawnOptions, 'uid' | 'gid' | 'env' | 'cwd'>;
  /** True once the engine on `port` serves requests. */
  answers(port: number): Promise<boolean>;
  signals: Record<StopMode, NodeJS.Signals>;
}

/**
 * One engine on loopback, started in the foreground as our child, its log and data in
 * `folder`. It keeps its port across stop and start, so clients configured with its address
 * find it again (the bad-day tests stop an engine for a while and start it again).
 */
export class Engine {
  private current: EngineProcess | null = null;
  private forgetCleanup: (() => void) | null = null;

  private constructor(
    private readonly spec: EngineSpec,
    readonly folder: string,
    readonly port: number,
  ) {}

  /** Starts the engine on a free port; `folder` is removed by `destroy` or at exit. */
  static async launch(spec: EngineSpec, folder: string): Promise<Engine> {
    let lastError: unknown;
    for (let attempt = 0; attempt < START_ATTEMPTS; attempt++) {
      const engine = new Engine(spec, folder, await freePort());
      try {
        await engine.start();
        return engine;
      } catch (error) {
        lastError = error;
        await engine.stop('crash');
        engine.forgetCleanup?.();
      }
    }
    removeFolder(folder);
    throw lastError;
  }

  get running(): boolean {
    return this.current !== null && !this.current.hasExited();
  }

  /** The running process's pid (undefined once stopped). */
  get pid(): number | undefined {
    return this.running ? this.current?.child.pid : undefined;
  }

  get logFile(): string {
    return join(this.folder, `${this.spec.name.toLowerCase()}.log`);
  }

  /** Starts it again on the same port and data; resolves once it answers. */
  async start(): Promise<void> {
    if (this.running) throw new Error(`${this.spec.name} is already running`);
    const engine = spawnEngine(
      this.spec.command,
      this.spec.args(this.port),
      this.logFile,
      this.spec.spawnOptions?.(this.port),
    );
    this.current = engine;
    this.forgetCleanup?.();
    const folder = this.folder;
    this.forgetCleanup = onProcessExit(() => {
      killQuietly(engine.child.pid, this.spec.signals.crash);
      signalTree(engine, 'SIGCONT');
      removeFolder(folder);
    });
    await waitUntilReady(engine, `${this.spec.name} on port ${this.port}`, () =>
      this.spec.answers(this.port),
    );
  }

  /** Stops it and waits for its exit. The data stays; `start` brings it back. */
  async stop(mode: StopMode = 'clean'): Promise<void> {
    if (this.current) await stopEngine(this.current, this.spec.signals[mode]);
  }

  /**
   * Freezes the engine and its children (SIGSTOP to each): connections stay
   * open and nothing answers, as a hung server or a network black hole would behave.
   */
  pause(): void {
    if (this.current) signalTree(this.current, 'SIGSTOP');
  }

  resume(): void {
    if (this.current) signalTree(this.current, 'SIGCONT');
  }

  /** Stops it, waits `ms`, starts it again (same port, same data). */
  async stopFor(ms: number, mode: StopMode = 'clean'): Promise<void> {
    await this.stop(mode);
    await new Promise((resolve) => setTimeout(resolve, ms));
    await this.start();
  }

  /** Stops it for good and removes its folder. */
  async destroy(): Promise<void> {
    await this.stop('clean');
    this.forgetCleanup?.();
    this.forgetCleanup = null;
    removeFolder(this.folder);
  }
}
