import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startHaproxy, type HaproxyEngine } from '../test/helpers/engines/haproxy';
import { LOOPBACK } from '../test/helpers/engines/free-port';
import { startPostgres, type PostgresEngine } from '../test/helpers/engines/postgres-engine';
import { startRedis, type RedisEngine } from '../test/helpers/engines/redis-engine';
import { Engine } from '../test/helpers/engines/engine';

/** How many Lienzo processes deploy/haproxy.cfg names (LIENZO_1..LIENZO_3). */
export const CLUSTER_PROCESSES = 3;
const repoRoot = fileURLToPath(new URL('..', import.meta.url));
const HAPROXY_CONFIG = join(repoRoot, 'deploy', 'haproxy.cfg');
/** A probe of /api/health that has no answer after this asks a process that is not up (ms). */
const HEALTH_PROBE_TIMEOUT_MS = 2_000;
/** HAProxy marks a server up after 2 good checks 1 s apart; this leaves room for a busy machine (ms). */
const PROXY_READY_TIMEOUT_MS = 20_000;
/** How often the start asks HAProxy whether a process is up yet (ms). */
const PROXY_POLL_MS = 200;

export interface RunningCluster {
  postgres: PostgresEngine;
  redis: RedisEngine;
  lienzo: Engine[];
  haproxy: HaproxyEngine;
  /** The database the processes share, in `postgres`. */
  databaseUrl: string;
  /** HAProxy's address: what a browser opens. */
  url: string;
  /** Stops everything, in reverse order, and removes every temporary folder. */
  stop(): Promise<void>;
}

async function healthy(url: string): Promise<boolean> {
  try {
    const response = await fetch(`${url}/api/health`, {
      signal: AbortSignal.timeout(HEALTH_PROBE_TIMEOUT_MS),
    });
    return response.status === 200;
  } catch {
    return false;
  }
}

/**
 * One Lienzo process as an Engine (own port, its data folder unused since PostgreSQL holds the
 * boards). `entry` is server/main.ts (Next and the sync server, production build) for
 * `npm run cluster`; the tests pass the sync server alone.
 */
async function startLienzo(
  entry: string,
  env: Record<string, string>,
  production: boolean,
): Promise<Engine> {
  const folder = mkdtempSync(join(tmpdir(), 'lienzo-node-'));
  return Engine.launch(
    {
      name: 'Lienzo',
      command: process.execPath,
      args: () => ['--import', 'tsx', entry],
      spawnOptions: (port) => ({
        cwd: repoRoot,
        env: {
          ...process.env,
          ...(production ? { NODE_ENV: 'production' } : {}),
          HOST: LOOPBACK,
          PORT: String(port),
          LIENZO_DATA_DIR: folder,
          LIENZO_TRUST_PROXY: '1',
          ...env,
        },
      }),
      answers: (port) => healthy(`http://${LOOPBACK}:${port}`),
      // SIGTERM is the server's clean shutdown, SIGKILL a crash.
      signals: { clean: 'SIGTERM', crash: 'SIGKILL' },
    },
    folder,
  );
}

export interface ClusterOptions {
  /** The process entry (default server/main.ts, which needs `next build` first). */
  entry?: string;
  /** More variables for every Lienzo process. */
  env?: Record<string, string>;
  /** An already running PostgreSQL and Redis (the tests share one per file); else new ones. */
  postgres?: PostgresEngine;
  redis?: RedisEngine;
}

/**
 * PostgreSQL, Redis, three Lienzo processes and HAProxy (deploy/haproxy.cfg) on loopback;
 * resolves once HAProxy answers /api/health with 200.
 */
export async function startCluster(options: ClusterOptions = {}): Promise<RunningCluster> {
  const owned: Array<{ destroy(): Promise<void> }> = [];
  try {
    const postgres = options.postgres ?? (await startPostgres());
    if (!options.postgres) owned.push(postgres);
    const redis = options.redis ?? (await startRedis());
    if (!options.redis) owned.push(redis);
    const databaseUrl = await postgres.createDatabase();
    const entry = options.entry ?? join(repoRoot, 'server', 'main.ts');
    const env = { LIENZO_DATABASE_URL: databaseUrl, LIENZO_REDIS_URL: redis.url, ...options.env };
    const lienzo: Engine[] = [];
    // One after the other: the first runs the migrations, the others find them done.
    for (let i = 0; i < CLUSTER_PROCESSES; i++) {
      const node = await startLienzo(entry, env, options.entry === undefined);
      lienzo.push(node);
      owned.push(node);
    }
    const haproxy = await startHaproxy({
      file: HAPROXY_CONFIG,
      listenVariable: 'LIENZO_LISTEN',
      env: {
        ...Object.fromEntries(
          lienzo.map((node, i) => [`LIENZO_${i + 1}`, `${LOOPBACK}:${node.port}`]),
        ),
      },
    });
    owned.push(haproxy);
    const url = haproxy.url;
    const deadline = Date.now() + PROXY_READY_TIMEOUT_MS;
    while (!(await healthy(url))) {
      if (Date.now() > deadline)
        throw new Error(`HAProxy at ${url} did not answer /api/health 200`);
      await new Promise((resolve) => setTimeout(resolve, PROXY_POLL_MS));
    }
    return {
      postgres,
      redis,
      lienzo,
      haproxy,
      databaseUrl,
      url,
      stop: () => stopAll(owned),
    };
  } catch (error) {
    await stopAll(owned);
    throw error;
  }
}

async function stopAll(owned: Array<{ destroy(): Promise<void> }>): Promise<void> {
  for (const engine of owned.reverse()) await engine.destroy().catch(() => {});
  owned.length = 0;
}
