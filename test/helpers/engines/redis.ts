import { afterAll, beforeAll } from 'vitest';
export * from './redis-engine';
import { startRedis, type RedisEngine } from './redis-engine';

// The engine itself is in redis-engine.ts, free of vitest, so scripts/cluster.ts starts it too.

/** One Redis for the test file it is called in (beforeAll/afterAll). */
export function useRedis(): { readonly engine: RedisEngine } {
  let engine: RedisEngine | undefined;
  beforeAll(async () => {
    engine = await startRedis();
  });
  afterAll(async () => {
    await engine?.destroy();
  });
  return {
    get engine() {
      if (!engine) throw new Error('useRedis: Redis is not started (beforeAll)');
      return engine;
    },
  };
}
