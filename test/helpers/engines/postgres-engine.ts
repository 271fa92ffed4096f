import { execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { Engine } from './engine';
import { LOOPBACK } from './free-port';

/** Debian's PostgreSQL 15 (`apt-get install postgresql`; .ci/run installs it when missing). */
const PG_BIN = process.env.LIENZO_PG_BIN ?? '/usr/lib/postgresql/15/bin';
/** The superuser initdb creates; trust authentication on loopback, so no password. */
export const PG_USER = 'lienzo';
/** The OS account PostgreSQL runs as when the tests run as root (it refuses to run as root). */
const PG_OS_USER = 'postgres';
/** A probe that waits longer than this for a connection is asking a server that is not up (ms). */
const PROBE_CONNECT_TIMEOUT_MS = 1_000;

/**
 * A running cluster (see Engine for stop, start, stopFor, destroy; its `clean` stop is
 * `pg_ctl -m fast`, its `crash` stop `-m immediate`).
 */
export type PostgresEngine = Engine & {
  /** The `postgres` database, for administration. */
  adminUrl: string;
  /** A new, empty database in this cluster; its URL (one per test file, or per test). */
  createDatabase(): Promise<string>;
};

export interface OsAccount {
  uid: number;
  gid: number;
}

/**
 * The account PostgreSQL runs as: root must hand it to its own account (null: anyone else
 * runs it as themselves). Folders PostgreSQL writes (a tablespace) must belong to it.
 */
export function accountToRunAs(): OsAccount | null {
  if (process.getuid?.() !== 0) return null;
  const id = (flag: string) => Number(execFileSync('id', [flag, PG_OS_USER]).toString().trim());
  return { uid: id('-u'), gid: id('-g') };
}

function urlOf(port: number, database: string): string {
  return `postgres://${PG_USER}@${LOOPBACK}:${port}/${database}`;
}

async function answers(port: number): Promise<boolean> {
  const client = new pg.Client({
    connectionString: urlOf(port, 'postgres'),
    connectionTimeoutMillis: PROBE_CONNECT_TIMEOUT_MS,
  });
  // A refused connection also emits 'error' on the client; connect() reports it.
  client.on('error', () => {});
  try {
    await client.connect();
    await client.query('SELECT 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

/**
 * A PostgreSQL 15 cluster in a temporary folder, listening on 127.0.0.1 only (its Unix
 * socket in the same folder, never /var/run), started in about 3 s with initdb.
 */
export async function startPostgres(): Promise<PostgresEngine> {
  const initdb = join(PG_BIN, 'initdb');
  if (!existsSync(initdb))
    throw new Error(
      `no PostgreSQL at ${PG_BIN} (apt-get install postgresql, or set LIENZO_PG_BIN)`,
    );
  const folder = mkdtempSync(join(tmpdir(), 'lienzo-pg-'));
  const account = accountToRunAs();
  if (account) chownSync(folder, account.uid, account.gid);
  const data = join(folder, 'data');
  // --no-sync: the fresh cluster's files need no fsync for a test; the server itself keeps
  // its normal durability settings (fsync on), so crash tests mean what they say.
  execFileSync(initdb, ['-D', data, '-A', 'trust', '-U', PG_USER, '-E', 'UTF8', '--no-sync'], {
    ...(account ?? {}),
    stdio: 'pipe',
  });
  const engine = await Engine.launch(
    {
      name: 'PostgreSQL',
      command: join(PG_BIN, 'postgres'),
      args: (port) => [
        '-D',
        data,
        '-p',
        String(port),
        '-k',
        folder,
        '-c',
        `listen_addresses=${LOOPBACK}`,
      ],
      spawnOptions: () => account ?? {},
      answers,
      // SIGINT is pg_ctl's -m fast, SIGQUIT its -m immediate.
      signals: { clean: 'SIGINT', crash: 'SIGQUIT' },
    },
    folder,
  );
  return Object.assign(engine, {
    adminUrl: urlOf(engine.port, 'postgres'),
    async createDatabase() {
      const name = `lienzo_${randomBytes(6).toString('hex')}`;
      const client = new pg.Client({ connectionString: urlOf(engine.port, 'postgres') });
      await client.connect();
      try {
        await client.query(`CREATE DATABASE ${name}`);
      } finally {
        await client.end();
      }
      return urlOf(engine.port, name);
    },
  });
}
