import type pg from 'pg';
import { inTransaction } from './pool';

/**
 * The advisory lock every Lienzo process takes to migrate ("Lienzo" in ASCII): N processes
 * starting at once against one database queue on it, the first runs the steps, the others
 * find the schema current and go on. Transaction-scoped, so it cannot outlive a crash.
 */
const MIGRATION_LOCK_KEY = 0x4c69656e7a6f;

/** Where the schema's version lives: one row, the number of steps applied. */
const CREATE_VERSION_TABLE = `CREATE TABLE IF NOT EXISTS lienzo_schema (
  version integer NOT NULL,
  migrated_at timestamptz NOT NULL DEFAULT now()
)`;

export interface MigrationResult {
  /** The version found (0 for an empty database). */
  from: number;
  /** The version now. */
  to: number;
}

/**
 * Brings the database to the last of `steps`, each applied once and in order, all in one
 * transaction (PostgreSQL's DDL is transactional: a step that fails leaves the version as it
 * was). A database written by a newer Lienzo (more steps than we know) is refused.
 */
export function migrate(pool: pg.Pool, steps: readonly string[]): Promise<MigrationResult> {
  return inTransaction(pool, async (client) => {
    await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK_KEY]);
    await client.query(CREATE_VERSION_TABLE);
    const found = await client.query<{ version: number }>('SELECT version FROM lienzo_schema');
    const from = found.rows[0]?.version ?? 0;
    if (found.rows.length === 0)
      await client.query('INSERT INTO lienzo_schema (version) VALUES (0)');
    if (from > steps.length)
      throw new Error(
        `the database was written by a newer Lienzo (store schema ${from}, this code knows ${steps.length})`,
      );
    for (let version = from; version < steps.length; version++) await client.query(steps[version]!);
    if (from < steps.length)
      await client.query('UPDATE lienzo_schema SET version = $1, migrated_at = now()', [
        steps.length,
      ]);
    return { from, to: steps.length };
  });
}
