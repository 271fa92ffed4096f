/**
 * PostgreSQL and Redis for the scale-out sections, started with the tests' engine harness
 * (test/helpers/engines): PostgreSQL 15 in a temporary folder (as the postgres user when the
 * bench runs as root), Redis without persistence, both on loopback, stopped and removed by the
 * bench's Cleanup (or at exit, by the harness, if the bench dies).
 */
import { startPostgres } from '../../test/helpers/engines/postgres';
import { startRedis } from '../../test/helpers/engines/redis';
import { sample } from '../../test/helpers/metrics-text';
import type { Cleanup } from './cleanup';
import type { BenchServer } from './server-process';

export interface BenchEngines {
  /** A fresh database of the PostgreSQL cluster. */
  databaseUrl: string;
  redisUrl: string;
  /** What a Lienzo process of the cluster gets in its environment. */
  lienzoEnv: Record<string, string>;
  /** Stops both and removes their folders (also done by the cleanup). */
  stop(): Promise<void>;
}

/** PostgreSQL alone, with a fresh database: its URL. */
export async function startDatabase(
  cleanup: Cleanup,
): Promise<{ url: string; stop: () => Promise<void> }> {
  const postgres = await startPostgres();
  const stop = cleanup.add(() => postgres.destroy());
  try {
    return { url: await postgres.createDatabase(), stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

export async function startEngines(cleanup: Cleanup): Promise<BenchEngines> {
  const { url: databaseUrl, stop: stopPostgres } = await startDatabase(cleanup);
  const redis = await startRedis().catch(async (error: unknown) => {
    await stopPostgres();
    throw error;
  });
  const stopRedis = cleanup.add(() => redis.destroy());
  return {
    databaseUrl,
    redisUrl: redis.url,
    lienzoEnv: { LIENZO_DATABASE_URL: databaseUrl, LIENZO_REDIS_URL: redis.url },
    async stop() {
      await stopRedis();
      await stopPostgres();
    },
  };
}

/** The engines a Lienzo process says it uses, as its /metrics reports them. */
export interface EnginesInUse {
  postgres: boolean;
  redis: boolean;
}

const configured = (text: string, dependency: string) =>
  sample(text, `lienzo_dependency_configured{dependency="${dependency}"}`) === 1;

/**
 * Asks one of our processes which engines it runs on: /api/health first (its health check
 * is what reports an engine to the metrics), then /metrics (loopback may scrape it). A
 * process started with LIENZO_DATABASE_URL that still runs on SQLite says so here.
 */
export async function enginesInUse(server: BenchServer): Promise<EnginesInUse> {
  await fetch(`${server.httpUrl}/api/health`).then((response) => response.arrayBuffer());
  // A shell that sets LIENZO_METRICS_TOKEN gives it to the server too (ours.ts reads the
  // configuration), which then wants it from loopback as well.
  const token = process.env.LIENZO_METRICS_TOKEN?.trim();
  const response = await fetch(`${server.httpUrl}/metrics`, {
    headers: token ? { Authorization: `Bearer ${token}` } : {},
  });
  if (!response.ok) throw new Error(`GET /metrics answered ${response.status}`);
  const text = await response.text();
  return { postgres: configured(text, 'postgres'), redis: configured(text, 'redis') };
}

export function describeEngines({ postgres, redis }: EnginesInUse): string {
  if (postgres && redis) return 'PostgreSQL + Redis';
  if (postgres) return 'PostgreSQL, no Redis';
  return redis ? 'SQLite + Redis' : 'SQLite';
}
