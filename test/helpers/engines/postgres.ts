import { afterAll, beforeAll } from 'vitest';
export * from './postgres-engine';
import { startPostgres, type PostgresEngine } from './postgres-engine';

// The engine itself is in postgres-engine.ts, free of vitest, so scripts/cluster.ts starts it too.

/**
 * One cluster for the test file it is called in (beforeAll/afterAll), with a fresh database:
 * `const pg = usePostgres();` then `pg.url` and `pg.engine` inside the tests.
 */
export function usePostgres(): { readonly engine: PostgresEngine; readonly url: string } {
  let engine: PostgresEngine | undefined;
  let url: string | undefined;
  beforeAll(async () => {
    engine = await startPostgres();
    url = await engine.createDatabase();
  });
  afterAll(async () => {
    await engine?.destroy();
  });
  return {
    get engine() {
      if (!engine) throw new Error('usePostgres: the cluster is not started (beforeAll)');
      return engine;
    },
    get url() {
      if (!url) throw new Error('usePostgres: the cluster is not started (beforeAll)');
      return url;
    },
  };
}
