import { resolve } from 'node:path';
import { DEFAULT_SNAPSHOT_MINUTES } from './history/history-recorder';
import {
  DEFAULT_AWARENESS_PER_MINUTE,
  DEFAULT_MESSAGES_PER_MINUTE,
} from './limits/connection-quota';
import { DEFAULT_QUOTAS, type QuotaLimits } from './http/quotas';
import { parseAllowedOrigins } from './sync/origin';
import {
  DEFAULT_LOG_LEVEL,
  LOG_LEVELS,
  isLogLevel,
  type LogLevel,
} from './observability/json-logger';
import { MIN_METRICS_TOKEN_LENGTH } from './observability/metrics-route';

/** A day: longer than any working session, so an interval past it is surely a typo. */
const MAX_SNAPSHOT_MINUTES = 24 * 60;

/**
 * The server's settings, read from the environment once at start. Every problem is reported
 * at once, with the variable's name, so a bad deployment fails before it listens.
 *
 *   PORT                      port to listen on (default 3000; 0 picks a free one)
 *   HOST                      interface to listen on (default 0.0.0.0)
 *   LIENZO_DATA_DIR           folder of the SQLite database (default ./data)
 *   LIENZO_DATABASE_URL       unset: SQLite in LIENZO_DATA_DIR; postgres://...: PostgreSQL
 *                             (server/store/open-store.ts)
 *   LIENZO_REDIS_URL          unset: one process; redis://...: one of several processes on
 *                             one PostgreSQL, relaying each other through Redis
 *                             (server/cluster; needs LIENZO_DATABASE_URL)
 *   LIENZO_TEST_SQLITE_MAX_PAGES  tests only: SQLite's max_page_count, a "disk" that fills
 *   LIENZO_ALLOWED_ORIGINS    comma-separated extra origins allowed to open the sync socket
 *   LIENZO_MAX_MESSAGE_BYTES  largest sync frame accepted (default 2 MiB)
 *   LIENZO_SNAPSHOT_MINUTES   an automatic version of a board after this many minutes of
 *                             activity (default 10; server/history)
 *   LIENZO_AWARENESS_PER_MINUTE  presence changes one connection may send a minute; more are
 *                             dropped (default 4800; server/limits/connection-quota.ts)
 *   LIENZO_MESSAGES_PER_MINUTE   messages one connection may send a minute; more close it
 *                             with 4429 (default 12000)
 *   LIENZO_HEADERS_TIMEOUT_MS a request's headers must arrive within this (default 20 s)
 *   LIENZO_REQUEST_TIMEOUT_MS a whole request, body included, within this (default 120 s)
 *   LIENZO_TRUST_PROXY        1: a reverse proxy in front of us appends X-Forwarded-For,
 *                             whose last entry is the client's address (default 0)
 *   LIENZO_BOARDS_PER_HOUR    boards one address may create an hour (server/http/quotas.ts)
 *   LIENZO_IMPORTS_PER_HOUR   boards one address may import an hour
 *   LIENZO_SOCKETS_PER_MINUTE sync sockets one address may open a minute
 *   LIENZO_LOG_LEVEL          info (default), warn, error, silent, ...: JSON lines on stdout
 *   LIENZO_METRICS_TOKEN      bearer token for GET /metrics from anywhere; unset, only this
 *                             machine may scrape (server/observability/metrics-route.ts)
 */
export interface LienzoConfig {
  port: number;
  host: string;
  /** Absolute path. */
  dataDir: string;
  /** LIENZO_DATABASE_URL; null keeps SQLite. */
  databaseUrl: string | null;
  /** LIENZO_REDIS_URL; null: a single process, no cluster code runs. */
  redisUrl: string | null;
  /** LIENZO_TEST_SQLITE_MAX_PAGES (tests of a full disk); null otherwise. */
  sqliteMaxPages: number | null;
  allowedOrigins: string[];
  maxMessageBytes: number;
  snapshotMinutes: number;
  awarenessPerMinute: number;
  messagesPerMinute: number;
  headersTimeoutMs: number;
  requestTimeoutMs: number;
  trustProxy: boolean;
  quotas: QuotaLimits;
  logLevel: LogLevel;
  /** Undefined: /metrics is served to loopback peers only. */
  metricsToken?: string;
}

export const DEFAULT_PORT = 3000;
export const DEFAULT_HOST = '0.0.0.0';
export const DEFAULT_DATA_DIR = './data';
/**
 * 2 MiB: the largest frame is a sync step 2 carrying a whole board (a client that edited
 * offline sends everything at once). A busy board is tens to a few hundred KiB, so this
 * leaves ample room while bounding what one frame can make the server hold and decode.
 */
export const DEFAULT_MAX_MESSAGE_BYTES = 2 * 1024 * 1024;

/**
 * 20 s for the headers: a few hundred bytes, even a phone on a bad line sends them in a
 * second or two. 120 s for a whole request: a 16 MiB import at 1.2 Mbit/s. Past them the
 * client is answered 408 and its socket closed, so a trickling client cannot hold it.
 */
export const DEFAULT_HEADERS_TIMEOUT_MS = 20_000;
export const DEFAULT_REQUEST_TIMEOUT_MS = 120_000;
/** An hour: no honest request takes longer. */
const MAX_TIMEOUT_MS = 3_600_000;

const MAX_PORT = 65_535;
/** A per-connection rate beyond a million messages a minute would limit nothing. */
const MAX_PER_MINUTE = 1_000_000;

/** The environment, or any map of variables (tests). */
type Env = Readonly<Record<string, string | undefined>>;

export class ConfigError extends Error {
  override name = 'ConfigError';
}

function readInteger(
  env: Env,
  name: string,
  fallback: number,
  min: number,
  max: number,
  problems: string[],
): number {
  const raw = env[name]?.trim();
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!/^\d+$/.test(raw) || value < min || value > max) {
    problems.push(`${name} must be an integer from ${min} to ${max}, got "${raw}"`);
    return fallback;
  }
  return value;
}

export function readConfig(env: Env = process.env, cwd = process.cwd()): LienzoConfig {
  const problems: string[] = [];
  const port = readInteger(env, 'PORT', DEFAULT_PORT, 0, MAX_PORT, problems);
  const maxMessageBytes = readInteger(
    env,
    'LIENZO_MAX_MESSAGE_BYTES',
    DEFAULT_MAX_MESSAGE_BYTES,
    1,
    Number.MAX_SAFE_INTEGER,
    problems,
  );
  const snapshotMinutes = readInteger(
    env,
    'LIENZO_SNAPSHOT_MINUTES',
    DEFAULT_SNAPSHOT_MINUTES,
    1,
    MAX_SNAPSHOT_MINUTES,
    problems,
  );
  const awarenessPerMinute = readInteger(
    env,
    'LIENZO_AWARENESS_PER_MINUTE',
    DEFAULT_AWARENESS_PER_MINUTE,
    1,
    MAX_PER_MINUTE,
    problems,
  );
  const messagesPerMinute = readInteger(
    env,
    'LIENZO_MESSAGES_PER_MINUTE',
    DEFAULT_MESSAGES_PER_MINUTE,
    1,
    MAX_PER_MINUTE,
    problems,
  );
  const headersTimeoutMs = readInteger(
    env,
    'LIENZO_HEADERS_TIMEOUT_MS',
    DEFAULT_HEADERS_TIMEOUT_MS,
    1,
    MAX_TIMEOUT_MS,
    problems,
  );
  const requestTimeoutMs = readInteger(
    env,
    'LIENZO_REQUEST_TIMEOUT_MS',
    DEFAULT_REQUEST_TIMEOUT_MS,
    1,
    MAX_TIMEOUT_MS,
    problems,
  );
  if (headersTimeoutMs > requestTimeoutMs)
    problems.push('LIENZO_HEADERS_TIMEOUT_MS must not exceed LIENZO_REQUEST_TIMEOUT_MS');
  const trustProxy = readInteger(env, 'LIENZO_TRUST_PROXY', 0, 0, 1, problems) === 1;
  const quota = (name: string, fallback: number) =>
    readInteger(env, name, fallback, 1, Number.MAX_SAFE_INTEGER, problems);
  const quotas: QuotaLimits = {
    boardsPerHour: quota('LIENZO_BOARDS_PER_HOUR', DEFAULT_QUOTAS.boardsPerHour),
    importsPerHour: quota('LIENZO_IMPORTS_PER_HOUR', DEFAULT_QUOTAS.importsPerHour),
    socketsPerMinute: quota('LIENZO_SOCKETS_PER_MINUTE', DEFAULT_QUOTAS.socketsPerMinute),
  };
  const logLevel = env.LIENZO_LOG_LEVEL?.trim().toLowerCase() || DEFAULT_LOG_LEVEL;
  if (!isLogLevel(logLevel))
    problems.push(`LIENZO_LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}, got "${logLevel}"`);
  const metricsToken = env.LIENZO_METRICS_TOKEN?.trim() || undefined;
  if (metricsToken !== undefined && metricsToken.length < MIN_METRICS_TOKEN_LENGTH)
    problems.push(`LIENZO_METRICS_TOKEN must be at least ${MIN_METRICS_TOKEN_LENGTH} characters`);
  const databaseUrl = env.LIENZO_DATABASE_URL?.trim() || null;
  if (databaseUrl !== null && !URL.canParse(databaseUrl))
    problems.push('LIENZO_DATABASE_URL must be a URL such as postgres://user@host/db');
  const redisUrl = env.LIENZO_REDIS_URL?.trim() || null;
  if (redisUrl !== null && !/^rediss?:\/\//.test(redisUrl))
    problems.push('LIENZO_REDIS_URL must be a URL such as redis://host:6379');
  // Processes share the truth through the store: one SQLite file per process cannot be it.
  if (redisUrl !== null && databaseUrl === null)
    problems.push(
      'LIENZO_REDIS_URL needs LIENZO_DATABASE_URL (several processes share PostgreSQL)',
    );
  const maxPages = readInteger(
    env,
    'LIENZO_TEST_SQLITE_MAX_PAGES',
    0,
    1,
    Number.MAX_SAFE_INTEGER,
    problems,
  );
  let allowedOrigins: string[] = [];
  try {
    const entries = (env.LIENZO_ALLOWED_ORIGINS ?? '').split(',').map((entry) => entry.trim());
    allowedOrigins = parseAllowedOrigins(entries.filter((entry) => entry !== ''));
  } catch (error) {
    problems.push(`LIENZO_ALLOWED_ORIGINS: ${(error as Error).message}`);
  }
  if (problems.length > 0)
    throw new ConfigError(`invalid configuration:\n  ${problems.join('\n  ')}`);
  return {
    port,
    host: env.HOST?.trim() || DEFAULT_HOST,
    dataDir: resolve(cwd, env.LIENZO_DATA_DIR?.trim() || DEFAULT_DATA_DIR),
    databaseUrl,
    redisUrl,
    sqliteMaxPages: maxPages === 0 ? null : maxPages,
    allowedOrigins,
    maxMessageBytes,
    snapshotMinutes,
    awarenessPerMinute,
    messagesPerMinute,
    headersTimeoutMs,
    requestTimeoutMs,
    trustProxy,
    quotas,
    logLevel: isLogLevel(logLevel) ? logLevel : DEFAULT_LOG_LEVEL,
    ...(metricsToken !== undefined ? { metricsToken } : {}),
  };
}
