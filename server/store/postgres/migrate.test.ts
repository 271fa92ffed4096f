import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { usePostgres } from '../../../test/helpers/engines/postgres';
import { recordingLogger } from '../../../test/helpers/logger';
import { migrate } from './migrate';
import { createPool } from './pool';
import { SCHEMA_STEPS } from './schema';

const postgres = usePostgres();
const pools: pg.Pool[] = [];

afterEach(async () => {
  await Promise.all(pools.splice(0).map((pool) => pool.end()));
});

async function freshPool(): Promise<pg.Pool> {
  const pool = createPool(await postgres.engine.createDatabase(), recordingLogger());
  pools.push(pool);
  return pool;
}

async function tables(pool: pg.Pool): Promise<string[]> {
  const result = await pool.query<{ tablename: string }>(
    `SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename`,
  );
  return result.rows.map((row) => row.tablename);
}

describe('the PostgreSQL migration chain', () => {
  it('brings an empty database to the last step, and a current one stays', async () => {
    const pool = await freshPool();
    expect(await migrate(pool, SCHEMA_STEPS)).toEqual({ from: 0, to: SCHEMA_STEPS.length });
    expect(await migrate(pool, SCHEMA_STEPS)).toEqual({
      from: SCHEMA_STEPS.length,
      to: SCHEMA_STEPS.length,
    });
    expect(await tables(pool)).toContain('lienzo_schema');
  });

  it('migrates from every earlier version to the same tables', async () => {
    const reference = await freshPool();
    await migrate(reference, SCHEMA_STEPS);
    const expected = await tables(reference);
    for (let version = 1; version < SCHEMA_STEPS.length; version++) {
      const pool = await freshPool();
      await migrate(pool, SCHEMA_STEPS.slice(0, version));
      expect(await migrate(pool, SCHEMA_STEPS)).toEqual({ from: version, to: SCHEMA_STEPS.length });
      expect(await tables(pool)).toEqual(expected);
    }
  });

  it('runs each step once when several processes start at once', async () => {
    const url = await postgres.engine.createDatabase();
    const starting = Array.from({ length: 5 }, () => {
      const pool = createPool(url, recordingLogger());
      pools.push(pool);
      return migrate(pool, SCHEMA_STEPS);
    });
    const results = await Promise.all(starting);
    // Exactly one found the empty database; the others waited on the lock and found it done.
    expect(results.filter((result) => result.from === 0)).toHaveLength(1);
    expect(results.every((result) => result.to === SCHEMA_STEPS.length)).toBe(true);
  });

  it('leaves the version as it was when a step fails', async () => {
    const pool = await freshPool();
    await migrate(pool, SCHEMA_STEPS.slice(0, 1));
    await expect(migrate(pool, [...SCHEMA_STEPS, 'CREATE TABLE broken ('])).rejects.toThrow(
      /syntax/,
    );
    const version = await pool.query<{ version: number }>('SELECT version FROM lienzo_schema');
    expect(version.rows[0]!.version).toBe(1);
    expect(await tables(pool)).not.toContain('board_tokens');
  });

  it('refuses a database written by a newer Lienzo', async () => {
    const pool = await freshPool();
    await migrate(pool, [...SCHEMA_STEPS, 'CREATE TABLE from_the_future (n int)']);
    await expect(migrate(pool, SCHEMA_STEPS)).rejects.toThrow(/newer Lienzo/);
  });
});
