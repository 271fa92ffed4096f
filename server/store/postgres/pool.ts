import pg from 'pg';
import { errorMessage, type Logger } from '../../log';

/**
 * Connections one Lienzo process holds at most. A room's writes go one transaction at a time
 * (group commit, write-queue.ts), so a process needs about one connection per board being
 * written at that instant plus a few for loads and reads; ten serve hundreds of boards, and
 * three processes stay well under PostgreSQL's default max_connections of 100.
 */
export const POOL_MAX_CONNECTIONS = 10;
/**
 * How long getting a connection may take, a new one's TCP and start-up included (ms). A
 * PostgreSQL that is down or unreachable fails a write within this instead of holding it
 * forever, so the room can tell its writers the board is not saving.
 */
export const CONNECT_TIMEOUT_MS = 5_000;
/**
 * The longest one statement may run on the server (ms): our statements are single-row
 * writes and one board's reads, done in milliseconds; one past this is stuck on a lock or a
 * full disk and is better failed than waited on.
 */
export const STATEMENT_TIMEOUT_MS = 10_000;
/** The client's own bound on a query, for a server that stopped answering (ms). */
export const QUERY_TIMEOUT_MS = STATEMENT_TIMEOUT_MS + 2_000;
/** A connection left inside a transaction this long is ended by the server (ms). */
export const IDLE_IN_TRANSACTION_TIMEOUT_MS = 30_000;
/** An unused connection is closed after this (ms); the pool opens one again when needed. */
export const IDLE_CONNECTION_MS = 30_000;
/** What PostgreSQL shows in pg_stat_activity for our connections. */
const APPLICATION_NAME = 'lienzo';

/** The pool of connections to LIENZO_DATABASE_URL, with the limits above. */
export function createPool(url: string, logger: Logger): pg.Pool {
  const pool = new pg.Pool({
    connectionString: url,
    max: POOL_MAX_CONNECTIONS,
    connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
    idleTimeoutMillis: IDLE_CONNECTION_MS,
    query_timeout: QUERY_TIMEOUT_MS,
    statement_timeout: STATEMENT_TIMEOUT_MS,
    idle_in_transaction_session_timeout: IDLE_IN_TRANSACTION_TIMEOUT_MS,
    application_name: APPLICATION_NAME,
    keepAlive: true,
  });
  // An idle connection that PostgreSQL drops (a restart, a network cut) emits 'error' on the
  // pool; unhandled, that event would end the process. The pool discards the connection and
  // opens a new one for the next query, so noting it is all there is to do.
  pool.on('error', (error) => logger.warn('PostgreSQL connection lost', errorMessage(error)));
  return pool;
}

/** Runs `work` in one transaction on one connection: committed, or rolled back and rethrown. */
export async function inTransaction<T>(
  pool: pg.Pool,
  work: (client: pg.PoolClient) => Promise<T>,
): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const result = await work(client);
    await client.query('COMMIT');
    client.release();
    return result;
  } catch (error) {
    // A connection whose ROLLBACK fails is broken: release(error) makes the pool drop it.
    await client.query('ROLLBACK').then(
      () => client.release(),
      (rollbackError: Error) => client.release(rollbackError),
    );
    throw error;
  }
}
